/**
 * Chooses the fastest TensorFlow.js backend that loads on this machine.
 *
 * `auto` tries, in order, tfjs-node-gpu → tfjs-node → wasm → cpu and takes the first whose loader
 * succeeds. `@tensorflow/tfjs-node` and `-node-gpu` are optional dependencies: on a machine where
 * their native library could not be installed, their loaders throw and the next one is tried.
 */

/** Backends the trainer can run on. */
export type BackendName = 'node-gpu' | 'node' | 'wasm' | 'cpu';

/** A backend preference as the CLI accepts it. */
export type BackendPreference = 'auto' | BackendName;

/** The order `auto` tries backends in, fastest first. */
export const AUTO_ORDER: readonly BackendName[] = ['node-gpu', 'node', 'wasm', 'cpu'];

/**
 * Loads one backend and makes it tfjs' active backend.
 * Resolves to the tfjs backend name actually active (e.g. `tensorflow`, `wasm`, `cpu`); rejects when
 * the backend cannot be loaded here.
 */
export type BackendLoader = () => Promise<string>;

/** One failed attempt, kept so the caller can say why a faster backend was skipped. */
export interface BackendAttempt {
  backend: BackendName;
  error: string;
}

/** The backend chosen, the tfjs name it runs under, and the attempts that failed before it. */
export interface BackendChoice {
  backend: BackendName;
  tfjsBackend: string;
  skipped: BackendAttempt[];
}

/** Raised when no backend in the requested order could be loaded. */
export class NoBackendError extends Error {
  override readonly name = 'NoBackendError';
  readonly attempts: BackendAttempt[];
  constructor(attempts: BackendAttempt[]) {
    super(
      `no TensorFlow.js backend could be loaded: ${attempts.map((a) => `${a.backend} (${a.error})`).join('; ')}`,
    );
    this.attempts = attempts;
  }
}

/**
 * Loads the preferred backend, or under `auto` the first that loads in {@link AUTO_ORDER}.
 *
 * @param preference `auto` or one backend; an explicit backend that fails is an error, not a fallback
 * @param loaders one loader per backend (see `tfjsBackendLoaders`); tests pass loaders that fail
 * @throws {NoBackendError} when nothing requested could be loaded
 */
export async function selectBackend(
  preference: BackendPreference,
  loaders: Record<BackendName, BackendLoader>,
): Promise<BackendChoice> {
  const order = preference === 'auto' ? AUTO_ORDER : [preference];
  const skipped: BackendAttempt[] = [];
  for (const backend of order) {
    try {
      const tfjsBackend = await loaders[backend]();
      return { backend, tfjsBackend, skipped };
    } catch (error) {
      skipped.push({ backend, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new NoBackendError(skipped);
}
