import * as tf from '@tensorflow/tfjs';

/** tfjs console notices that say nothing actionable in a training run. */
const NOTICES = [/^Orthogonal initializer is being called on a matrix with more than/];

/**
 * Keeps tfjs' advisory notices out of the CLI's output: production mode turns off tfjs' own
 * `warn` (the "install tfjs-node" banner, which the backend fallback already accounts for), and
 * the orthogonal initializer's size notice, printed with `console.warn` directly, is dropped.
 * Other warnings still print. Called by the CLI entry and the training workers only.
 */
export function silenceTfjsNotices(): void {
  tf.enableProdMode();
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === 'string' && NOTICES.some((n) => n.test(first))) return;
    warn(...args);
  };
}
