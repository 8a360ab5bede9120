import { checkSeries } from './checkSeries.js';

/**
 * Root mean squared error: `sqrt(mean((actual_i − predicted_i)²))`, in the units of the series
 * (index points for S&P 500 levels).
 *
 * @see https://en.wikipedia.org/wiki/Root_mean_square_deviation
 * @param actual - Observed values.
 * @param predicted - Forecasts, one per observed value.
 * @returns The RMSE, ≥ 0.
 * @throws Error if the inputs are empty, differ in length, or hold a non-finite value.
 * @example
 * rmse([1, 2, 3], [1, 2, 6]); // => 1.7320508075688772 (√3)
 */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkSeries('rmse', { actual, predicted });
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = (actual[i] as number) - (predicted[i] as number);
    sum += e * e;
  }
  return Math.sqrt(sum / actual.length);
}
