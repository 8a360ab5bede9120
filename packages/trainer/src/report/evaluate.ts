import {
  dieboldMariano,
  type IntervalLevel,
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
  weightsFromList,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';
import { unscalePredictions } from '../data/prepareData.js';
import type { TrainRunResult } from '../train/runTypes.js';
import type { Baselines } from './baselines.js';
import { evaluateIntervals, type ModelIntervals } from './evaluateIntervals.js';
import { modelPaths } from './forecasterPaths.js';
import { meanSd } from './summary.js';
import { testMetrics } from './testMetrics.js';
import type { Timeline } from './timeline.js';

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
  /** The served seed's interval methods, scores, calibration and paths. */
  intervals: ModelIntervals;
  /**
   * The forecast from the series' end, by core's forward pass and recursion: `scaledValue` the
   * first step's location, `value` in points, `intervals` and `path` from the served method.
   */
  forecast: ModelForecast;
  /** `[184]` served model's test predictions (tfjs, as trained) in points, and h = 1 bands. */
  testPredictions: number[];
  testIntervals: Record<IntervalLevel, [number, number][]>;
  weights: WeightArray[];
}

/**
 * Scores every seed of one config × protocol, picks the served seed on validation RMSE, and
 * evaluates its intervals ({@link evaluateIntervals}: paths from every origin, every interval
 * method, the served one chosen on validation).
 */
export function evaluateModel(options: {
  id: string;
  configName: string;
  spec: ModelSpec;
  split: PreparedSplit;
  scaler: Scaler;
  runs: TrainRunResult[];
  baselines: Baselines;
  timeline: Timeline;
  /** `[months]` EWMA volatility at each month (`volatilityAt`). */
  sigmas: readonly number[];
}): ModelReport {
  const { id, configName, spec, split, scaler, runs, baselines, timeline, sigmas } = options;
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

  const paths = modelPaths({
    spec,
    weights: weightsFromList(spec, run.weights),
    scaler,
    timeline,
  });
  const intervals = evaluateIntervals({
    paths,
    protocol: spec.protocol,
    timeline,
    sigmas,
    baselines,
  });
  const first = intervals.path[0];
  if (!first) throw new Error(`${id}: empty path`);

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
      value: first.value,
      scaledValue: paths.firstScaled?.[timeline.last - timeline.firstOrigin] as number,
      intervals: intervals.firstIntervals,
      path: intervals.path,
    },
    testPredictions,
    testIntervals: intervals.testBands,
    weights: run.weights,
  };
}
