import { checkSeries } from './checkSeries.js';

/**
 * In-sample MAE of the naive forecast over the training windows: `mean(|y_i − last(x_i)|)`, where
 * `last(x_i)` is the last value of training window i and `y_i` its target. In the units of the
 * series. This is the denominator of {@link mase} (Hyndman & Koehler 2006, with the one-step naive
 * forecast taken window by window).
 *
 * @see https://otexts.com/fpp3/accuracy.html#scaled-errors
 * @param trainingLastValues - Last value of each training window (`x_i[windowLength − 1]`).
 * @param trainingTargets - Target of each training window (`y_i`).
 * @returns The scale, ≥ 0.
 * @throws Error if the inputs are empty, differ in length, or hold a non-finite value.
 * @example
 * naiveScale([10, 11, 12], [11, 12, 11]); // => 1
 */
export function naiveScale(
  trainingLastValues: ArrayLike<number>,
  trainingTargets: ArrayLike<number>,
): number {
  checkSeries('naiveScale', { trainingLastValues, trainingTargets });
  let sum = 0;
  for (let i = 0; i < trainingTargets.length; i++) {
    sum += Math.abs((trainingTargets[i] as number) - (trainingLastValues[i] as number));
  }
  return sum / trainingTargets.length;
}
