// What the registry's files say, assembled from a finished sweep: the manifest's header, each
// served model's entry, and results.json. Writing, hashing and verifying them is writeRegistry's.
import { basename } from 'node:path';
import {
  INTERVALS_FORMAT,
  type Intervals,
  MANIFEST_FORMAT,
  MAX_HORIZON,
  type ManifestBaseline,
  PROTOCOL_ROLES,
  REGISTRY_FORMAT_VERSION,
  REPORT_LEVELS,
  RESULTS_FORMAT,
  type Results,
} from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../backend/selectBackend.js';
import type { PreparedSplit } from '../data/prepareData.js';
import { BASELINE_NAMES, type BaselineReport, type Baselines } from '../report/baselines.js';
import type { ModelReport } from '../report/evaluate.js';
import { scoredOrigins, type Timeline } from '../report/timeline.js';
import type { TrainingLoop } from '../train/jobs.js';
import { chooseDefaultModel } from './chooseDefaultModel.js';
import { sha256 } from './sha256.js';
import type { RegistryEntry, WriteRegistryOptions } from './writeRegistry.js';

/** A finished sweep: how it trained, what it measured, and on what. */
export interface SweepRecord {
  /** Path of the CSV trained on; the manifest records its file name. */
  dataFile: string;
  /** The CSV's text, as read; the manifest records its sha256. */
  csvText: string;
  split: PreparedSplit;
  /** The settings every run trained with, as the sweep passed them to the loops. */
  training: {
    epochs: number;
    batchSize: number;
    /** Adam's learning rate. */
    learningRate: number;
    loop: TrainingLoop;
    seeds: number[];
  };
  backend: BackendChoice;
  /** Worker threads the sweep ran on (0: the calling thread). */
  workers: number;
  /** Wall time of the training runs, in seconds. */
  sweepSeconds: number;
  /** One per config × protocol, in manifest order. */
  reports: ModelReport[];
  baselines: Baselines;
  /** The months the interval evaluation ran over. */
  timeline: Timeline;
}

/** What `writeRegistry` writes: the manifest header, the model entries, results and intervals. */
export type RegistryContents = Pick<
  WriteRegistryOptions,
  'manifest' | 'entries' | 'results' | 'intervals'
>;

/** Assembles the registry's manifest, model entries, results and intervals from a finished sweep. */
export function assembleRegistry(record: SweepRecord): RegistryContents {
  const createdAt = new Date().toISOString();
  return {
    manifest: manifestHeader(record, createdAt),
    entries: record.reports.map((report) => registryEntry(report, record)),
    results: resultsOf(record, createdAt),
    intervals: intervalsOf(record, createdAt),
  };
}

function registryEntry(report: ModelReport, record: SweepRecord): RegistryEntry {
  const first = report.spec.recurrent[0];
  if (!first) throw new Error(`${report.id} has no recurrent layer`);
  const { served } = report;
  return {
    spec: report.spec,
    weights: report.weights,
    model: {
      id: report.id,
      configName: report.configName,
      cell: first.cell,
      units: first.units,
      protocol: report.protocol,
      role: PROTOCOL_ROLES[report.protocol],
      spec: report.spec,
      parameterCount: report.parameterCount,
      scaler: report.scaler,
      servedSeed: report.servedSeed,
      validationRmse: served.validationRmse,
      test: served.test,
      summary: report.summary,
      seeds: report.seeds,
      dmVsNaive: served.dmVsNaive,
      trainingSeconds: served.trainingSeconds,
      calibration: report.intervals.calibration,
      intervalSummary: report.intervals.summary,
      selection: {
        firstTarget: record.timeline.dates[record.timeline.calibrationEnd + 1] ?? '',
        lastTarget: record.timeline.dates[record.timeline.validationEnd] ?? '',
        served: report.intervals.served.id,
        candidates: report.intervals.candidates,
      },
      forecast: report.forecast,
    },
  };
}

function manifestHeader(record: SweepRecord, createdAt: string): RegistryContents['manifest'] {
  const { split, training, baselines } = record;
  const part = (w: PreparedSplit['fit']) => ({
    count: w.targets.length,
    firstTarget: w.targetDates?.[0] ?? '',
    lastTarget: w.targetDates?.at(-1) ?? '',
  });
  return {
    format: MANIFEST_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt,
    data: {
      file: basename(record.dataFile),
      sha256: sha256(record.csvText),
      first: split.series.dates[0] ?? '',
      last: split.asOf,
      months: split.series.values.length,
    },
    split: {
      windowLength: split.options.windowLength,
      fit: part(split.fit),
      validation: part(split.validation),
      test: part(split.test),
    },
    training: {
      epochs: training.epochs,
      batchSize: training.batchSize,
      seeds: training.seeds,
      optimizer: 'adam',
      learningRate: training.learningRate,
      loss: 'meanSquaredError',
      loop: training.loop,
    },
    tfjsVersion: tf.version.tfjs,
    backend: record.backend,
    workers: record.workers,
    sweepSeconds: record.sweepSeconds,
    defaultModel: chooseDefaultModel(record.reports),
    baselines: {
      naive: manifestBaseline(baselines.naive),
      drift: { ...manifestBaseline(baselines.drift), meanLogReturn: baselines.driftMeanLogReturn },
      ar1: {
        ...manifestBaseline(baselines.ar1),
        c: baselines.ar1.parameters.c as number,
        phi: baselines.ar1.parameters.phi as number,
      },
      naiveEwma: {
        ...manifestBaseline(baselines.naiveEwma),
        lambda: baselines.naiveEwma.parameters.lambda as number,
        variance: baselines.naiveEwma.parameters.variance as number,
      },
    },
  };
}

function manifestBaseline(baseline: BaselineReport): ManifestBaseline {
  return {
    description: baseline.description,
    test: baseline.test,
    forecast: baseline.forecast,
    path: baseline.path,
    intervalSummary: {
      test: baseline.table.test.map((row) => ({
        horizon: row.horizon,
        months: row.months,
        levels: {
          '80': row.levels['80'],
          '95': row.levels['95'],
        } as ManifestBaseline['intervalSummary']['test'][number]['levels'],
      })),
    },
  };
}

/** `intervals.json`: every model × method and baseline table, test bands, calibration curves. */
function intervalsOf(record: SweepRecord, createdAt: string): Intervals {
  const { timeline, reports, baselines } = record;
  const months = (split: 'validation' | 'test') => {
    const [from, to] = scoredOrigins(timeline, split, 1);
    return {
      firstOrigin: timeline.dates[from] ?? '',
      lastOrigin: timeline.dates[to] ?? '',
      firstTarget: timeline.dates[from + 1] ?? '',
      lastTarget: timeline.dates[to + 1] ?? '',
    };
  };
  return {
    format: INTERVALS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt,
    levels: [...REPORT_LEVELS],
    maxHorizon: MAX_HORIZON,
    months: { validation: months('validation'), test: months('test') },
    testDates: [...(record.split.test.targetDates ?? [])],
    models: reports.map((r) => ({
      id: r.id,
      servedMethod: r.intervals.served.method,
      methods: r.intervals.methods,
      dmVsBestBaseline: r.intervals.summary.dmVsBestBaseline,
      testBands: r.intervals.testBands,
      calibration: r.intervals.calibrationCurve,
    })),
    baselines: BASELINE_NAMES.map((name) => ({
      id: name,
      description: baselines[name].description,
      table: baselines[name].table,
      calibration: baselines[name].calibration,
    })),
  };
}

function resultsOf(record: SweepRecord, createdAt: string): Results {
  const { split, reports, baselines } = record;
  return {
    format: RESULTS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt,
    test: {
      dates: [...(split.test.targetDates ?? [])],
      actual: [...split.test.targets],
      lastValues: split.test.inputs.map((w) => w[w.length - 1] as number),
    },
    models: reports.map((r) => ({
      id: r.id,
      predictions: r.testPredictions,
      intervals: r.testIntervals,
      seedRmse: r.seeds.map((s) => s.test.rmse),
    })),
    baselines: {
      naive: { predictions: baselines.naive.testPredictions, test: baselines.naive.test },
      drift: { predictions: baselines.drift.testPredictions, test: baselines.drift.test },
    },
  };
}
