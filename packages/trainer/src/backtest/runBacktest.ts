// The rolling-origin backtest: every relative-protocol config refitted at every origin (one sweep
// on the worker pool), each origin's block forecast with the served interval method, the baselines
// refitted alike, everything scored, summarized and written atomically to backtest.json.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  MAX_HORIZON,
  REGISTRY_FORMAT_VERSION,
  rmse,
  WINDOW_LENGTH,
  type WindowSet,
} from '@gatecast/core';
import {
  BACKTEST_FORMAT,
  type Backtest,
  type BacktestOrigin as BacktestOriginJson,
  type SplitPart,
} from '@gatecast/core/registry';
import * as tf from '@tensorflow/tfjs';
import type { BackendChoice, BackendPreference } from '../backend/selectBackend.js';
import { DEFAULT_SPLIT, unscalePredictions } from '../data/prepareData.js';
import { sha256 } from '../registry/sha256.js';
import { BASELINE_NAMES } from '../report/baselines.js';
import {
  configsByName,
  modelId,
  specFor,
  TRAINING_CONFIGS,
  type TrainingConfig,
  trainsUnder,
} from '../train/configs.js';
import type { SweepEvent, TrainingLoop } from '../train/jobs.js';
import { runSweep } from '../train/runSweep.js';
import { DEFAULT_LEARNING_RATE, type TrainRunResult } from '../train/runTypes.js';
import { backtestJobs } from './backtestJobs.js';
import { forecastInWorkers } from './forecastInWorkers.js';
import type { ForecastTaskResult } from './forecastTask.js';
import { DEFAULT_ORIGIN_YEARS } from './origins.js';
import { type PreparedOrigin, prepareOrigins } from './prepareOrigins.js';
import { backtestMetrics, type ForecastsByHorizon } from './scoreForecasts.js';
import { type OriginForecasts, summarizeBacktest } from './summarize.js';
import { writeBacktest } from './writeBacktest.js';

/** Everything a backtest can be told; the CLI fills it from flags. */
export interface BacktestOptions {
  /** CSV file of the monthly series (`date,close`). */
  dataFile: string;
  /** The results file to (re)write, e.g. `models/backtest.json`. */
  outFile: string;
  /** Years whose January is an origin. */
  years: readonly number[];
  /** Configs refitted at every origin, under the relative protocol. */
  configs: readonly TrainingConfig[];
  /** Seeds 1..seeds per config and origin; the best on validation forecasts. */
  seeds: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  backend: BackendPreference;
  /** Worker threads; 0 trains in the calling thread. */
  workers: number;
  loop: TrainingLoop;
  /** H, months ahead. */
  maxHorizon: number;
  /** Training progress, as the sweep reports it. */
  onEvent?: (event: SweepEvent) => void;
  /** Called as each origin's forecasts are scored (after the fits). */
  onOriginScored?: (origin: string, done: number, total: number) => void;
  /** Test hook passed to the writer. */
  beforeRename?: (tempFile: string) => Promise<void>;
}

/**
 * The full backtest: every January 2011..2026, every relative-protocol config (the `-nll`
 * learned-scale variants included), three seeds, the main run's 40 epochs of batch 32.
 */
export function defaultBacktestOptions(): BacktestOptions {
  return {
    dataFile: 'data/sp500_monthly.csv',
    outFile: 'models/backtest.json',
    years: DEFAULT_ORIGIN_YEARS,
    configs: TRAINING_CONFIGS.filter((c) => trainsUnder(c, 'relative')),
    seeds: 3,
    epochs: 40,
    batchSize: 32,
    learningRate: DEFAULT_LEARNING_RATE,
    backend: 'auto',
    workers: availableParallelism(),
    loop: 'fused',
    maxHorizon: MAX_HORIZON,
  };
}

/** What a finished backtest reports back. */
export interface BacktestResult {
  backtest: Backtest;
  backend: BackendChoice;
}

/** The lesson's three cells, as config names, worst claimed first. */
const LESSON_CELLS = ['simplernn-32', 'gru-32', 'lstm-32'] as const;

function splitPart(windows: WindowSet): SplitPart {
  const dates = windows.targetDates;
  if (!dates?.[0]) throw new Error('windows without dates');
  return {
    count: windows.targets.length,
    firstTarget: dates[0],
    lastTarget: dates.at(-1) as string,
  };
}

/**
 * Runs the backtest and writes `outFile` atomically; the previous file is untouched unless
 * everything succeeds.
 *
 * @throws {CsvError} for a bad data file, before any training
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const started = performance.now();
  const csvText = await readFile(options.dataFile, 'utf8');
  const { series, origins: prepared } = prepareOrigins(csvText, options.years);

  const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
  const { epochs, batchSize, learningRate, loop, workers } = options;
  const jobs = backtestJobs(
    prepared.map((p) => ({ key: p.origin.origin, fitCount: p.data.fit.count })),
    options.configs,
    { seeds, epochs, batchSize, learningRate, loop },
  );
  let backend: BackendChoice | undefined;
  const sweepStarted = performance.now();
  const runs = await runSweep({
    jobs,
    data: Object.fromEntries(prepared.map((p) => [p.origin.origin, p.data])),
    backend: options.backend,
    workers,
    onEvent: (event) => {
      if (event.type === 'backend') backend ??= event.choice;
      options.onEvent?.(event);
    },
  });
  const sweepSeconds = (performance.now() - sweepStarted) / 1000;
  if (!backend) throw new Error('no backend was reported');
  const runIndex = new Map(jobs.map((j, i) => [`${j.dataKey}|${j.configName}|${j.seed}`, i]));
  const runsOf = (key: string, config: string): TrainRunResult[] =>
    seeds.map((seed) => {
      const run = runs[runIndex.get(`${key}|${config}|${seed}`) ?? -1];
      if (!run) throw new Error(`no run of ${config} seed ${seed} at ${key}`);
      return run;
    });

  // The served seed of every config at every origin: the main run's rule, the best validation
  // RMSE (h = 1, points), ties to the lower seed.
  const chosen = prepared.map((p) =>
    options.configs.map((config) => {
      const candidates = runsOf(p.origin.origin, config.name);
      const seedRmse = candidates.map((run) =>
        rmse(
          p.split.validation.targets,
          unscalePredictions(run.validationPredictions, p.split.validation, p.scaler),
        ),
      );
      const run = candidates[seedRmse.indexOf(Math.min(...seedRmse))] as TrainRunResult;
      return {
        id: modelId(config, 'relative'),
        spec: specFor(config, 'relative'),
        weights: run.weights,
        servedSeed: run.seed,
        seedRmse,
      };
    }),
  );
  const forecasts = await forecastInWorkers({
    setup: { csvText, years: options.years, horizon: options.maxHorizon },
    tasks: chosen.map((models, index) => ({
      index,
      models: models.map(({ id, spec, weights }) => ({ id, spec, weights })),
    })),
    workers,
    onDone: (result, done) =>
      options.onOriginScored?.(prepared[result.index]?.origin.origin ?? '?', done, prepared.length),
  });

  const ids = options.configs.map((c) => modelId(c, 'relative'));
  const scored: OriginForecasts[] = forecasts.map((result, k) => ({
    origin: (prepared[k] as PreparedOrigin).origin.origin,
    forecasts: new Map<string, ForecastsByHorizon>([
      ...result.models.map((m) => [m.id, m.forecasts] as const),
      ...result.baselines.map((b) => [b.name, b.forecasts] as const),
    ]),
  }));
  const originJson: BacktestOriginJson[] = prepared.map((p, k) => {
    const result = forecasts[k] as ForecastTaskResult;
    const { block } = p.origin;
    return {
      origin: p.origin.origin,
      fit: splitPart(p.origin.fit),
      validation: splitPart(p.origin.validation),
      forecastOrigins: {
        first: series.dates[block.first] as string,
        last: series.dates[block.last] as string,
        count: block.last - block.first + 1,
      },
      logReturnStd: (p.scaler.params as { logReturnStd: number }).logReturnStd,
      models: (chosen[k] ?? []).map((m, i) => {
        const forecast = result.models[i];
        if (forecast?.id !== m.id)
          throw new Error(`${m.id} was not forecast at ${p.origin.origin}`);
        const { method, scores, window } = forecast.served;
        return {
          id: m.id,
          servedSeed: m.servedSeed,
          seedValidationRmse: m.seedRmse,
          intervalMethod: { method, scores, ...(window !== undefined ? { window } : {}) },
          metrics: backtestMetrics(forecast.forecasts),
        };
      }),
      baselines: result.baselines.map((b) => ({
        id: b.name,
        metrics: backtestMetrics(b.forecasts),
      })),
    };
  });

  const lessonIds = configsByName(LESSON_CELLS).map((c) => modelId(c, 'relative'));
  const summary = summarizeBacktest({
    origins: scored,
    models: ids,
    baselines: [...BASELINE_NAMES],
    lessonCells: lessonIds.every((id) => ids.includes(id))
      ? (lessonIds as unknown as [string, string, string])
      : null,
  });

  const dates = series.dates;
  const backtest: Backtest = {
    format: BACKTEST_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    data: {
      file: basename(options.dataFile),
      sha256: sha256(csvText),
      first: dates[0] as string,
      last: dates.at(-1) as string,
      months: dates.length,
    },
    design: {
      origins: prepared.map((p) => p.origin.origin),
      windowLength: WINDOW_LENGTH,
      validationFraction: DEFAULT_SPLIT.validationFraction,
      maxHorizon: options.maxHorizon,
      protocol: 'relative',
    },
    training: {
      epochs,
      batchSize,
      seeds,
      optimizer: 'adam',
      learningRate,
      loop,
    },
    tfjsVersion: tf.version.tfjs,
    backend,
    workers,
    sweepSeconds,
    wallSeconds: (performance.now() - started) / 1000,
    summary,
    origins: originJson,
  };
  const written = await writeBacktest({
    file: options.outFile,
    backtest,
    ...(options.beforeRename ? { beforeRename: options.beforeRename } : {}),
  });
  return { backtest: written, backend };
}
