/**
 * The registry extract the browser code receives (as the virtual module `virtual:gatecast/site-data`,
 * generated at build time): what the charts, the live refresh and "Try it" need, nothing more.
 * Levels in index points.
 */
import type { CellKind, Interval, IntervalLevel, ModelForecast, Protocol } from '@gatecast/core';

/** One served model as the browser sees it. */
export interface SiteModel {
  id: string;
  configName: string;
  /** e.g. `LSTM(32) → LSTM(16)`. */
  label: string;
  protocol: Protocol;
  cell: CellKind;
  forecast: ModelForecast;
  /** Share of test targets inside each interval. */
  coverage: Record<IntervalLevel, number>;
  /** `[testCount]` served seed's test predictions. */
  predictions: number[];
  /** `[testCount]` served seed's test intervals. */
  intervals: Record<IntervalLevel, Interval[]>;
  /** Test RMSE of every seed, in `SiteData.seeds` order. */
  seedRmse: number[];
}

/** Everything the browser code reads. */
export interface SiteData {
  /** Registry creation time (ISO). */
  createdAt: string;
  defaultModel: string;
  windowLength: number;
  seeds: number[];
  models: SiteModel[];
  baselines: Record<'naive' | 'drift', { forecast: number; rmse: number }>;
  /** The test period: target months and actual levels. */
  test: { dates: string[]; actual: number[] };
  /** The whole monthly series, for picking a stretch to forecast from. */
  series: { dates: string[]; values: number[] };
}
