import { type ForecastPaths, forecastPaths, type ManifestModel, type Scaler } from '@gatecast/core';
import type { ModelRunner } from '../engine/engine.js';
import { ApiError } from '../http/problem.js';

/** What forecasting with a model needs: its manifest entry, scaler and prepared runner. */
export interface ForecastModel {
  entry: ManifestModel;
  scaler: Scaler;
  runner: ModelRunner;
}

/**
 * The model's recursive forecast paths from every window: core's `forecastPaths` with the model's
 * engine as the batched runner, so all windows advance together, one engine call per month.
 *
 * @param windows - `[count]` windows of `windowLength` closes in index points, oldest first, each
 *   positive and finite (validated by the caller), each ending at its forecast origin.
 * @param horizon - H, months forecast from each origin, 1 .. `MAX_HORIZON`.
 * @param options.unusable - `drop`: a window whose path is not usable is reported in `dropped`
 *   and the others are served (a batch); `throw` (default): the request fails.
 * @returns `[count][H]` levels in points, the first step's scaled outputs and, for a
 *   `[location, log-scale]` model, the `[count][H]` path scales (and `dropped` with `drop`).
 * @throws {ApiError} `forecast-not-finite` (422) when a forecast along a path is not a finite
 *   (for the relative protocol, positive) number: a window far outside anything trained on.
 */
export function modelPaths(
  model: ForecastModel,
  windows: readonly (readonly number[])[],
  horizon: number,
  options: { unusable?: 'throw' | 'drop' } = {},
): ForecastPaths {
  try {
    return forecastPaths({
      windows,
      horizon,
      scaler: model.scaler,
      predict: (inputs, count) => model.runner.predict(inputs, count),
      outputs: model.runner.outputs,
      unusable: options.unusable ?? 'throw',
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // forecastPaths names the window and the step: `window 3, step 2: forecast NaN is not usable`.
    throw new ApiError('forecast-not-finite', `no finite forecast path: ${error.message}`);
  }
}
