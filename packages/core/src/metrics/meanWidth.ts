import { checkInterval } from './checkInterval.js';

/**
 * Mean interval width `mean(upper_i − lower_i)`, in the units of the bounds (index points):
 * sharpness, to be read beside coverage.
 *
 * @param options - `lower`, `upper`: `[n]` each.
 * @returns The mean width, ≥ 0.
 * @throws Error if the bounds are empty, differ in length, hold a non-finite value, or a lower
 *   bound exceeds its upper bound.
 * @example
 * meanWidth({ lower: [0, 1], upper: [2, 5] }); // => 3
 */
export function meanWidth(options: { lower: ArrayLike<number>; upper: ArrayLike<number> }): number {
  const { lower, upper } = options;
  checkInterval('meanWidth', { lower, upper });
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum += (upper[i] as number) - (lower[i] as number);
  return sum / lower.length;
}
