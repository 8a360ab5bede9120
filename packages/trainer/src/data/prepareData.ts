import {
  chronologicalSplit,
  fitScaler,
  type MonthlySeries,
  makeSeriesWindows,
  nextMonth,
  type Protocol,
  type Scaler,
  validationTail,
  WINDOW_LENGTH,
  type WindowSet,
} from '@gatecast/core';

/** How windows are cut and split; the defaults are the lesson's. */
export interface SplitOptions {
  /** Months per input window. */
  windowLength: number;
  /** Windows at the end kept for test. */
  testSize: number;
  /** Share of the training windows held out at their end for validation. */
  validationFraction: number;
}

export const DEFAULT_SPLIT: SplitOptions = {
  windowLength: WINDOW_LENGTH,
  testSize: 184,
  validationFraction: 0.15,
};

/** The windows of one part of the split, in the model's scaled space, ready for tensors. */
export interface ScaledPart {
  /** `[count · windowLength]` row-major scaled inputs (shape `[count, windowLength, 1]`). */
  inputs: Float32Array;
  /** `[count]` scaled targets. */
  targets: Float32Array;
  count: number;
}

/** Everything a training run needs for one protocol; plain data, so it can cross to a worker. */
export interface ProtocolData {
  protocol: Protocol;
  windowLength: number;
  fit: ScaledPart;
  validation: ScaledPart;
  test: ScaledPart;
  /** `[windowLength]` scaled inputs of the last 12 months: the next-month forecast's window. */
  latest: Float32Array;
}

/** The split in index points, shared by every protocol. */
export interface PreparedSplit {
  series: MonthlySeries;
  options: SplitOptions;
  /** Fit + validation: every window before the test period. */
  train: WindowSet;
  fit: WindowSet;
  validation: WindowSet;
  test: WindowSet;
  /** `[windowLength]` the last months of the series, in points. */
  latestWindow: number[];
  /** Date of the latest window's last month (`asOf`) and of the month it forecasts (`target`). */
  asOf: string;
  target: string;
}

/** Windows and splits a series into fit, validation and test, in index points. */
export function prepareSplit(
  series: MonthlySeries,
  options: SplitOptions = DEFAULT_SPLIT,
): PreparedSplit {
  const windows = makeSeriesWindows(series, options.windowLength);
  const { train, test } = chronologicalSplit(windows, { testSize: options.testSize });
  const { fit, validation } = validationTail(train, { fraction: options.validationFraction });
  const asOf = series.dates[series.dates.length - 1] as string;
  return {
    series,
    options,
    train,
    fit,
    validation,
    test,
    latestWindow: series.values.slice(-options.windowLength),
    asOf,
    target: nextMonth(asOf),
  };
}

/** The scaler a protocol trains with, fitted on the fitting windows only. */
export function scalerFor(protocol: Protocol, split: PreparedSplit): Scaler {
  return fitScaler(protocol === 'reference' ? 'identity' : 'relative', split.fit);
}

function scalePart(windows: WindowSet, scaler: Scaler, windowLength: number): ScaledPart {
  const count = windows.targets.length;
  const inputs = new Float32Array(count * windowLength);
  const targets = new Float32Array(count);
  windows.inputs.forEach((window, i) => {
    inputs.set(scaler.scaleWindow(window), i * windowLength);
    targets[i] = scaler.scaleTarget(windows.targets[i] as number, window);
  });
  return { inputs, targets, count };
}

/** Scales every part of the split for a protocol. */
export function protocolData(
  protocol: Protocol,
  split: PreparedSplit,
  scaler: Scaler,
): ProtocolData {
  const length = split.options.windowLength;
  return {
    protocol,
    windowLength: length,
    fit: scalePart(split.fit, scaler, length),
    validation: scalePart(split.validation, scaler, length),
    test: scalePart(split.test, scaler, length),
    latest: Float32Array.from(scaler.scaleWindow(split.latestWindow)),
  };
}

/** Maps scaled predictions for a set of windows back to index points. */
export function unscalePredictions(
  scaled: ArrayLike<number>,
  windows: WindowSet,
  scaler: Scaler,
): number[] {
  return windows.inputs.map((window, i) => scaler.unscaleTarget(scaled[i] as number, window));
}
