import {
  chronologicalSplit,
  fitScaler,
  MAX_HORIZON,
  type MonthlySeries,
  makeSeriesWindows,
  nextMonth,
  type Protocol,
  type Scaler,
  validationTail,
  WINDOW_LENGTH,
  type WindowSet,
} from '@gatecast/core';
import { ACI_MIN_SCORES } from '../report/candidateBands.js';

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

/**
 * The data cannot be trained on as asked (too short for the split, or no scale to fit): a bad data
 * file, which the CLI reports with exit code 2, as it does a `CsvError`.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
}

/** What the rest of a training run asks of the split, beyond cutting it. */
export interface SplitNeeds {
  /** Forecast horizons 1 .. `horizon` are evaluated (core's `MAX_HORIZON`). */
  horizon: number;
  /**
   * Forecasts an interval method must have seen, at every horizon, before the validation tail's
   * selection half starts (the ACI candidate's `ACI_MIN_SCORES`, the strictest).
   */
  calibrationForecasts: number;
}

const DEFAULT_NEEDS: SplitNeeds = { horizon: MAX_HORIZON, calibrationForecasts: ACI_MIN_SCORES };

/**
 * The fewest months a series needs for a training run with `options`: `windowLength` months for
 * the first window's inputs, then one target month per window — the `testSize` test windows and
 * the fewest training windows `c` such that
 * - the validation tail (`v = max(1, round(c · validationFraction))`) leaves at least one window to
 *   fit, and the fitted span (`c − v + windowLength` months) leaves two `horizon`-month errors for
 *   the baselines' bands;
 * - the tail's first half (`⌊v/2⌋` months, where the interval methods calibrate) holds
 *   `calibrationForecasts` forecasts `horizon` months ahead whose targets it also holds
 *   (`⌊v/2⌋ − horizon + 1` of them), so the selection half can be scored at every horizon.
 *
 * @example minimumMonths(DEFAULT_SPLIT) // => 473 (12 + 277 training + 184 test target months)
 * @throws {RangeError} unless `0 < validationFraction < 1`
 */
export function minimumMonths(options: SplitOptions, needs: SplitNeeds = DEFAULT_NEEDS): number {
  return options.windowLength + options.testSize + minimumTraining(options, needs).windows;
}

function minimumTraining(options: SplitOptions, needs: SplitNeeds) {
  const { validationFraction: fraction, windowLength } = options;
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(`validation fraction must be in (0, 1), got ${fraction}`);
  }
  for (let windows = 2; ; windows++) {
    const validation = Math.max(1, Math.round(windows * fraction));
    const fit = windows - validation;
    const calibrated = Math.floor(validation / 2) - needs.horizon + 1;
    if (
      fit >= 1 &&
      fit + windowLength >= needs.horizon + 2 &&
      calibrated >= needs.calibrationForecasts
    ) {
      return { windows, validation };
    }
  }
}

/**
 * Windows and splits a series into fit, validation and test, in index points.
 *
 * @throws {DataError} when the series is shorter than {@link minimumMonths} (what a whole
 *   training run needs), saying how many months it has and how many are needed
 */
export function prepareSplit(
  series: MonthlySeries,
  options: SplitOptions = DEFAULT_SPLIT,
): PreparedSplit {
  const needed = minimumMonths(options);
  const months = series.values.length;
  if (months < needed) {
    const { windows, validation } = minimumTraining(options, DEFAULT_NEEDS);
    throw new DataError(
      `the series has ${months} months, too few: at least ${needed} are needed — ${options.windowLength} for the first input window, then ${windows} training and ${options.testSize} test target months (the training months end with a ${validation}-month validation tail, whose first half must calibrate ${MAX_HORIZON}-month intervals on at least ${ACI_MIN_SCORES} forecasts)`,
    );
  }
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

/**
 * The scaler a protocol trains with, fitted on the fitting windows only.
 *
 * @throws {DataError} when the fitting months admit no scale (e.g. a constant series: no
 *   log-return spread for the relative protocol)
 */
export function scalerFor(protocol: Protocol, split: PreparedSplit): Scaler {
  try {
    return fitScaler(protocol === 'reference' ? 'identity' : 'relative', split.fit);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new DataError(
      `the ${protocol} protocol's scaler cannot be fitted on the fitting months: ${error.message}`,
    );
  }
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
