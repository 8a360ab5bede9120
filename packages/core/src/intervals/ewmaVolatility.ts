/** Options of {@link ewmaVolatility}. */
export interface EwmaVolatilityOptions {
  /** Decay λ in (0, 1). Default 0.94, RiskMetrics' value (J.P. Morgan 1996, for daily data). */
  lambda?: number;
  /**
   * Returns averaged to start the recursion: σ² at origin k is the mean of the first k squared
   * log returns; earlier origins get `NaN`. Default 12 (one year of months). Ignored when
   * `initialVariance` is given.
   */
  warmup?: number;
  /** σ² at origin 0 (before any return), e.g. a prior estimate; every origin then has a value. */
  initialVariance?: number;
}

/**
 * Exponentially weighted (RiskMetrics) volatility of one-period log returns, as known at each
 * origin: `σ²_t = λ σ²_{t−1} + (1 − λ) r_t²` with `r_t = ln(v_t / v_{t−1})`, returns taken as
 * zero-mean as in RiskMetrics. `σ_t` uses `values[0..t]` only and is the forecast of the standard
 * deviation of the next return `r_{t+1}`; under a random walk the h-period one is `σ_t·√h`.
 *
 * Initialisation: without `initialVariance`, σ²_k (k = `warmup`) is the mean of `r_1² .. r_k²`
 * and the recursion runs from origin k + 1; origins before k have no estimate (`NaN`). With
 * `initialVariance`, σ²_0 is that value and the recursion runs from origin 1. At λ = 0.94 the
 * start's weight falls below 1% after 75 months.
 *
 * @see J.P. Morgan/Reuters (1996), RiskMetrics — Technical Document, 4th ed., §5.2.
 * @param values - `[n]` the series, oldest first, positive and finite (e.g. monthly closes).
 * @param options - `lambda`, `warmup`, `initialVariance`.
 * @returns `[n]` σ_t per origin, in log-return units per period (per month for monthly closes);
 *   `NaN` before the warm-up.
 * @throws {RangeError} on a value that is not positive and finite, λ outside (0, 1), a warm-up
 *   that is not a positive integer, or an initial variance that is not positive and finite.
 * @example
 * ewmaVolatility([100, 110, 99], { lambda: 0.5, warmup: 1 });
 * // => [NaN, 0.0953…, 0.1004…]  (√(ln²1.1), √(0.5·ln²1.1 + 0.5·ln²0.9))
 */
export function ewmaVolatility(
  values: ArrayLike<number>,
  options: EwmaVolatilityOptions = {},
): number[] {
  const { lambda = 0.94, warmup = 12, initialVariance } = options;
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`lambda must be in (0, 1), got ${lambda}`);
  if (initialVariance === undefined) {
    if (!(Number.isInteger(warmup) && warmup >= 1)) {
      throw new RangeError(`warmup must be a positive integer, got ${warmup}`);
    }
  } else if (!(Number.isFinite(initialVariance) && initialVariance > 0)) {
    throw new RangeError(`initialVariance must be positive and finite, got ${initialVariance}`);
  }
  const n = values.length;
  for (let t = 0; t < n; t++) {
    const v = values[t] as number;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`values[${t}] must be positive and finite, got ${v}`);
    }
  }
  const sigmas = new Array<number>(n).fill(Number.NaN);
  const squaredReturn = (t: number) =>
    Math.log((values[t] as number) / (values[t - 1] as number)) ** 2;
  let variance: number;
  let from: number;
  if (initialVariance === undefined) {
    if (n <= warmup) return sigmas;
    let sum = 0;
    for (let t = 1; t <= warmup; t++) sum += squaredReturn(t);
    variance = sum / warmup;
    sigmas[warmup] = Math.sqrt(variance);
    from = warmup + 1;
  } else {
    if (n === 0) return sigmas;
    variance = initialVariance;
    sigmas[0] = Math.sqrt(variance);
    from = 1;
  }
  for (let t = from; t < n; t++) {
    variance = lambda * variance + (1 - lambda) * squaredReturn(t);
    sigmas[t] = Math.sqrt(variance);
  }
  return sigmas;
}
