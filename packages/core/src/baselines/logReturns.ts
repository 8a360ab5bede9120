/**
 * h-period log returns of a series: `ln(v[t+h] / v[t])` for t = 0 .. n−1−h (the sum of h
 * consecutive one-period log returns). Unitless, per h periods.
 *
 * @param values - `[n]` the series, oldest first, positive and finite (e.g. monthly closes).
 * @param options - `horizon` h ≥ 1 (default 1).
 * @returns `[n − h]` log returns, indexed by origin t; empty when n ≤ h.
 * @throws {RangeError} when h is not a positive integer or a value is not positive and finite.
 * @example
 * logReturns([100, 110, 99]); // => [0.09531017980432493, -0.10536051565782628]
 * logReturns([100, 110, 99], { horizon: 2 }); // => [-0.01005033585350145]
 */
export function logReturns(
  values: ArrayLike<number>,
  options: { horizon?: number } = {},
): number[] {
  const { horizon = 1 } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  for (let t = 0; t < values.length; t++) {
    const v = values[t] as number;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`values[${t}] must be positive and finite, got ${v}`);
    }
  }
  const returns: number[] = [];
  for (let t = 0; t + horizon < values.length; t++) {
    returns.push(Math.log((values[t + horizon] as number) / (values[t] as number)));
  }
  return returns;
}
