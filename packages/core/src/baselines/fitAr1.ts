/** An AR(1) model of one-period log returns: `r_t = c + φ·r_{t−1} + e_t`. */
export interface Ar1 {
  /** Intercept c, log return per period. */
  c: number;
  /** Autoregressive coefficient φ, unitless. */
  phi: number;
}

/** {@link fitAr1}'s result: the coefficients and the in-sample residuals. */
export interface Ar1Fit extends Ar1 {
  /** `[n − 1]` residuals `r_t − c − φ·r_{t−1}` for t = 1 .. n−1, in log-return units. */
  residuals: number[];
}

/**
 * Fits `r_t = c + φ·r_{t−1} + e_t` by ordinary least squares on consecutive one-period log
 * returns (the conditional least-squares fit; the first return serves only as a regressor).
 * `φ = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²`, `c = ȳ − φ·x̄`, with `x = r_{0..n−2}`, `y = r_{1..n−1}`.
 *
 * On the S&P 500's fitted span (the 613 fitting windows' 624 monthly log returns, 1950-02 ..
 * 2002-01) this gives c = 0.00521, φ = 0.225 (docs/lesson.md, classical forecasters).
 *
 * @see https://otexts.com/fpp3/AR.html
 * @param returns - `[n]` one-period log returns, oldest first, finite; n ≥ 3.
 * @returns c, φ and the `[n − 1]` residuals.
 * @throws {RangeError} with fewer than 3 returns, a non-finite return, or constant regressors.
 * @example
 * fitAr1([0.01, 0.03, 0.02, 0.04]);
 * // => { c: 0.04, phi: -0.5, residuals: [-0.005, -0.005, 0.01] } (to rounding)
 */
export function fitAr1(returns: ArrayLike<number>): Ar1Fit {
  const n = returns.length;
  if (n < 3) throw new RangeError(`need at least 3 returns to fit an AR(1), got ${n}`);
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(returns[t])) {
      throw new RangeError(`returns[${t}] is not finite (${returns[t]})`);
    }
  }
  const m = n - 1;
  let meanX = 0;
  let meanY = 0;
  for (let t = 1; t < n; t++) {
    meanX += returns[t - 1] as number;
    meanY += returns[t] as number;
  }
  meanX /= m;
  meanY /= m;
  let sxy = 0;
  let sxx = 0;
  for (let t = 1; t < n; t++) {
    const dx = (returns[t - 1] as number) - meanX;
    sxy += dx * ((returns[t] as number) - meanY);
    sxx += dx * dx;
  }
  if (!(sxx > 0)) throw new RangeError('the lagged returns are constant: φ is not identified');
  const phi = sxy / sxx;
  const c = meanY - phi * meanX;
  const residuals: number[] = [];
  for (let t = 1; t < n; t++) {
    residuals.push((returns[t] as number) - c - phi * (returns[t - 1] as number));
  }
  return { c, phi, residuals };
}
