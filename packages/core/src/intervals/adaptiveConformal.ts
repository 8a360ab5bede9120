import { empiricalQuantile, type QuantileMethod, sortedAscending } from './empiricalQuantile.js';
import { checkLevel } from './levelProbabilities.js';
import {
  checkOnlineScores,
  checkWindow,
  type OnlineHalfWidths,
  usableScores,
} from './onlineScores.js';

/** Options of {@link adaptiveConformal}. */
export interface AdaptiveConformalOptions {
  /**
   * `[n]` errors `y − ŷ` (or their absolute values) of the forecasts made at origins 0 .. n−1,
   * one per month, in the protocol's scaled space; the last `horizon` may be `NaN` (not yet
   * observed). See {@link OnlineHalfWidths} for the timing convention.
   */
  errors: ArrayLike<number>;
  /** Target coverage probability 1 − α in (0, 1), e.g. 0.8. */
  level: number;
  /** Forecast horizon h in months; `errors[s]` and its miss are known from origin s + h on. Default 1. */
  horizon?: number;
  /** Step size γ of the update of α_t. Default 0.005, the value of Gibbs & Candès' experiments. */
  gamma?: number;
  /** Calibration set: the last W usable errors; `Infinity` (default) for all of them. */
  window?: number;
  /** Quantile rule applied at level 1 − α_t. Default `'conformal'`. */
  method?: QuantileMethod;
  /** `'conformal'` only: the largest error instead of `+Infinity` when too few. Default false. */
  capAtLargest?: boolean;
  /**
   * The update starts at the first origin with at least this many usable errors; before it the
   * half-width is `+Infinity` and α is not updated. Default: the fewest errors for which the
   * `'conformal'` rule is finite at `level` (4 at 0.8, 19 at 0.95); 1 for the other rules.
   */
  minScores?: number;
}

/** Half-widths of {@link adaptiveConformal}, with the miscoverage level used at each origin. */
export interface AdaptiveConformalResult extends OnlineHalfWidths {
  /** `[n]` α_t at each origin (the nominal α before the update starts). */
  alphas: number[];
}

/** Fewest scores for which ⌈(m+1)·level⌉ ≤ m, the conformal rule's first finite sample size. */
function fewestForFiniteConformal(level: number): number {
  let m = 1;
  while (
    !Number.isFinite(
      empiricalQuantile(new Float64Array(m), level, { method: 'conformal', sorted: true }),
    )
  )
    m++;
  return m;
}

/**
 * Adaptive conformal inference (Gibbs & Candès 2021), with the update delayed by the horizon.
 *
 * At each origin t the half-width is the (1 − α_t) quantile of the usable absolute errors; after
 * the target of origin s arrives (at origin s + h), its miss `err_s = 1{|e_s| > halfWidth_s}`
 * moves the level: `α ← α + γ(α_nominal − err_s)`. So
 * `α_t = α + γ Σ_{t₀ ≤ s ≤ t−h} (α − err_s)`, with t₀ the first origin with `minScores` usable
 * errors. A miss lowers α_t (a wider band), a hit raises it; over any T months the miss rate is
 * within (max(α_t) − min(α_t) + γ)/(γT) of α, whatever the errors do (their Proposition 4.1,
 * for h = 1). When α_t ≤ 0 the band is `+Infinity` (unless `capAtLargest`); when α_t ≥ 1 it is 0.
 *
 * @see Gibbs & Candès (2021), "Adaptive conformal inference under distribution shift",
 *   NeurIPS 34, https://arxiv.org/abs/2106.00170
 * @param options - `errors`, `level`, `horizon`, `gamma`, `window`, `method`, `capAtLargest`,
 *   `minScores`.
 * @returns `[n]` half-widths (units of the errors), errors used and α_t, per origin.
 * @throws {RangeError} on an invalid level, horizon, gamma, window, minScores or error.
 * @example
 * adaptiveConformal({ errors: [1, 2, 3, 4, 5, 6], level: 0.5, gamma: 0.1, minScores: 1 }).alphas;
 * // => [0.5, 0.5, 0.45, 0.4, 0.35, 0.3] (to rounding)
 */
export function adaptiveConformal(options: AdaptiveConformalOptions): AdaptiveConformalResult {
  const {
    errors,
    level,
    horizon = 1,
    gamma = 0.005,
    window = Number.POSITIVE_INFINITY,
    method = 'conformal',
    capAtLargest = false,
  } = options;
  checkLevel(level);
  checkWindow(window);
  if (!(Number.isFinite(gamma) && gamma > 0)) {
    throw new RangeError(`gamma must be positive and finite, got ${gamma}`);
  }
  const minScores =
    options.minScores ?? (method === 'conformal' ? fewestForFiniteConformal(level) : 1);
  if (!(Number.isInteger(minScores) && minScores >= 1)) {
    throw new RangeError(`minScores must be a positive integer, got ${minScores}`);
  }
  if (window < minScores) {
    throw new RangeError(`a window of ${window} never holds minScores = ${minScores} errors`);
  }
  const { scores } = checkOnlineScores(errors, horizon);
  const nominal = 1 - level;
  const halfWidths: number[] = [];
  const scoresUsed: number[] = [];
  const alphas: number[] = [];
  let alpha = nominal;
  let start = -1; // t₀, once reached
  for (let t = 0; t < scores.length; t++) {
    const s = t - horizon;
    if (start >= 0 && s >= start) {
      const miss = (scores[s] as number) > (halfWidths[s] as number) ? 1 : 0;
      alpha += gamma * (nominal - miss);
    }
    const used = usableScores(scores, t, horizon, window);
    scoresUsed.push(used.length);
    if (start < 0 && used.length >= minScores) start = t;
    alphas.push(alpha);
    halfWidths.push(
      start < 0 ? Number.POSITIVE_INFINITY : halfWidthAt(used, 1 - alpha, method, capAtLargest),
    );
  }
  return { halfWidths, scoresUsed, alphas };
}

/** The (1 − α_t) quantile, with the degenerate levels of ACI: ≥ 1 → whole line, ≤ 0 → a point. */
function halfWidthAt(
  used: Float64Array,
  p: number,
  method: QuantileMethod,
  capAtLargest: boolean,
): number {
  if (used.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = sortedAscending(used);
  if (p >= 1)
    return capAtLargest ? (sorted[sorted.length - 1] as number) : Number.POSITIVE_INFINITY;
  if (p <= 0) return 0;
  return empiricalQuantile(sorted, p, { method, sorted: true, capAtLargest });
}
