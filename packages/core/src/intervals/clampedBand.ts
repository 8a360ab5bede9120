import type { Band } from './multiplicativeBand.js';

/** A band of the reference protocol, with whether a bound had to be raised to 0. */
export interface ClampedBand extends Band {
  /** True when `center − halfWidth` (or the whole band) fell below 0 and was raised to 0. */
  clamped: boolean;
}

/**
 * The reference protocol's band, in raw index points: `center ± halfWidth`, with bounds below 0
 * raised to 0 (an index level cannot be negative) and the clamping reported, so a response can
 * say so. Additive, unlike {@link multiplicativeBand}: the reference protocol has no scale.
 *
 * @param options - `center` (the forecast, index points) and `halfWidth` (≥ 0, index points).
 * @returns Bounds ≥ 0 with `lower ≤ upper`, and `clamped`.
 * @throws {RangeError} when an input is not finite or the half-width is negative.
 * @example
 * clampedBand({ center: 300, halfWidth: 500 }); // => { lower: 0, upper: 800, clamped: true }
 */
export function clampedBand(options: { center: number; halfWidth: number }): ClampedBand {
  const { center, halfWidth } = options;
  if (!Number.isFinite(center)) throw new RangeError(`center must be finite, got ${center}`);
  if (!(Number.isFinite(halfWidth) && halfWidth >= 0)) {
    throw new RangeError(`halfWidth must be finite and ≥ 0, got ${halfWidth}`);
  }
  const lower = center - halfWidth;
  const upper = center + halfWidth;
  return { lower: Math.max(0, lower), upper: Math.max(0, upper), clamped: lower < 0 };
}
