import { empiricalQuantile } from './empiricalQuantile.js';
import { checkLevel } from './levelProbabilities.js';

/** Options of {@link splitConformal}. */
export interface SplitConformalOptions {
  /**
   * `[n]` nonconformity scores of the calibration months: absolute errors `|y − ŷ|` of forecasts
   * the model was not fitted on (the validation tail), in the protocol's scaled space. Signed
   * errors are accepted; their absolute value is taken.
   */
  scores: ArrayLike<number>;
  /** Coverage probability in (0, 1), e.g. 0.8. */
  level: number;
  /** Return the largest score instead of `+Infinity` when there are too few scores. Default false. */
  capAtLargest?: boolean;
}

/**
 * Static split-conformal half-width: the ⌈(n+1)·level⌉-th smallest absolute calibration error
 * (the `'conformal'` rule of {@link empiricalQuantile}).
 *
 * When calibration and new errors are exchangeable, `[ŷ − q, ŷ + q]` covers a new target with
 * probability at least `level` (Vovk et al. 2005; Lei et al. 2018). This is the rule the trainer
 * applied to the validation residuals of each served model (`conformalHalfWidth`).
 *
 * @param options - `scores`, `level`, `capAtLargest`.
 * @returns The half-width, in the units of the scores; `+Infinity` when
 *   n < level / (1 − level) (fewer than 4 scores at 0.8, 19 at 0.95), unless `capAtLargest`.
 * @throws {RangeError} when `level` is not in (0, 1) or a score is not finite.
 * @example
 * splitConformal({ scores: [0.1, -0.4, 0.2, 0.3], level: 0.5 }); // => 0.3 (3rd smallest of 4)
 */
export function splitConformal(options: SplitConformalOptions): number {
  const { scores, level, capAtLargest = false } = options;
  checkLevel(level);
  const absolute = Array.from(scores, Math.abs);
  return empiricalQuantile(absolute, level, { method: 'conformal', capAtLargest });
}
