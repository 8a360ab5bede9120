import { checkSeries } from './checkSeries.js';

/** One quantile forecast series: the probability τ and the forecast τ-quantile of each month. */
export interface QuantileForecast {
  /** τ in (0, 1). */
  probability: number;
  /** `[n]` forecast τ-quantiles, one per month (index points). */
  values: ArrayLike<number>;
}

/**
 * Pinball (quantile) loss averaged over months and over a set of quantiles:
 * `(1/K) Σ_k (1/n) Σ_i ρ_{τ_k}(y_i − q_{k,i})` with `ρ_τ(u) = max(τ·u, (τ − 1)·u)`, in the
 * units of the series (index points). Lower is better.
 *
 * Relations, for reading the number: (1) for an evenly spaced grid τ_k = k/(K+1), twice this
 * average approximates the CRPS of the forecast distribution, since
 * `CRPS(F, y) = 2 ∫₀¹ ρ_τ(y − F⁻¹(τ)) dτ` (Gneiting & Raftery 2007, eq. 21; Laio & Tamea 2007);
 * with the few quantiles of a set of intervals it is a coarse approximation. (2) For one central
 * interval, the Winkler score at level 1 − α is `(2/α)(ρ_{α/2} + ρ_{1−α/2})`, i.e. `4/α` times
 * this average over its two quantiles. (3) At τ = 0.5, ρ is half the absolute error.
 *
 * @see Koenker & Bassett (1978), Econometrica 46(1), 33–50 (the check function);
 *   Gneiting & Raftery (2007), JASA 102(477), 359–378.
 * @param options - `actual` `[n]`, and `quantiles`: K ≥ 1 forecasts, each `[n]`.
 * @returns The mean pinball loss, ≥ 0.
 * @throws Error if there are no quantiles, a probability is not in (0, 1), or a series is empty,
 *   of another length, or holds a non-finite value.
 * @example
 * pinballLoss({ actual: [10], quantiles: [{ probability: 0.1, values: [8] },
 *   { probability: 0.9, values: [11] }] }); // => 0.15  (mean of 0.1·2 and 0.1·1)
 */
export function pinballLoss(options: {
  actual: ArrayLike<number>;
  quantiles: readonly QuantileForecast[];
}): number {
  const { actual, quantiles } = options;
  if (quantiles.length === 0) throw new Error('pinballLoss: no quantiles');
  let total = 0;
  quantiles.forEach(({ probability: tau, values }, k) => {
    if (!(tau > 0 && tau < 1)) {
      throw new Error(`pinballLoss: quantiles[${k}].probability must be in (0, 1), got ${tau}`);
    }
    checkSeries('pinballLoss', { actual, [`quantiles[${k}].values`]: values });
    let sum = 0;
    for (let i = 0; i < actual.length; i++) {
      const u = (actual[i] as number) - (values[i] as number);
      sum += Math.max(tau * u, (tau - 1) * u);
    }
    total += sum / actual.length;
  });
  return total / quantiles.length;
}
