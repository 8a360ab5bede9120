import { checkInterval } from './checkInterval.js';

/**
 * Empirical coverage: the share of months whose actual value lies inside its interval,
 * `mean(lower_i ≤ actual_i ≤ upper_i)` (bounds included). A fraction in [0, 1], to be compared
 * with the nominal level.
 *
 * @param options - `actual`, `lower`, `upper`: `[n]` each, same units (index points).
 * @returns The share of months covered.
 * @throws Error if the inputs are empty, differ in length, hold a non-finite value, or a lower
 *   bound exceeds its upper bound.
 * @example
 * coverage({ actual: [1, 5, 3], lower: [0, 0, 3], upper: [2, 4, 4] }); // => 0.6666666666666666
 */
export function coverage(options: {
  actual: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}): number {
  const { actual, lower, upper } = options;
  checkInterval('coverage', { actual, lower, upper });
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  }
  return inside / actual.length;
}
