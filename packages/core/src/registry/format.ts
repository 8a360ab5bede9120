/**
 * The model registry's format: `models/manifest.json` and `models/results.json`, written by the
 * trainer, read by the worker and the site. Types only (and two constants): no I/O.
 */
import type { ModelSpec, Protocol } from '../model/modelSpec.js';
import type { ScalerParams } from '../scalers/scaler.js';

/** Interval levels the registry records, as percentages. */
export const INTERVAL_LEVELS = [80, 95] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

/** Mean and sample standard deviation (n−1) of a set of per-seed figures. */
export interface MeanSd {
  mean: number;
  sd: number;
}

/** Point-forecast accuracy on the test windows, in index points (MAPE in percent). */
export interface TestMetrics {
  rmse: number;
  mae: number;
  /** MAE over the training set's in-sample naive MAE. */
  mase: number;
  mape: number;
  /** Share of test months whose direction of move (vs the window's last value) was right. */
  directionalAccuracy: number;
}

/** One seed's run of a model. */
export interface SeedReport {
  seed: number;
  /** RMSE on the validation tail, in points: the only figure that picks the served seed. */
  validationRmse: number;
  test: TestMetrics;
  trainingSeconds: number;
  /** Mean training loss of the last epoch, in the protocol's scaled space. */
  finalLoss: number;
}

/** A served model's prediction interval at one level. */
export interface IntervalReport {
  /** Split-conformal half-width in the protocol's scaled space. */
  halfWidthScaled: number;
  /** Share of the 184 test targets inside the interval. */
  testCoverage: number;
  /** Mean width of the test intervals, in points. */
  meanTestWidth: number;
}

/** Identifies a registry manifest; readers refuse any other value. */
export const MANIFEST_FORMAT = 'gatecast-registry';
/** Identifies a registry's `results.json`. */
export const RESULTS_FORMAT = 'gatecast-results';
/** Bumped on any incompatible change to the manifest or the files it lists. */
export const MANIFEST_FORMAT_VERSION = 1;

/** A baseline as the manifest records it. */
export interface ManifestBaseline {
  description: string;
  test: TestMetrics;
  forecast: number;
}

/** One served model: a config under a protocol, with the weights of its best-validation seed. */
export interface ManifestModel {
  /** `<config>@<protocol>`, e.g. `lstm-32@relative`. */
  id: string;
  configName: string;
  /** First recurrent layer's cell and units (the whole stack is in `spec`). */
  cell: ModelSpec['recurrent'][number]['cell'];
  units: number;
  protocol: Protocol;
  spec: ModelSpec;
  parameterCount: number;
  scaler: ScalerParams;
  files: {
    /** Paths relative to the registry root. */
    modelJson: string;
    weights: string;
    modelJsonSha256: string;
    weightsSha256: string;
  };
  servedSeed: number;
  /** Served seed's validation RMSE, in points. */
  validationRmse: number;
  /** Served seed's test metrics. */
  test: TestMetrics;
  /** Mean ± sd over every seed of the test metrics. */
  summary: Record<keyof TestMetrics, MeanSd>;
  seeds: SeedReport[];
  /** Served seed against naive: HLN-corrected Diebold–Mariano on squared test errors. */
  dmVsNaive: { statistic: number; pValue: number };
  /** Served seed's training wall time, in seconds. */
  trainingSeconds: number;
  intervals: Record<IntervalLevel, IntervalReport>;
  /** Next-month forecast from the last `windowLength` months of the data, in points. */
  forecast: {
    asOf: string;
    target: string;
    value: number;
    /** Scaled-space model output, for verifying a reload bit for bit. */
    scaledValue: number;
    intervals: Record<IntervalLevel, [number, number]>;
  };
}

/** `models/manifest.json`: what was trained, on what, how well, and where the weights are. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: typeof MANIFEST_FORMAT_VERSION;
  createdAt: string;
  data: { file: string; sha256: string; first: string; last: string; months: number };
  split: {
    windowLength: number;
    fit: { count: number; firstTarget: string; lastTarget: string };
    validation: { count: number; firstTarget: string; lastTarget: string };
    test: { count: number; firstTarget: string; lastTarget: string };
  };
  training: {
    epochs: number;
    batchSize: number;
    seeds: number[];
    optimizer: 'adam';
    learningRate: number;
    loss: 'meanSquaredError';
    /** `fused`: one custom-gradient tfjs op per network; `layers`: tfjs-layers' `fit`. */
    loop: 'fused' | 'layers';
  };
  tfjsVersion: string;
  backend: RegistryBackend;
  workers: number;
  /** Wall time of the whole sweep, in seconds. */
  sweepSeconds: number;
  /** The relative-protocol gated model with the best validation RMSE. */
  defaultModel: string;
  baselines: { naive: ManifestBaseline; drift: ManifestBaseline & { meanLogReturn: number } };
  models: ManifestModel[];
  /** sha256 of the other files at the registry root (`results.json`). */
  files: Record<string, string>;
}

/** `models/results.json`: the test period in full, for the comparison site's charts. */
export interface Results {
  format: typeof RESULTS_FORMAT;
  formatVersion: typeof MANIFEST_FORMAT_VERSION;
  createdAt: string;
  test: { dates: string[]; actual: number[]; lastValues: number[] };
  models: {
    id: string;
    predictions: number[];
    intervals: Record<IntervalLevel, [number, number][]>;
    /** Test RMSE of every seed, in seed order (for the ordering-stability chart). */
    seedRmse: number[];
  }[];
  baselines: Record<'naive' | 'drift', { predictions: number[]; test: TestMetrics }>;
}

/** The tfjs backend a registry was trained on, and the faster ones that failed to load first. */
export interface RegistryBackend {
  /** `node-gpu`, `node`, `wasm` or `cpu`. */
  backend: string;
  /** tfjs' own name of the active backend, e.g. `tensorflow` or `wasm`. */
  tfjsBackend: string;
  skipped: { backend: string; error: string }[];
}
