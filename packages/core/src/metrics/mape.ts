import { checkSeries } from './checkSeries.js';

/**
 * Mean absolute percentage error: `100 · mean(|actual_i − predicted_i| / |actual_i|)`, in percent.
 *
 * @see https://en.wikipedia.org/wiki/Mean_absolute_percentage_error
 * @param actual - Observed values; none may be zero.
 * @param predicted - Forecasts, one per observed value.
 * @returns The MAPE in percent (2.5 means 2.5 %), ≥ 0.
 * @throws Error if the inputs are empty, differ in length, hold a non-finite value, or an actual
 *   value is zero (the percentage error is undefined there).
 * @example
 * mape([100, 200], [110, 190]); // => 7.500000000000001 (7.5 %)
 */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkSeries('mape', { actual, predicted });
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    if (a === 0) {
      throw new Error(`mape: actual value is zero at index ${i}`);
    }
    sum += Math.abs((a - (predicted[i] as number)) / a);
  }
  return (100 * sum) / actual.length;
}
