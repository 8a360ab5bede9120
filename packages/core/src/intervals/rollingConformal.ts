import { empiricalQuantile, type QuantileMethod, sortedAscending } from './empiricalQuantile.js';
import { checkLevel } from './levelProbabilities.js';
import {
  checkOnlineScores,
  checkWindow,
  type OnlineHalfWidths,
  usableScores,
} from './onlineScores.js';

/** Options of {@link rollingConformal}. */
export interface RollingConformalOptions {
  /**
   * `[n]` errors `y − ŷ` (or their absolute values) of the forecasts made at origins 0 .. n−1,
   * one per month, in the protocol's scaled space; the last `horizon` may be `NaN` (not yet
   * observed). See {@link OnlineHalfWidths} for the timing convention.
   */
  errors: ArrayLike<number>;
  /** Coverage probability in (0, 1), e.g. 0.8. */
  level: number;
  /** Forecast horizon h in months; `errors[s]` is usable from origin s + h on. Default 1. */
  horizon?: number;
  /** W: the quantile is taken over the last W usable errors; `Infinity` for all of them. */
  window: number;
  /** Quantile rule. Default `'conformal'` (⌈(m+1)·level⌉-th smallest of the m errors used). */
  method?: QuantileMethod;
  /** `'conformal'` only: the largest error instead of `+Infinity` when too few. Default false. */
  capAtLargest?: boolean;
}

/**
 * Rolling-window conformal half-widths: at each origin t, the `level` quantile of the absolute
 * errors of the last W forecasts whose targets are known at t (origins t − h − W + 1 .. t − h).
 * Recalibrates every month, so the band follows changes in the size of the model's errors.
 *
 * @param options - `errors`, `level`, `horizon`, `window`, `method`, `capAtLargest`.
 * @returns `[n]` half-widths and the number of errors each used; `+Infinity` at origins with too
 *   few usable errors for the rule (every origin t < h has none).
 * @throws {RangeError} on an invalid level, horizon, window or error.
 * @example
 * rollingConformal({ errors: [1, -2, 3, 4, NaN], level: 0.5, window: 3 }).halfWidths;
 * // => [Infinity, 1, 2, 2, 3]
 */
export function rollingConformal(options: RollingConformalOptions): OnlineHalfWidths {
  const {
    errors,
    level,
    horizon = 1,
    window,
    method = 'conformal',
    capAtLargest = false,
  } = options;
  checkLevel(level);
  checkWindow(window);
  const { scores } = checkOnlineScores(errors, horizon);
  const halfWidths: number[] = [];
  const scoresUsed: number[] = [];
  for (let t = 0; t < scores.length; t++) {
    const used = usableScores(scores, t, horizon, window);
    scoresUsed.push(used.length);
    halfWidths.push(
      used.length === 0
        ? Number.POSITIVE_INFINITY
        : empiricalQuantile(sortedAscending(used), level, { method, sorted: true, capAtLargest }),
    );
  }
  return { halfWidths, scoresUsed };
}
