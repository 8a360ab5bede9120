// What the registry's files say, assembled from a finished sweep: the manifest's header, each
// served model's entry, and results.json. Writing, hashing and verifying them is writeRegistry's.
import { basename } from 'node:path';
import {
  MANIFEST_FORMAT,
  REGISTRY_FORMAT_VERSION,
  RESULTS_FORMAT,
  type Results,
} from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice } from '../backend/selectBackend.js';
import type { PreparedSplit } from '../data/prepareData.js';
import type { Baselines } from '../report/baselines.js';
import type { ModelReport } from '../report/evaluate.js';
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
}

/** What `writeRegistry` writes: the manifest header, the model entries and results.json. */
export type RegistryContents = Pick<WriteRegistryOptions, 'manifest' | 'entries' | 'results'>;

/** Assembles the registry's manifest, model entries and results from a finished sweep. */
export function assembleRegistry(record: SweepRecord): RegistryContents {
  const createdAt = new Date().toISOString();
  return {
    manifest: manifestHeader(record, createdAt),
    entries: record.reports.map(registryEntry),
    results: resultsOf(record, createdAt),
  };
}

function registryEntry(report: ModelReport): RegistryEntry {
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
      intervals: report.intervals,
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
      naive: {
        description: baselines.naive.description,
        test: baselines.naive.test,
        forecast: baselines.naive.forecast,
      },
      drift: {
        description: baselines.drift.description,
        test: baselines.drift.test,
        forecast: baselines.drift.forecast,
        meanLogReturn: baselines.driftMeanLogReturn,
      },
    },
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
