// The sweep: every config × protocol × seed trained (on worker threads), evaluated, the served
// models and the default chosen on validation, and a verified registry written.
import { readFile } from 'node:fs/promises';
import { type Manifest, type Protocol, parseMonthlyCsv, type Scaler } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendPreference } from './backend/selectBackend.js';
import {
  DEFAULT_SPLIT,
  type ProtocolData,
  prepareSplit,
  protocolData,
  scalerFor,
} from './data/prepareData.js';
import { assembleRegistry } from './registry/assembleRegistry.js';
import { writeRegistry } from './registry/writeRegistry.js';
import { computeBaselines } from './report/baselines.js';
import { volatilityAt } from './report/candidateBands.js';
import { evaluateModel, type ModelReport } from './report/evaluate.js';
import { makeTimeline } from './report/timeline.js';
import { modelId, specFor, type TrainingConfig, trainsUnder } from './train/configs.js';
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
  /**
   * Seeds 1..seeds are trained for every config × protocol the config trains under
   * (`trainsUnder`: the `-nll` variants are relative only).
   */
  seeds: number;
  epochs: number;
  batchSize: number;
  /** Adam's learning rate, passed to every run and recorded in the manifest. */
  learningRate: number;
  backend: BackendPreference;
  /** Worker threads; 0 trains in the calling thread. */
  workers: number;
  /** How each run trains (see {@link TrainingLoop}). */
  loop: TrainingLoop;
  onEvent?: (event: SweepEvent) => void;
  /** Test hook passed to the registry writer. */
  beforeSwap?: (tempDir: string) => Promise<void>;
}

export { defaultTrainOptions } from './trainDefaults.js';

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

  const { epochs, batchSize, learningRate, loop, workers } = options;
  const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
  const jobs: TrainJob[] = [];
  for (const protocol of options.protocols) {
    for (const config of options.configs) {
      if (!trainsUnder(config, protocol)) continue;
      for (const seed of seeds) {
        jobs.push({
          index: jobs.length,
          configName: config.name,
          protocol,
          seed,
          epochs,
          batchSize,
          learningRate,
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
    workers,
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
  const timeline = makeTimeline(split);
  const sigmas = volatilityAt(timeline);
  const baselines = computeBaselines(split, timeline);
  const reports: ModelReport[] = [];
  for (const protocol of options.protocols) {
    for (const config of options.configs) {
      if (!trainsUnder(config, protocol)) continue;
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
          timeline,
          sigmas,
        }),
      );
    }
  }

  const manifest = await writeRegistry({
    outDir: options.outDir,
    ...assembleRegistry({
      dataFile: options.dataFile,
      csvText,
      split,
      training: { epochs, batchSize, learningRate, loop, seeds },
      backend,
      workers,
      sweepSeconds,
      reports,
      baselines,
      timeline,
    }),
    latestWindow: split.latestWindow,
    seriesCsv: csvText,
    ...(options.beforeSwap ? { beforeSwap: options.beforeSwap } : {}),
  });
  return { manifest, reports, backend, sweepSeconds };
}
