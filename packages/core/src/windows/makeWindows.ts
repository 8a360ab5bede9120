import type { MonthlySeries } from '../series/monthlySeries.js';

/**
 * Supervised windows over a series: `inputs[i] = values[i .. i+length)` and
 * `targets[i] = values[i+length]`.
 *
 * Each input is a window of shape `[length, 1]` stored flat as `length` numbers (one feature).
 * Values keep the series' unit (index points).
 */
export interface WindowSet {
  /** `[count][length]`: the `length` months before each target, oldest first. */
  readonly inputs: readonly (readonly number[])[];
  /** `[count]`: the month after each window. */
  readonly targets: readonly number[];
  /** `[count]`: index in the series of each target (`i + length`). */
  readonly targetIndices: readonly number[];
  /** `[count]`: `YYYY-MM-DD` date of each target, when built from a dated series. */
  readonly targetDates?: readonly string[];
}

/**
 * Slides a window of `length` months over `values`, one step at a time.
 *
 * @returns `values.length - length` windows (905 for the 917-month reference series and 12)
 * @throws {RangeError} when `length` is not a positive integer or the series is too short
 * @example makeWindows([1, 2, 3, 4], 2).targets // => [3, 4]
 */
export function makeWindows(values: readonly number[], length: number): WindowSet {
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`window length must be a positive integer, got ${length}`);
  }
  const count = values.length - length;
  if (count < 1) {
    throw new RangeError(
      `a series of ${values.length} values has no window of ${length} with a target`,
    );
  }
  const inputs: number[][] = [];
  const targets: number[] = [];
  const targetIndices: number[] = [];
  for (let i = 0; i < count; i++) {
    inputs.push(values.slice(i, i + length));
    targets.push(values[i + length] as number);
    targetIndices.push(i + length);
  }
  return { inputs, targets, targetIndices };
}

/** {@link makeWindows} over a dated series, recording each target's date. */
export function makeSeriesWindows(series: MonthlySeries, length: number): WindowSet {
  const windows = makeWindows(series.values, length);
  return {
    ...windows,
    targetDates: windows.targetIndices.map((i) => series.dates[i] as string),
  };
}

/** The windows `[start, end)` of a set, keeping dates and indices aligned. */
export function sliceWindows(windows: WindowSet, start: number, end?: number): WindowSet {
  const sliced: WindowSet = {
    inputs: windows.inputs.slice(start, end),
    targets: windows.targets.slice(start, end),
    targetIndices: windows.targetIndices.slice(start, end),
  };
  return windows.targetDates
    ? { ...sliced, targetDates: windows.targetDates.slice(start, end) }
    : sliced;
}

/** The last value of each input window: the naive forecast, and the relative scaler's anchor. */
export function lastValues(windows: WindowSet): number[] {
  return windows.inputs.map((w) => w[w.length - 1] as number);
}
