import { sliceWindows, type WindowSet } from './makeWindows.js';

/** Train and test windows, in time order, test strictly after train. */
export interface TrainTestSplit {
  readonly train: WindowSet;
  readonly test: WindowSet;
}

/** The training windows divided into a fitting part and a validation tail after it. */
export interface FitValidationSplit {
  /** Windows the model's weights are fitted on. */
  readonly fit: WindowSet;
  /**
   * The last training windows, held out for model selection, early stopping and interval
   * calibration. The test set is never used for those.
   */
  readonly validation: WindowSet;
}

/**
 * Splits windows chronologically, never shuffled: the last `testSize` windows are test.
 *
 * @throws {RangeError} unless `0 < testSize < windows count`
 * @example chronologicalSplit(makeWindows(values, 12), { testSize: 184 }) // 721 train, 184 test
 */
export function chronologicalSplit(
  windows: WindowSet,
  options: { testSize: number },
): TrainTestSplit {
  const count = windows.targets.length;
  const { testSize } = options;
  if (!Number.isInteger(testSize) || testSize < 1 || testSize >= count) {
    throw new RangeError(`testSize must be an integer in [1, ${count - 1}], got ${testSize}`);
  }
  return {
    train: sliceWindows(windows, 0, count - testSize),
    test: sliceWindows(windows, count - testSize),
  };
}

/**
 * Carves a validation tail from the end of the training windows.
 *
 * `fraction` of the windows (rounded to the nearest whole window, at least one) become validation;
 * the earlier ones stay for fitting. Validation targets come after every fitting target.
 *
 * @throws {RangeError} when the fraction is not in (0, 1) or leaves no fitting window
 * @example validationTail(train721, { fraction: 0.15 }) // 613 fit, 108 validation
 */
export function validationTail(
  train: WindowSet,
  options: { fraction: number },
): FitValidationSplit {
  const count = train.targets.length;
  const { fraction } = options;
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(`validation fraction must be in (0, 1), got ${fraction}`);
  }
  const size = Math.max(1, Math.round(count * fraction));
  if (size >= count) throw new RangeError(`a validation tail of ${size} leaves no fitting window`);
  return {
    fit: sliceWindows(train, 0, count - size),
    validation: sliceWindows(train, count - size),
  };
}
