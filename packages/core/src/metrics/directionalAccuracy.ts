import { checkSeries } from './checkSeries.js';

/**
 * Directional accuracy: the share of windows where the forecast moves the same way as the series,
 * i.e. where `sign(predicted_i − last_i) = sign(actual_i − last_i)`, `last_i` being the window's
 * last observed value. A fraction in [0, 1].
 *
 * Ties: signs are compared exactly, with 0 as a third direction. A month with no move
 * (`actual_i = last_i`) counts as a hit only if the forecast is also exactly flat, and a flat
 * forecast counts as a miss whenever the series moved. So the naive forecast scores only the
 * share of flat months, not 0.5.
 *
 * @see https://en.wikipedia.org/wiki/Mean_directional_accuracy
 * @param actual - Observed values.
 * @param predicted - Forecasts, one per observed value.
 * @param lastValues - Last observed value of each window, the point both moves are measured from.
 * @returns Hits divided by the number of windows.
 * @throws Error if the inputs are empty, differ in length, or hold a non-finite value.
 * @example
 * directionalAccuracy([11, 9, 10], [12, 10.5, 10], [10, 10, 10]); // => 0.6666666666666666
 */
export function directionalAccuracy(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  lastValues: ArrayLike<number>,
): number {
  checkSeries('directionalAccuracy', { actual, predicted, lastValues });
  let hits = 0;
  for (let i = 0; i < actual.length; i++) {
    const last = lastValues[i] as number;
    if (Math.sign((predicted[i] as number) - last) === Math.sign((actual[i] as number) - last)) {
      hits++;
    }
  }
  return hits / actual.length;
}
