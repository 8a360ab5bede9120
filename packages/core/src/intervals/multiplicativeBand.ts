/** An interval in index points. */
export interface Band {
  lower: number;
  upper: number;
}

/** A central interval at one coverage level, in index points. */
export interface LevelBand extends Band {
  /** Coverage probability in (0, 1), e.g. 0.8. */
  level: number;
}

/** Options of {@link multiplicativeBand}. */
export interface MultiplicativeBandOptions {
  /** The forecast origin's last value (the window's last close), in index points; > 0. */
  last: number;
  /** σ of the relative protocol: scaled units → log return (`fitLogReturnStd`); > 0. */
  sigma: number;
  /** Lower quantile in the protocol's scaled space (a log ratio to `last`, divided by σ). */
  lowerScaled: number;
  /** Upper quantile in scaled space; ≥ `lowerScaled`. */
  upperScaled: number;
}

/**
 * Maps scaled-space quantiles of the relative protocol back to index points:
 * `last · exp(σ · lowerScaled)` and `last · exp(σ · upperScaled)`, the inverse of
 * `relativeScaler`. For a conformal band pass `center ∓ halfWidth` (see
 * {@link symmetricMultiplicativeBand}). Bounds are multiplicative, so always positive.
 *
 * @param options - `last`, `sigma`, `lowerScaled`, `upperScaled`.
 * @returns Finite, positive bounds in index points, `lower ≤ upper`.
 * @throws {RangeError} when an input is not finite (an infinite half-width must be capped or
 *   refused by the caller), `last` or `sigma` is not positive, `lowerScaled > upperScaled`, or a
 *   bound overflows to `Infinity` or underflows to 0.
 * @example
 * multiplicativeBand({ last: 100, sigma: 0.04, lowerScaled: -1, upperScaled: 1 });
 * // => { lower: 96.07894391523232, upper: 104.08107741923882 }
 */
export function multiplicativeBand(options: MultiplicativeBandOptions): Band {
  const { last, sigma, lowerScaled, upperScaled } = options;
  for (const [name, v] of Object.entries({ last, sigma, lowerScaled, upperScaled })) {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be finite, got ${v}`);
  }
  if (!(last > 0)) throw new RangeError(`last must be positive, got ${last}`);
  if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
  if (lowerScaled > upperScaled) {
    throw new RangeError(`lowerScaled ${lowerScaled} exceeds upperScaled ${upperScaled}`);
  }
  const lower = last * Math.exp(sigma * lowerScaled);
  const upper = last * Math.exp(sigma * upperScaled);
  if (!(lower > 0 && Number.isFinite(upper))) {
    throw new RangeError(`band [${lower}, ${upper}] is not finite and positive`);
  }
  return { lower, upper };
}

/**
 * A symmetric scaled-space band `center ± halfWidth` mapped to index points with
 * {@link multiplicativeBand}: `last · exp(σ · (center ± halfWidth))`. In points the band is not
 * symmetric about the forecast: it is wider above.
 *
 * @param options - `last`, `sigma`, and `center`, `halfWidth` (≥ 0) in scaled units.
 * @returns Finite, positive bounds in index points.
 * @throws {RangeError} as {@link multiplicativeBand}, or on a negative or infinite half-width.
 * @example
 * symmetricMultiplicativeBand({ last: 100, sigma: 0.04, center: 0, halfWidth: 1 }).upper;
 * // => 104.08107741923882
 */
export function symmetricMultiplicativeBand(options: {
  last: number;
  sigma: number;
  center: number;
  halfWidth: number;
}): Band {
  const { last, sigma, center, halfWidth } = options;
  if (!(Number.isFinite(halfWidth) && halfWidth >= 0)) {
    throw new RangeError(`halfWidth must be finite and ≥ 0, got ${halfWidth}`);
  }
  return multiplicativeBand({
    last,
    sigma,
    lowerScaled: center - halfWidth,
    upperScaled: center + halfWidth,
  });
}
