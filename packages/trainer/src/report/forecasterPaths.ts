import {
  forecastPaths,
  MODEL_OUTPUT_UNITS,
  type ModelSpec,
  type ModelWeights,
  modelOutputs,
  type Scaler,
} from '@gatecast/core';
import type { Timeline } from './timeline.js';

/**
 * A forecaster's paths from every origin of a timeline, o₀ .. last: what the interval methods and
 * their scores are computed from. Origin t is at offset `t − firstOrigin`.
 */
export interface ForecasterPaths {
  /** `[H][origins]` point forecasts ŷ_{t+h|t}, index points. */
  points: Float64Array[];
  /**
   * Where errors are measured: `log` (`z = ln(y / ŷ)`, multiplicative bands: the relative
   * protocol and the log-return baselines) or `points` (`z = y − ŷ`, additive bands clamped at 0:
   * the reference protocol).
   */
  space: 'log' | 'points';
  /** `[H][origins]` path scales s_h of a learned-scale model, in the space's units. */
  scales?: Float64Array[];
  /** `[origins]` the model's first-step scaled output (its location), for the registry. */
  firstScaled?: Float64Array;
}

/** `[origins][windowLength]` the windows ending at each origin o₀ .. last. */
export function originWindows(timeline: Timeline, length: number): number[][] {
  const windows: number[][] = [];
  for (let t = timeline.firstOrigin; t <= timeline.last; t++) {
    windows.push(timeline.values.slice(t - length + 1, t + 1) as number[]);
  }
  return windows;
}

/**
 * A trained network's H-month paths from every origin, by core's recursion ({@link forecastPaths})
 * over core's plain-TypeScript forward pass (no tfjs): the same numbers the worker's reference
 * engine gives.
 */
export function modelPaths(options: {
  spec: ModelSpec;
  weights: ModelWeights;
  scaler: Scaler;
  timeline: Timeline;
}): ForecasterPaths {
  const { spec, weights, scaler, timeline } = options;
  const outputs = MODEL_OUTPUT_UNITS[spec.output ?? 'point'];
  const length = spec.windowLength;
  const paths = forecastPaths({
    windows: originWindows(timeline, length),
    horizon: timeline.horizon,
    scaler,
    outputs,
    predict: (inputs, count) => {
      const result = new Float32Array(count * outputs);
      for (let i = 0; i < count; i++) {
        result.set(
          modelOutputs(spec, weights, inputs.subarray(i * length, (i + 1) * length)),
          i * outputs,
        );
      }
      return result;
    },
  });
  const byHorizon = (rows: number[][]) =>
    Array.from({ length: timeline.horizon }, (_, h) =>
      Float64Array.from(rows, (row) => row[h] as number),
    );
  return {
    points: byHorizon(paths.values),
    space: spec.protocol === 'relative' ? 'log' : 'points',
    ...(paths.scales ? { scales: byHorizon(paths.scales) } : {}),
    firstScaled: Float64Array.from(paths.firstScaled),
  };
}

/**
 * `[H][origins]` the h-step errors z_h(t) in the forecaster's space (`ln(y/ŷ)` or `y − ŷ`);
 * `NaN` where the target lies beyond the timeline's last month (not yet observed).
 */
export function pathErrors(paths: ForecasterPaths, timeline: Timeline): Float64Array[] {
  const { values, firstOrigin, last } = timeline;
  return paths.points.map((row, i) => {
    const h = i + 1;
    return row.map((forecast, k) => {
      const t = firstOrigin + k;
      if (t + h > last) return Number.NaN;
      const y = values[t + h] as number;
      return paths.space === 'log' ? Math.log(y / forecast) : y - forecast;
    });
  });
}
