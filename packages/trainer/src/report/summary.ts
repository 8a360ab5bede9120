import type { MeanSd } from '@gatecast/core';

/**
 * Mean ± sample standard deviation; `sd` is 0 for a single value.
 *
 * @example meanSd([1, 2, 3]) // => { mean: 2, sd: 1 }
 */
export function meanSd(values: readonly number[]): MeanSd {
  if (values.length === 0) throw new RangeError('meanSd of no values');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length === 1) return { mean, sd: 0 };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
