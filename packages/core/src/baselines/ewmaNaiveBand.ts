import { levelProbabilities } from '../intervals/levelProbabilities.js';
import { type LevelBand, multiplicativeBand } from '../intervals/multiplicativeBand.js';
import { normalQuantile } from '../stats/normalQuantile.js';

/**
 * Naive forecast with Gaussian intervals from an EWMA volatility (RiskMetrics): the h-period log
 * return is taken as `N(0, h·σ_t²)`, so the band is `last · exp(± z·σ_t·√h)` with
 * `z = Φ⁻¹((1 + level)/2)`; the point is `last`. σ_t comes from {@link ewmaVolatility}
 * (λ = 0.94) at the origin, from the series up to the origin only.
 *
 * @param options - `last` (the origin's value, index points, > 0), `sigma` (σ_t, one-period
 *   log-return volatility, > 0), `horizon` h ≥ 1 (default 1), `levels` (coverage probabilities).
 * @returns The point forecast and one band per level, in index points.
 * @throws {RangeError} on a non-positive `last` or `sigma`, a bad horizon or level.
 * @example
 * ewmaNaiveBands({ last: 100, sigma: 0.04, levels: [0.95] }).bands[0];
 * // => { level: 0.95, lower: 92.459…, upper: 108.155… }  (100·exp(∓1.96·0.04))
 */
export function ewmaNaiveBands(options: {
  last: number;
  sigma: number;
  horizon?: number;
  levels: readonly number[];
}): { point: number; bands: LevelBand[] } {
  const { last, sigma, horizon = 1, levels } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  const spread = sigma * Math.sqrt(horizon);
  return {
    point: last,
    bands: levelProbabilities(levels).map(({ level, upper }) => {
      const z = normalQuantile(upper);
      return {
        level,
        ...multiplicativeBand({ last, sigma: spread, lowerScaled: -z, upperScaled: z }),
      };
    }),
  };
}
