/**
 * The registry extract the browser code receives (as the virtual module `virtual:gatecast/site-data`,
 * generated at build time): what the charts, the live refresh and "Try it" need, nothing more.
 * Levels in index points.
 */
import type {
  CellKind,
  Interval,
  IntervalLevel,
  ModelForecast,
  ModelRole,
  Protocol,
} from '@gatecast/core';
import type { SiteBand } from './quantileBands.js';
import type { SiteTrackRecord } from './trackRecord.js';

/** One month of a forecast path: the point forecast and its central bands, in points. */
export interface SitePathMonth {
  /** Months ahead of the origin, 1..12. */
  horizon: number;
  /** The month forecast, `YYYY-MM-01`. */
  target: string;
  value: number;
  /** Ascending by level. */
  bands: SiteBand[];
}

/** The fan chart: the default model's path from the series' end, as the registry recorded it. */
export interface SiteFan {
  model: string;
  /** e.g. `LSTM(32)`. */
  label: string;
  /** The interval method the model serves (the registry's name, e.g. `rolling`). */
  method: string;
  /** Last month of the data the path starts from. */
  asOf: string;
  path: SitePathMonth[];
  /** Months of history the chart draws before the origin. */
  historyMonths: number;
}

/** The target months of each part of the chronological split, `YYYY-MM-01`. */
export interface SiteSplit {
  fit: { first: string; last: string };
  validation: { first: string; last: string };
  test: { first: string; last: string };
}

/** One line of the calibration chart: observed test coverage at each report level. */
export interface SiteCalibrationSeries {
  /** Model id or baseline name. */
  id: string;
  label: string;
  kind: 'model' | 'baseline';
  /** Interval method in words (a model's served one; a baseline's own). */
  method: string;
  /** Share of test months inside the band, per `SiteCalibration.levels`, at horizon 1. */
  horizon1: number[];
  /** The same pooled over horizons 1..12. */
  pooled: number[];
}

/** The calibration chart: nominal against observed coverage on the test months. */
export interface SiteCalibration {
  /** Report levels in percent, ascending. */
  levels: number[];
  series: SiteCalibrationSeries[];
}

/** One served model as the browser sees it. */
export interface SiteModel {
  id: string;
  configName: string;
  /** e.g. `LSTM(32) → LSTM(16)`. */
  label: string;
  protocol: Protocol;
  /** What the model is for: a forecaster, or the lesson's reproduction (not for use). */
  role: ModelRole;
  cell: CellKind;
  forecast: ModelForecast;
  /** The interval method the model serves (the registry's name). */
  intervalMethod: string;
  /** Share of test targets inside the served method's one-month-ahead bands. */
  coverage: Record<IntervalLevel, number>;
  /** `[testCount]` served seed's test predictions. */
  predictions: number[];
  /** `[testCount]` the served method's one-month-ahead test bands. */
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
  /** The whole monthly series: the full-history chart, and stretches for "Try it". */
  series: { dates: string[]; values: number[] };
  split: SiteSplit;
  fan: SiteFan;
  calibration: SiteCalibration;
  /** The rolling-origin backtest's one-month figures, or why the registry has none. */
  trackRecord: SiteTrackRecord;
}
