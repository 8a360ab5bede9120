import {
  dieboldMariano,
  INTERVAL_LEVELS,
  type Interval,
  type IntervalLevel,
  type IntervalReport,
  type MetricsSummary,
  type ModelForecast,
  type ModelSpec,
  type Protocol,
  parameterCount,
  rmse,
  type Scaler,
  type ScalerParams,
  type SeedReport,
  type TestMetrics,
  type WeightArray,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';
import { unscalePredictions } from '../data/prepareData.js';
import type { TrainRunResult } from '../train/runTypes.js';
import type { Baselines } from './baselines.js';
import { conformalHalfWidth, empiricalCoverage } from './conformal.js';
import { meanSd } from './summary.js';
import { testMetrics } from './testMetrics.js';

/**
 * `x`, or `null` where it is not finite: how the registry's JSON writes an infinite half-width,
 * width or bound (`JSON.stringify` would write `null` too, but silently, and a NaN alike).
 */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

const jsonInterval = ([lower, upper]: [number, number]): Interval => [
  finiteOrNull(lower),
  finiteOrNull(upper),
];

/** Everything measured for one config under one protocol. */
export interface ModelReport {
  id: string;
  configName: string;
  protocol: Protocol;
  spec: ModelSpec;
  parameterCount: number;
  scaler: ScalerParams;
  seeds: SeedReport[];
  /** Mean ± sd over seeds of the test metrics. */
  summary: MetricsSummary;
  /** The seed with the best validation RMSE; its weights are the ones exported. */
  servedSeed: number;
  served: SeedReport & {
    /** Diebold–Mariano (HLN) test of the served model's squared test errors against naive. */
    dmVsNaive: { statistic: number; pValue: number };
  };
  /** As the registry records them: an infinite half-width, width or bound is `null`. */
  intervals: Record<IntervalLevel, IntervalReport>;
  /** The next-month forecast; `scaledValue` is the model's output for the latest window. */
  forecast: ModelForecast;
  /** `[184]` served model's test predictions and interval bounds, in points (`null`: unbounded). */
  testPredictions: number[];
  testIntervals: Record<IntervalLevel, Interval[]>;
  weights: WeightArray[];
}

/**
 * Scores every seed of one config × protocol, picks the served seed on validation RMSE, and
 * calibrates its intervals on validation residuals.
 */
export function evaluateModel(options: {
  id: string;
  configName: string;
  spec: ModelSpec;
  split: PreparedSplit;
  scaler: Scaler;
  runs: TrainRunResult[];
  baselines: Baselines;
}): ModelReport {
  const { id, configName, spec, split, scaler, runs, baselines } = options;
  const seeds = runs.map((run): SeedReport => {
    const validation = unscalePredictions(run.validationPredictions, split.validation, scaler);
    return {
      seed: run.seed,
      validationRmse: rmse(split.validation.targets, validation),
      test: testMetrics(split, unscalePredictions(run.testPredictions, split.test, scaler)),
      trainingSeconds: run.trainingSeconds,
      finalLoss: run.losses[run.losses.length - 1] ?? Number.NaN,
    };
  });
  const best = seeds.reduce((a, b) => (b.validationRmse < a.validationRmse ? b : a));
  const run = runs.find((r) => r.seed === best.seed) as TrainRunResult;
  const testPredictions = unscalePredictions(run.testPredictions, split.test, scaler);

  const residuals = Array.from(run.validationPredictions, (p, i) =>
    Math.abs(
      scaler.scaleTarget(
        split.validation.targets[i] as number,
        split.validation.inputs[i] as number[],
      ) - p,
    ),
  );
  const band = (scaled: number, window: readonly number[], q: number): [number, number] => [
    scaler.unscaleTarget(scaled - q, window),
    scaler.unscaleTarget(scaled + q, window),
  ];
  const intervals = {} as Record<IntervalLevel, IntervalReport>;
  const testIntervals = {} as Record<IntervalLevel, Interval[]>;
  const forecastIntervals = {} as Record<IntervalLevel, Interval>;
  for (const level of INTERVAL_LEVELS) {
    // Infinite when there are too few validation residuals for the level.
    const q = conformalHalfWidth(residuals, Number(level) / 100);
    const bands = split.test.inputs.map((w, i) => band(run.testPredictions[i] as number, w, q));
    testIntervals[level] = bands.map(jsonInterval);
    intervals[level] = {
      halfWidthScaled: finiteOrNull(q),
      testCoverage: empiricalCoverage(
        [...split.test.targets],
        bands.map((b) => b[0]),
        bands.map((b) => b[1]),
      ),
      meanTestWidth: finiteOrNull(bands.reduce((s, b) => s + (b[1] - b[0]), 0) / bands.length),
    };
    forecastIntervals[level] = jsonInterval(band(run.latestPrediction, split.latestWindow, q));
  }

  const modelErrors = testPredictions.map((p, i) => (split.test.targets[i] as number) - p);
  const dm = dieboldMariano(modelErrors, baselines.naive.errors, { horizon: 1, loss: 'squared' });
  const metricNames = Object.keys(best.test) as (keyof TestMetrics)[];
  return {
    id,
    configName,
    protocol: spec.protocol,
    spec,
    parameterCount: parameterCount(spec),
    scaler: scaler.params,
    seeds,
    summary: Object.fromEntries(
      metricNames.map((m) => [m, meanSd(seeds.map((s) => s.test[m]))]),
    ) as MetricsSummary,
    servedSeed: best.seed,
    served: { ...best, dmVsNaive: { statistic: dm.statistic, pValue: dm.pValue } },
    intervals,
    forecast: {
      asOf: split.asOf,
      target: split.target,
      value: scaler.unscaleTarget(run.latestPrediction, split.latestWindow),
      scaledValue: run.latestPrediction,
      intervals: forecastIntervals,
    },
    testPredictions,
    testIntervals,
    weights: run.weights,
  };
}
