import { checkSeries } from './checkSeries.js';

/**
 * Checks interval bounds (and the actual values, when given) for the interval metrics: non-empty,
 * one length, finite, and `lower[i] ≤ upper[i]`.
 *
 * @throws Error from {@link checkSeries}, or when a lower bound exceeds its upper bound.
 * @internal
 */
export function checkInterval(
  metric: string,
  series: { actual?: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> },
): void {
  const { actual, lower, upper } = series;
  checkSeries(metric, actual === undefined ? { lower, upper } : { actual, lower, upper });
  for (let i = 0; i < lower.length; i++) {
    if ((lower[i] as number) > (upper[i] as number)) {
      throw new Error(`${metric}: lower[${i}] (${lower[i]}) exceeds upper[${i}] (${upper[i]})`);
    }
  }
}

/**
 * Checks a coverage level given as a probability.
 *
 * @throws Error unless `0 < level < 1`.
 * @internal
 */
export function checkCoverageLevel(metric: string, level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new Error(`${metric}: level must be a coverage probability in (0, 1), got ${level}`);
  }
}
