import { lastValue } from './lastValue.js';

/**
 * Naive (random-walk) forecast: the next value of each window is its last value. Output in the
 * units of the input (index points for S&P 500 levels).
 *
 * @see https://otexts.com/fpp3/simple-methods.html#naive-method
 * @param windows - Input windows, each oldest value first (e.g. `numWindows × 12` monthly closes).
 * @returns One forecast per window, `[numWindows]`; empty for no windows.
 * @throws Error if a window is empty or ends in a non-finite value.
 * @example
 * naiveForecast([[1, 2, 3], [4, 5, 6]]); // => [3, 6]
 */
export function naiveForecast(windows: readonly ArrayLike<number>[]): number[] {
  return windows.map((window, i) => lastValue(window, i, 'naiveForecast'));
}
