/**
 * The last value of one input window, checked to be usable as a forecast anchor.
 *
 * @param window - One input window, oldest value first.
 * @param index - Position of the window in its list, used in the error message.
 * @param caller - Name of the calling baseline, used in the error message.
 * @returns `window[window.length − 1]`.
 * @throws Error if the window is empty or its last value is not finite.
 * @internal
 */
export function lastValue(window: ArrayLike<number>, index: number, caller: string): number {
  const last = window[window.length - 1];
  if (last === undefined) {
    throw new Error(`${caller}: window ${index} is empty`);
  }
  if (!Number.isFinite(last)) {
    throw new Error(`${caller}: window ${index} ends in a non-finite value (${last})`);
  }
  return last;
}
