import type { Scaler, ScalerParams } from '../scalers/scaler.js';

/**
 * A model run on a batch of windows, as engines expose it: `inputs` is `[count · windowLength]`
 * row-major (shape `[count, windowLength, 1]`), already in the protocol's scaled space; the result
 * is `[count · outputs]` row-major: per window its location (the scaled forecast) and, for a
 * learned-scale model, the natural log of the forecast's standard deviation in the same scaled
 * space.
 */
export type BatchPredict = (inputs: Float32Array, count: number) => Float32Array;

/** Options of {@link forecastPaths}. */
export interface ForecastPathsOptions {
  /**
   * `[count]` windows of `[windowLength]` closes in index points, oldest first, each ending at its
   * forecast origin (the last month the forecast may see).
   */
  windows: readonly (readonly number[])[];
  /** H ≥ 1: months forecast from each origin. */
  horizon: number;
  /** The model's protocol scaler (`relativeScaler` or `identityScaler`). */
  scaler: Scaler;
  /** The model on a batch of windows; called exactly `horizon` times, once per step. */
  predict: BatchPredict;
  /**
   * Values per window in `predict`'s result: 1 for a point model (location only), 2 for a
   * learned-scale model (`[location, log-scale]`). Default 1.
   */
  outputs?: 1 | 2;
  /**
   * What to do with a window whose forecast (or path scale) at some step is not usable — not
   * finite, or for the relative protocol not positive: `throw` a RangeError (default), or `drop`
   * that window from the steps after, report it in `dropped` and go on with the others, so one
   * bad window of a batch does not fail the rest.
   */
  unusable?: 'throw' | 'drop';
}

/** A window {@link forecastPaths} dropped (`unusable: 'drop'`): where and why. */
export interface DroppedWindow {
  /** Index of the window in `windows`. */
  window: number;
  /** The step, 1 .. H, whose forecast was not usable. */
  step: number;
  /** e.g. `forecast NaN is not usable`. */
  reason: string;
}

/** {@link forecastPaths}' result, one row per window. */
export interface ForecastPaths {
  /** `[count][horizon]` forecast levels ŷ_{s+1..s+H|s}, index points. */
  values: number[][];
  /**
   * `[count]` the model's first-step location as it emitted it, in the scaled space (float32):
   * the h = 1 forecast before unscaling, for replaying a forecast bit for bit.
   */
  firstScaled: number[];
  /**
   * `[count][horizon]` path scales `s_h = sqrt(Σ_{k≤h} s_k²)`, `s_k` the k-th step's standard
   * deviation in the protocol's error units: log units (`σ·exp(logScale)`) for the relative
   * protocol, index points (`exp(logScale)`) for the reference protocol. Only when `outputs` = 2.
   */
  scales?: number[][];
  /**
   * With `unusable: 'drop'`: the windows dropped, in order of index (their rows of `values`,
   * `firstScaled` and `scales` are incomplete and must not be read).
   */
  dropped?: DroppedWindow[];
}

/**
 * One scaled unit of a model's output in the protocol's error units: the relative scaler's σ (a
 * scaled unit is σ of log return), 1 for the identity scaler (index points).
 */
export function scaledUnit(params: ScalerParams): number {
  return params.kind === 'relative' ? params.logReturnStd : 1;
}

/**
 * Forecasts H months from every window by recursion: the model's forecast of the next month is
 * appended to the window (its oldest month dropped) and fed back as the next input, in the
 * protocol's space. For the relative protocol the window of levels with ŷ appended is re-scaled
 * against its new last value, `ln(x / ŷ) / σ`; for the reference protocol the raw levels are fed
 * back. All windows advance together: one batched `predict` call per step.
 *
 * For a learned-scale model (`outputs` = 2) the path scale adds the steps' variances, `s_h² =
 * Σ_{k≤h} s_k²` (each step's error taken as independent of the others; the location recursion
 * feeds back locations, not draws).
 *
 * With `unusable: 'drop'` a window whose forecast is not usable leaves the batch: later steps'
 * `predict` calls carry only the windows still advancing (still one call per step).
 *
 * @param options - `windows`, `horizon`, `scaler`, `predict`, `outputs`, `unusable`.
 * @returns `[count][H]` levels in points, the first step's scaled outputs, for `outputs` = 2
 *   the `[count][H]` path scales, and with `unusable: 'drop'` the windows dropped.
 * @throws {RangeError} when `horizon` is not a positive integer, the windows differ in length or
 *   are empty, `predict` returns the wrong number of values, or (unless `unusable` is `drop`) a
 *   forecast is not finite (or, for the relative protocol, not positive).
 * @example
 * // A "model" whose location is always +1 scaled unit (one σ of log return):
 * forecastPaths({ windows: [[100, 100]], horizon: 2, scaler: relativeScaler(0.1),
 *   predict: (inputs, count) => new Float32Array(count).fill(1) }).values;
 * // => [[110.517…, 122.140…]]  (100·e^0.1, 100·e^0.2)
 */
export function forecastPaths(options: ForecastPathsOptions): ForecastPaths {
  const { windows, horizon, scaler, predict, outputs = 1, unusable = 'throw' } = options;
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  if (outputs !== 1 && outputs !== 2)
    throw new RangeError(`outputs must be 1 or 2, got ${outputs}`);
  const count = windows.length;
  const length = windows[0]?.length ?? 0;
  for (const [i, window] of windows.entries()) {
    if (window.length !== length || length === 0) {
      throw new RangeError(`window ${i} has ${window.length} values, window 0 has ${length}`);
    }
  }
  const current = windows.map((w) => [...w]);
  const values = windows.map(() => new Array<number>(horizon));
  const firstScaled = new Array<number>(count);
  const unit = scaledUnit(scaler.params);
  const variances = outputs === 2 ? new Float64Array(count) : undefined;
  const scales = outputs === 2 ? windows.map(() => new Array<number>(horizon)) : undefined;
  const inputs = new Float32Array(count * length);
  /** Indices of the windows still advancing, ascending: row k of a step's batch is `active[k]`. */
  let active = windows.map((_, i) => i);
  const dropped: DroppedWindow[] = [];
  for (let h = 0; h < horizon && active.length > 0; h++) {
    active.forEach((i, k) => {
      inputs.set(scaler.scaleWindow(current[i] as number[]), k * length);
    });
    const rows = active.length;
    const result = predict(rows === count ? inputs : inputs.subarray(0, rows * length), rows);
    if (result.length !== rows * outputs) {
      throw new RangeError(
        `predict returned ${result.length} values for ${rows} windows × ${outputs} outputs`,
      );
    }
    const unusableAt = (i: number, reason: string): false => {
      if (unusable === 'throw') throw new RangeError(`window ${i}, step ${h + 1}: ${reason}`);
      dropped.push({ window: i, step: h + 1, reason });
      return false;
    };
    active = active.filter((i, k) => {
      const window = current[i] as number[];
      const location = result[k * outputs] as number;
      const level = scaler.unscaleTarget(location, window);
      if (!Number.isFinite(level) || (scaler.params.kind === 'relative' && !(level > 0))) {
        return unusableAt(i, `forecast ${level} is not usable`);
      }
      if (h === 0) firstScaled[i] = location;
      (values[i] as number[])[h] = level;
      if (variances && scales) {
        const stepScale = unit * Math.exp(result[k * outputs + 1] as number);
        const variance = (variances[i] as number) + stepScale * stepScale;
        const pathScale = Math.sqrt(variance);
        if (!(Number.isFinite(pathScale) && pathScale > 0)) {
          return unusableAt(i, `scale ${pathScale} is not usable`);
        }
        variances[i] = variance;
        (scales[i] as number[])[h] = pathScale;
      }
      window.shift();
      window.push(level);
      return true;
    });
  }
  dropped.sort((a, b) => a.window - b.window);
  const paths: ForecastPaths = scales ? { values, firstScaled, scales } : { values, firstScaled };
  return unusable === 'drop' ? { ...paths, dropped } : paths;
}
