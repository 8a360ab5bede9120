import { type AdaptiveConformalOptions, adaptiveConformal } from './adaptiveConformal.js';
import type { OnlineHalfWidths } from './onlineScores.js';
import { type RollingConformalOptions, rollingConformal } from './rollingConformal.js';
import { splitConformal } from './splitConformal.js';

/**
 * Errors divided by the volatility known at their forecast origins: `|e_t| / σ_t`.
 *
 * `σ_t` must be known at origin t (e.g. {@link ewmaVolatility} at the window's last month). The
 * unit of σ cancels: scores are in error units per σ unit, and half-widths are multiplied back
 * by σ. An h-step σ of `σ_t·√h` would cancel the same way, so one-period σ serves every horizon.
 *
 * @param errors - `[n]` errors (signed or absolute); `NaN` passes through (not yet observed).
 * @param sigmas - `[n]` volatility at each error's origin, positive and finite.
 * @returns `[n]` normalised absolute errors.
 * @throws {RangeError} when the lengths differ or a σ is not positive and finite.
 */
export function volatilityScaledScores(
  errors: ArrayLike<number>,
  sigmas: ArrayLike<number>,
): number[] {
  if (errors.length !== sigmas.length) {
    throw new RangeError(`${errors.length} errors but ${sigmas.length} sigmas`);
  }
  return Array.from(errors, (e, t) => Math.abs(e) / checkedSigma(sigmas, t));
}

function checkedSigma(sigmas: ArrayLike<number>, t: number): number {
  const sigma = sigmas[t] as number;
  if (!(Number.isFinite(sigma) && sigma > 0)) {
    throw new RangeError(`sigmas[${t}] must be positive and finite, got ${sigma}`);
  }
  return sigma;
}

/** Options of {@link volatilityScaledSplitConformal}. */
export interface VolatilityScaledSplitOptions {
  /** `[m]` errors of the calibration forecasts (validation tail), in the protocol's scaled space. */
  calibrationErrors: ArrayLike<number>;
  /** `[m]` volatility at each calibration forecast's origin. */
  calibrationSigmas: ArrayLike<number>;
  /** `[n]` volatility at the origins to be given bands (all after the calibration targets). */
  sigmas: ArrayLike<number>;
  /** Coverage probability in (0, 1), e.g. 0.8. */
  level: number;
  /** The largest normalised score instead of `+Infinity` when too few. Default false. */
  capAtLargest?: boolean;
}

/**
 * Static volatility-scaled split-conformal: one conformal quantile q of the calibration errors
 * divided by their origins' volatility, then `halfWidth_t = q · σ_t` at each new origin. The band
 * widens when recent returns have been large, and narrows in calm months.
 *
 * @param options - `calibrationErrors`, `calibrationSigmas`, `sigmas`, `level`, `capAtLargest`.
 * @returns q (errors per σ unit) and `[n]` half-widths in the units of the errors.
 * @throws {RangeError} on mismatched lengths, a σ that is not positive and finite, or an invalid
 *   level or error.
 * @example
 * volatilityScaledSplitConformal({
 *   calibrationErrors: [0.1, 0.4, 0.2, 0.3], calibrationSigmas: [1, 2, 1, 1],
 *   sigmas: [0.5, 2], level: 0.5,
 * }); // => { quantile: 0.2, halfWidths: [0.1, 0.4] }
 */
export function volatilityScaledSplitConformal(options: VolatilityScaledSplitOptions): {
  quantile: number;
  halfWidths: number[];
} {
  const { calibrationErrors, calibrationSigmas, sigmas, level, capAtLargest = false } = options;
  const scores = volatilityScaledScores(calibrationErrors, calibrationSigmas);
  const quantile = splitConformal({ scores, level, capAtLargest });
  return {
    quantile,
    halfWidths: Array.from(sigmas, (_, t) => quantile * checkedSigma(sigmas, t)),
  };
}

/** Options of {@link volatilityScaledOnline}: those of the chosen online method, plus σ. */
export type VolatilityScaledOnlineOptions = (
  | ({ recalibration: 'rolling' } & RollingConformalOptions)
  | ({ recalibration: 'adaptive' } & AdaptiveConformalOptions)
) & {
  /** `[n]` volatility at each origin, positive and finite, known at that origin. */
  sigmas: ArrayLike<number>;
};

/** Half-widths of {@link volatilityScaledOnline}. */
export interface VolatilityScaledOnlineResult extends OnlineHalfWidths {
  /** `[n]` the inner method's quantile of `|e|/σ` at each origin, before multiplying by σ_t. */
  scaledQuantiles: number[];
}

/**
 * Online volatility-scaled conformal: runs {@link rollingConformal} or {@link adaptiveConformal}
 * on `|e_t| / σ_t`, then multiplies each month's quantile by that month's σ_t. Same timing
 * convention and no-look-ahead guarantee as the method chosen (σ_t is known at origin t).
 *
 * @param options - `recalibration: 'rolling' | 'adaptive'`, `sigmas`, and that method's options.
 * @returns `[n]` half-widths in the units of the errors (`+Infinity` where the inner method has
 *   none), the quantiles before scaling, and the errors each used.
 * @throws {RangeError} as the inner method, or on mismatched lengths or a bad σ.
 * @example
 * volatilityScaledOnline({ recalibration: 'rolling', window: 2, level: 0.5,
 *   errors: [1, 4, 1, NaN], sigmas: [1, 2, 0.5, 3] }).halfWidths; // => [Infinity, 2, 1, 6]
 */
export function volatilityScaledOnline(
  options: VolatilityScaledOnlineOptions,
): VolatilityScaledOnlineResult {
  const { sigmas } = options;
  const scores = volatilityScaledScores(options.errors, sigmas);
  const inner =
    options.recalibration === 'rolling'
      ? rollingConformal({ ...options, errors: scores })
      : adaptiveConformal({ ...options, errors: scores });
  return {
    scaledQuantiles: inner.halfWidths,
    halfWidths: inner.halfWidths.map((q, t) => q * checkedSigma(sigmas, t)),
    scoresUsed: inner.scoresUsed,
  };
}
