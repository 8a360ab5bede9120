import { checkSeries } from './checkSeries.js';
import { mae } from './mae.js';

/**
 * Mean absolute scaled error: the forecast's MAE divided by `scale`, the training set's in-sample
 * naive MAE (see {@link naiveScale}). Unitless; below 1 means better than the naive forecast did
 * in sample.
 *
 * @see https://otexts.com/fpp3/accuracy.html#scaled-errors
 * @param actual - Observed values.
 * @param predicted - Forecasts, one per observed value.
 * @param scale - In-sample naive MAE of the training set, in the units of the series; > 0.
 * @returns The MASE, ≥ 0.
 * @throws Error if the inputs are empty, differ in length, hold a non-finite value, or `scale`
 *   is not a positive finite number.
 * @example
 * mase([1, 2, 3], [2, 2, 1], 2); // => 0.5
 */
export function mase(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  scale: number,
): number {
  checkSeries('mase', { actual, predicted });
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new Error(`mase: scale must be a positive finite number, got ${scale}`);
  }
  return mae(actual, predicted) / scale;
}
