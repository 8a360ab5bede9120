import { checkSeries } from './checkSeries.js';

/**
 * Mean absolute error: `mean(|actual_i − predicted_i|)`, in the units of the series
 * (index points for S&P 500 levels).
 *
 * @see https://en.wikipedia.org/wiki/Mean_absolute_error
 * @param actual - Observed values.
 * @param predicted - Forecasts, one per observed value.
 * @returns The MAE, ≥ 0.
 * @throws Error if the inputs are empty, differ in length, or hold a non-finite value.
 * @example
 * mae([1, 2, 3], [2, 2, 1]); // => 1
 */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkSeries('mae', { actual, predicted });
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    sum += Math.abs((actual[i] as number) - (predicted[i] as number));
  }
  return sum / actual.length;
}
