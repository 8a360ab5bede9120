import {
  INTERVAL_LEVELS,
  type IntervalLevel,
  type ManifestModel,
  pathBands,
  type Scaler,
} from '@gatecast/core';
import type { ModelRunner } from '../engine/engine.js';

/** Lower and upper bound in index points, or `null` when the registry's half-width is infinite. */
export type Band = [number, number] | null;

/** One window's forecast: the point and its conformal intervals, in index points. */
export interface PointForecast {
  forecast: number;
  intervals: Record<IntervalLevel, Band>;
  /** The model's raw output, in the protocol's scaled space. */
  scaled: number;
}

/** What forecasting with a model needs: its manifest entry, scaler and prepared runner. */
export interface ForecastModel {
  entry: ManifestModel;
  scaler: Scaler;
  runner: ModelRunner;
}

/**
 * Forecasts the month after each window, in one pass of the engine.
 *
 * Each window is scaled with the model's protocol (identity or relative), run, and mapped back to
 * points. Intervals are built the way the trainer built them: the level's split-conformal
 * half-width q (in scaled space) around the scaled prediction p, then unscaled:
 * `[unscale(p − q), unscale(p + q)]`.
 *
 * @param windows - `numWindows` arrays of `windowLength` closes in index points, oldest first,
 *   each positive and finite (validated by the caller).
 * @returns `[numWindows]` forecasts in index points.
 */
export function forecastWindows(
  model: ForecastModel,
  windows: readonly (readonly number[])[],
): PointForecast[] {
  const length = model.entry.spec.windowLength;
  const inputs = new Float32Array(windows.length * length);
  windows.forEach((window, i) => {
    inputs.set(model.scaler.scaleWindow(window), i * length);
  });
  const outputs = model.runner.predict(inputs, windows.length);
  return windows.map((window, i) => {
    const scaled = outputs[i] as number;
    const forecast = model.scaler.unscaleTarget(scaled, window);
    // Minimal port to registry format 2 (the first month of the served method's calibration).
    const [first] = pathBands({
      calibration: model.entry.calibration,
      path: { values: [forecast] },
      levels: INTERVAL_LEVELS.map(Number),
      protocol: model.entry.protocol,
    });
    const intervals = {} as Record<IntervalLevel, Band>;
    for (const level of INTERVAL_LEVELS) intervals[level] = first?.intervals[level] ?? null;
    return { forecast, intervals, scaled };
  });
}
