// One origin's forecasting as a task of plain data, run in the calling thread or a worker.
import { type ModelSpec, type WeightArray, weightsFromList } from '@gatecast/core';
import { forecastOrigin, type OriginForecastResult } from './forecastOrigin.js';
import { type PreparedOrigin, prepareOrigins } from './prepareOrigins.js';

/** What every forecast task shares; sent once to each worker. */
export interface ForecastSetup {
  csvText: string;
  years: readonly number[];
  /** H, months ahead. */
  horizon: number;
}

/** Forecast one origin's block with its refitted models (served seeds' weights). */
export interface ForecastTask {
  /** The origin's position in `years`. */
  index: number;
  models: { id: string; spec: ModelSpec; weights: WeightArray[] }[];
}

export interface ForecastTaskResult extends OriginForecastResult {
  index: number;
}

/** A setup made ready once per thread. */
export interface ForecastContext {
  setup: ForecastSetup;
  prepared: ReturnType<typeof prepareOrigins>;
}

export function forecastContext(setup: ForecastSetup): ForecastContext {
  return { setup, prepared: prepareOrigins(setup.csvText, setup.years) };
}

/** Runs one task: {@link forecastOrigin} on the task's origin. */
export function runForecastTask(context: ForecastContext, task: ForecastTask): ForecastTaskResult {
  const { series, origins } = context.prepared;
  const p = origins[task.index] as PreparedOrigin | undefined;
  if (!p) throw new Error(`no origin ${task.index}`);
  const result = forecastOrigin({
    series,
    origin: p.origin,
    split: p.split,
    scaler: p.scaler,
    models: task.models.map((m) => ({
      id: m.id,
      spec: m.spec,
      weights: weightsFromList(m.spec, m.weights),
    })),
    horizon: context.setup.horizon,
  });
  return { index: task.index, ...result };
}
