/**
 * The registry (`models/manifest.json`, `models/results.json`) as the site reads it: the JSON
 * view of `@gatecast/core`'s registry format, whose leaf types it reuses. It differs where JSON
 * does: interval levels are string keys, and an infinite interval bound arrives as `null`.
 * `readRegistry` checks the format tag and version so a drift is refused, not rendered. All
 * figures are in S&P 500 index points unless a field says otherwise.
 */

import {
  type CellKind,
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  type MeanSd,
  type ModelSpec,
  type Protocol,
  RESULTS_FORMAT,
  type TestMetrics,
} from '@gatecast/core';

export type { CellKind, MeanSd, Protocol, TestMetrics };
/** Identifies a registry manifest; the site refuses any other value. */
export { MANIFEST_FORMAT, RESULTS_FORMAT };
/** The registry format version this site renders. */
export const REGISTRY_FORMAT_VERSION = MANIFEST_FORMAT_VERSION;

/** Interval levels the registry records, as percentages. */
export const INTERVAL_LEVELS = ['80', '95'] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

/**
 * An interval `[lower, upper]` in points. JSON has no infinity: a bound the calibration could not
 * set (too few residuals for the level) is written as `null`, meaning unbounded.
 */
export type Interval = [number | null, number | null];

/** A model spec as the manifest records it: core's `ModelSpec`. */
export type RegistryModelSpec = ModelSpec;

/** One seed's run. */
export interface RegistrySeed {
  seed: number;
  validationRmse: number;
  test: TestMetrics;
  trainingSeconds: number;
}

/** A next-month forecast with its intervals. */
export interface RegistryForecast {
  asOf: string;
  target: string;
  value: number;
  intervals: Record<IntervalLevel, Interval>;
}

/** One served model: a config under a protocol, with its best-validation seed's weights. */
export interface RegistryModel {
  /** `<config>@<protocol>`, e.g. `lstm-32@relative`. */
  id: string;
  configName: string;
  cell: CellKind;
  units: number;
  protocol: Protocol;
  spec: RegistryModelSpec;
  parameterCount: number;
  servedSeed: number;
  validationRmse: number;
  test: TestMetrics;
  summary: Record<keyof TestMetrics, MeanSd>;
  seeds: RegistrySeed[];
  /** Served seed against naive: HLN-corrected Diebold–Mariano on squared test errors. */
  dmVsNaive: { statistic: number; pValue: number };
  /** Served seed's training wall time, in seconds. */
  trainingSeconds: number;
  intervals: Record<
    IntervalLevel,
    { halfWidthScaled: number | null; testCoverage: number; meanTestWidth: number | null }
  >;
  forecast: RegistryForecast;
}

/** A baseline as the manifest records it. */
export interface RegistryBaseline {
  description: string;
  test: TestMetrics;
  forecast: number;
}

/** `models/manifest.json`, as far as the site reads it. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: typeof REGISTRY_FORMAT_VERSION;
  createdAt: string;
  data: { file: string; sha256: string; first: string; last: string; months: number };
  split: {
    windowLength: number;
    fit: SplitPart;
    validation: SplitPart;
    test: SplitPart;
  };
  training: {
    epochs: number;
    batchSize: number;
    seeds: number[];
    optimizer: string;
    learningRate: number;
    loss: string;
  };
  tfjsVersion: string;
  backend: { backend: string; tfjsBackend: string };
  defaultModel: string;
  baselines: {
    naive: RegistryBaseline;
    drift: RegistryBaseline & { meanLogReturn: number };
  };
  models: RegistryModel[];
}

/** A contiguous run of windows, named by their first and last target months. */
export interface SplitPart {
  count: number;
  firstTarget: string;
  lastTarget: string;
}

/** `models/results.json`: the test period in full. */
export interface Results {
  format: typeof RESULTS_FORMAT;
  formatVersion: typeof REGISTRY_FORMAT_VERSION;
  createdAt: string;
  test: { dates: string[]; actual: number[]; lastValues: number[] };
  models: {
    id: string;
    /** `[testCount]` served seed's predictions, in points. */
    predictions: number[];
    intervals: Record<IntervalLevel, Interval[]>;
    /** Test RMSE of every seed, in the manifest's seed order. */
    seedRmse: number[];
  }[];
  baselines: Record<'naive' | 'drift', { predictions: number[]; test: TestMetrics }>;
}
