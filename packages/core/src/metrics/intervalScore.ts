import { checkCoverageLevel, checkInterval } from './checkInterval.js';

/** Options of {@link intervalScore} and {@link intervalScores}. */
export interface IntervalScoreOptions {
  /** `[n]` observed values (index points). */
  actual: ArrayLike<number>;
  /** `[n]` lower bounds, the (α/2) quantiles of the forecasts. */
  lower: ArrayLike<number>;
  /** `[n]` upper bounds, the (1 − α/2) quantiles. */
  upper: ArrayLike<number>;
  /** Nominal coverage 1 − α in (0, 1), e.g. 0.8. */
  level: number;
}

/**
 * Interval (Winkler) score of each month:
 * `S_i = (u_i − l_i) + (2/α)(l_i − y_i)⁺ + (2/α)(y_i − u_i)⁺`, with α = 1 − level: the width,
 * plus a penalty growing with the miss. Lower is better; proper for the central (1 − α)
 * interval. In the units of the series (index points). The per-month losses are what a
 * Diebold–Mariano test of two interval forecasts compares ({@link dieboldMarianoLosses}).
 *
 * Equals `(2/α) · (ρ_{α/2}(y − l) + ρ_{1−α/2}(y − u))` with ρ the pinball loss
 * ({@link pinballLoss}).
 *
 * @see Gneiting & Raftery (2007), "Strictly proper scoring rules, prediction, and estimation",
 *   JASA 102(477), 359–378, §6.2; Winkler (1972), JASA 67(337), 187–191.
 * @param options - `actual`, `lower`, `upper`, `level`.
 * @returns `[n]` scores.
 * @throws Error if the inputs are empty, differ in length, hold a non-finite value, a lower bound
 *   exceeds its upper bound, or `level` is not in (0, 1).
 * @example
 * intervalScores({ actual: [5, 12, 0], lower: [0, 0, 2], upper: [10, 10, 10], level: 0.8 });
 * // => [10, 30, 28]  (width 10; 10 + 10·2; 8 + 10·2, with 2/α = 10)
 */
export function intervalScores(options: IntervalScoreOptions): number[] {
  const { actual, lower, upper, level } = options;
  checkInterval('intervalScore', { actual, lower, upper });
  checkCoverageLevel('intervalScore', level);
  const penalty = 2 / (1 - level);
  return Array.from(actual, (y, i) => {
    const l = lower[i] as number;
    const u = upper[i] as number;
    return u - l + penalty * Math.max(0, l - y) + penalty * Math.max(0, y - u);
  });
}

/**
 * Mean interval (Winkler) score over months, `mean(S_i)` of {@link intervalScores}, in index
 * points. Lower is better.
 *
 * @example
 * intervalScore({ actual: [5, 12, 0], lower: [0, 0, 2], upper: [10, 10, 10], level: 0.8 });
 * // => 22.666666666666668
 */
export function intervalScore(options: IntervalScoreOptions): number {
  const scores = intervalScores(options);
  return scores.reduce((s, v) => s + v, 0) / scores.length;
}
