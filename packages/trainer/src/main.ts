import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  type Manifest,
  type Protocol,
  parseMonthlyCsv,
  RESULTS_FORMAT,
  type Results,
  type Scaler,
} from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendPreference } from './backend/selectBackend.js';
import {
  DEFAULT_SPLIT,
  type PreparedSplit,
  type ProtocolData,
  prepareSplit,
  protocolData,
  scalerFor,
} from './data/prepareData.js';
import { sha256 } from './registry/sha256.js';
import { type RegistryEntry, writeRegistry } from './registry/writeRegistry.js';
import { computeBaselines } from './report/baselines.js';
import { evaluateModel, type ModelReport } from './report/evaluate.js';
import { modelId, REFERENCE_CONFIGS, specFor, type TrainingConfig } from './train/configs.js';
import type { SweepEvent, TrainingLoop, TrainJob } from './train/jobs.js';
import { runSweep } from './train/runSweep.js';

/** Everything a training sweep can be told; the CLI fills it from flags. */
export interface TrainOptions {
  /** CSV file of the monthly series (`date,close`). */
  dataFile: string;
  /** Registry directory to (re)write. */
  outDir: string;
  protocols: Protocol[];
  configs: TrainingConfig[];
  /** Seeds 1..seeds are trained for every config × protocol. */
  seeds: number;
  epochs: number;
  batchSize: number;
  backend: BackendPreference;
  /** Worker threads; 0 trains in the calling thread. */
  workers: number;
  /** How each run trains (see {@link TrainingLoop}). */
  loop: TrainingLoop;
  onEvent?: (event: SweepEvent) => void;
  /** Test hook passed to the registry writer. */
  beforeSwap?: (tempDir: string) => Promise<void>;
}

/** The defaults of a full sweep: the lesson's settings, five seeds, one worker per core. */
export function defaultTrainOptions(): TrainOptions {
  return {
    dataFile: 'data/sp500_monthly.csv',
    outDir: 'models',
    protocols: ['reference', 'relative'],
    configs: [...REFERENCE_CONFIGS],
    seeds: 5,
    epochs: 40,
    batchSize: 32,
    backend: 'auto',
    workers: availableParallelism(),
    loop: 'fused',
  };
}

/** What a finished sweep reports back. */
export interface TrainSummary {
  manifest: Manifest;
  reports: ModelReport[];
  backend: BackendChoice;
  sweepSeconds: number;
}

/**
 * Trains every config × protocol × seed, evaluates, selects on validation and writes a verified
 * registry. The previous registry is untouched unless everything succeeds.
 *
 * @throws {CsvError} for a bad data file, before any training
 */
export async function train(options: TrainOptions): Promise<TrainSummary> {
  const csvText = await readFile(options.dataFile, 'utf8');
  const series = parseMonthlyCsv(csvText);
  const split = prepareSplit(series, DEFAULT_SPLIT);
  const scalers = Object.fromEntries(
    options.protocols.map((p) => [p, scalerFor(p, split)]),
  ) as Record<Protocol, Scaler>;
  const data = Object.fromEntries(
    options.protocols.map((p) => [p, protocolData(p, split, scalers[p])]),
  ) as Record<Protocol, ProtocolData>;

  const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
  const jobs: TrainJob[] = [];
  for (const protocol of options.protocols) {
    for (const config of options.configs) {
      for (const seed of seeds) {
        const { epochs, batchSize, loop } = options;
        jobs.push({
          index: jobs.length,
          configName: config.name,
          protocol,
          seed,
          epochs,
          batchSize,
          loop,
        });
      }
    }
  }

  let backend: BackendChoice | undefined;
  const started = performance.now();
  const runs = await runSweep({
    jobs,
    data,
    backend: options.backend,
    workers: options.workers,
    onEvent: (event) => {
      if (event.type === 'backend') backend ??= event.choice;
      options.onEvent?.(event);
    },
  });
  const sweepSeconds = (performance.now() - started) / 1000;
  if (!backend) throw new Error('no backend was reported');

  // Exporting and verifying run on tfjs' cpu backend: always present, and independent of the
  // backend that trained, so verification compares two engines.
  await tf.setBackend('cpu');
  const baselines = computeBaselines(split);
  const reports: ModelReport[] = [];
  for (const protocol of options.protocols) {
    for (const config of options.configs) {
      reports.push(
        evaluateModel({
          id: modelId(config, protocol),
          configName: config.name,
          spec: specFor(config, protocol),
          split,
          scaler: scalers[protocol],
          runs: runs.filter(
            (_, i) => jobs[i]?.configName === config.name && jobs[i]?.protocol === protocol,
          ),
          baselines,
        }),
      );
    }
  }

  const manifest = await writeRegistry({
    outDir: options.outDir,
    manifest: manifestHeader({
      options,
      split,
      csvText,
      backend,
      sweepSeconds,
      seeds,
      reports,
      baselines,
    }),
    entries: reports.map(toEntry),
    results: resultsOf(split, reports, baselines),
    latestWindow: split.latestWindow,
    ...(options.beforeSwap ? { beforeSwap: options.beforeSwap } : {}),
  });
  return { manifest, reports, backend, sweepSeconds };
}

/** The relative-protocol gated model with the best validation RMSE (else the best overall). */
export function chooseDefaultModel(reports: readonly ModelReport[]): string {
  const gated = reports.filter(
    (r) => r.protocol === 'relative' && r.spec.recurrent.every((l) => l.cell !== 'simpleRNN'),
  );
  const pool = gated.length > 0 ? gated : reports;
  const best = pool.reduce((a, b) => (b.served.validationRmse < a.served.validationRmse ? b : a));
  return best.id;
}

function toEntry(report: ModelReport): RegistryEntry {
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

function manifestHeader(context: {
  options: TrainOptions;
  split: PreparedSplit;
  csvText: string;
  backend: BackendChoice;
  sweepSeconds: number;
  seeds: number[];
  reports: ModelReport[];
  baselines: ReturnType<typeof computeBaselines>;
}): Omit<Manifest, 'models' | 'files'> {
  const { options, split, backend, baselines } = context;
  const part = (w: PreparedSplit['fit']) => ({
    count: w.targets.length,
    firstTarget: w.targetDates?.[0] ?? '',
    lastTarget: w.targetDates?.at(-1) ?? '',
  });
  return {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    data: {
      file: basename(options.dataFile),
      sha256: sha256(context.csvText),
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
      epochs: options.epochs,
      batchSize: options.batchSize,
      seeds: context.seeds,
      optimizer: 'adam',
      learningRate: 1e-3,
      loss: 'meanSquaredError',
      loop: options.loop,
    },
    tfjsVersion: tf.version.tfjs,
    backend,
    workers: options.workers,
    sweepSeconds: context.sweepSeconds,
    defaultModel: chooseDefaultModel(context.reports),
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

function resultsOf(
  split: PreparedSplit,
  reports: ModelReport[],
  baselines: ReturnType<typeof computeBaselines>,
): Results {
  return {
    format: RESULTS_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
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
