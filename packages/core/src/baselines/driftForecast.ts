import { lastValue } from './lastValue.js';

/**
 * Drift forecast in log space: the next value of each window is `last × exp(meanLogReturn)`, i.e.
 * the last value grown by the average one-step log return of the training series (see
 * {@link meanLogReturn}). Output in the units of the input (index points for S&P 500 levels).
 *
 * @see https://otexts.com/fpp3/simple-methods.html#drift-method
 * @param windows - Input windows, each oldest value first (e.g. `numWindows × 12` monthly closes).
 * @param meanLogReturn - Mean one-step log return of the training series, per step.
 * @returns One forecast per window, `[numWindows]`; empty for no windows.
 * @throws Error if `meanLogReturn` is not finite, or a window is empty or ends in a non-finite
 *   value.
 * @example
 * driftForecast([[90, 100]], Math.log(1.1)); // => [110.00000000000001]
 */
export function driftForecast(
  windows: readonly ArrayLike<number>[],
  meanLogReturn: number,
): number[] {
  if (!Number.isFinite(meanLogReturn)) {
    throw new Error(`driftForecast: meanLogReturn must be finite, got ${meanLogReturn}`);
  }
  const growth = Math.exp(meanLogReturn);
  return windows.map((window, i) => lastValue(window, i, 'driftForecast') * growth);
}
