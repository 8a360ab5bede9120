import {
  EWMA_LAMBDA,
  ewmaNaiveBands,
  fitResidualQuantileBaseline,
  INTERVAL_LEVELS,
  type LevelBand,
  type LogReturnModel,
  type PathPoint,
  quantileKeys,
  REPORT_LEVELS,
  residualQuantileForecast,
  type TestMetrics,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';
import type { BandSet } from './candidateBands.js';
import { volatilityAt } from './candidateBands.js';
import { calibrationCurve, levelIndex, scoreTable } from './scoreBands.js';
import { testMetrics } from './testMetrics.js';
import { makeTimeline, type Timeline } from './timeline.js';

/** The baselines every model is measured against, as the registry names them. */
export const BASELINE_NAMES = ['naive', 'drift', 'ar1', 'naiveEwma'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

const DESCRIPTIONS: Record<BaselineName, string> = {
  naive:
    'next month = this month; bands from empirical quantiles of its fitted-span h-month log errors',
  drift:
    "this month × exp(h × the fitted span's mean log return); bands from empirical quantiles of its fitted-span h-month log errors",
  ar1: 'AR(1) on monthly log returns (OLS on the fitted span), h months by iterating the mean; bands from empirical quantiles of its fitted-span h-month log errors',
  naiveEwma:
    'this month, with Gaussian bands ±z·σ·√h from the EWMA volatility of monthly log returns (λ = 0.94)',
};

/** A baseline's forecasts, bands and scores: what the registry reports beside every model. */
export interface BaselineReport {
  name: BaselineName;
  description: string;
  /** `[184]` h = 1 test predictions, points. */
  testPredictions: number[];
  /** `actual − predicted` per test window, in points. */
  errors: number[];
  /** h = 1 point metrics on test. */
  test: TestMetrics;
  /** Next month's point forecast from the series' end. */
  forecast: number;
  /** h = 1 .. H from the series' end with the 80/95 quantiles. */
  path: PathPoint[];
  bands: BandSet;
  table: ReturnType<typeof scoreTable>;
  calibration: ReturnType<typeof calibrationCurve>;
  /** Drift's μ, AR(1)'s c and φ, naiveEwma's λ and σ² at the series' end. */
  parameters: Record<string, number>;
}

export interface Baselines {
  naive: BaselineReport;
  drift: BaselineReport;
  ar1: BaselineReport;
  naiveEwma: BaselineReport;
  /** Mean one-month log return over the fitted span, used by drift. */
  driftMeanLogReturn: number;
}

/**
 * `[H][origins o₀ .. last]` points and the bands from C on, of one baseline: its forecast from
 * each origin (the series up to the origin only), with bands at every report level.
 */
export function baselineForecasts(
  name: BaselineName,
  timeline: Timeline,
  sigmas: readonly number[],
): { points: Float64Array[]; bands: BandSet; model?: LogReturnModel } {
  const { firstOrigin, last, horizon, values } = timeline;
  const from = timeline.calibrationEnd;
  const levels = REPORT_LEVELS.map((l) => l / 100);
  const points: Float64Array[] = [];
  const lower: Float64Array[][] = [];
  const upper: Float64Array[][] = [];
  let model: LogReturnModel | undefined;
  for (let h = 1; h <= horizon; h++) {
    const fitted =
      name === 'naiveEwma'
        ? undefined
        : fitResidualQuantileBaseline({ kind: name, values: timeline.fitValues, horizon: h });
    model ??= fitted?.model;
    const row = new Float64Array(last - firstOrigin + 1);
    const lows = REPORT_LEVELS.map(() => new Float64Array(Math.max(0, last - from + 1)));
    const highs = REPORT_LEVELS.map(() => new Float64Array(Math.max(0, last - from + 1)));
    for (let t = firstOrigin; t <= last; t++) {
      const forecast: { point: number; bands: LevelBand[] } = fitted
        ? residualQuantileForecast({
            baseline: fitted,
            window: values.slice(t - 1, t + 1) as number[],
            levels,
          })
        : ewmaNaiveBands({
            last: values[t] as number,
            sigma: sigmas[t] as number,
            horizon: h,
            levels,
          });
      row[t - firstOrigin] = forecast.point;
      if (t >= from) {
        forecast.bands.forEach((b, li) => {
          (lows[li] as Float64Array)[t - from] = b.lower;
          (highs[li] as Float64Array)[t - from] = b.upper;
        });
      }
    }
    points.push(row);
    lower.push(lows);
    upper.push(highs);
  }
  return { points, bands: { from, lower, upper }, ...(model ? { model } : {}) };
}

/** A path from the series' end: points and 80/95 quantiles of a band set at its last origin. */
export function pathFromBands(
  timeline: Timeline,
  points: readonly Float64Array[],
  bands: BandSet,
): PathPoint[] {
  const t = timeline.last;
  return points.map((row, i) => {
    const quantiles: Record<string, number> = {};
    for (const key of INTERVAL_LEVELS) {
      const li = levelIndex(Number(key));
      const [lowerKey, upperKey] = quantileKeys(Number(key));
      quantiles[lowerKey] = bands.lower[i]?.[li]?.[t - bands.from] as number;
      quantiles[upperKey] = bands.upper[i]?.[li]?.[t - bands.from] as number;
    }
    return {
      target: timeline.dates[t] ? monthsAfter(timeline.dates[t] as string, i + 1) : '',
      value: row[t - timeline.firstOrigin] as number,
      quantiles,
    };
  });
}

/** `YYYY-MM-01` n months after `month`. */
export function monthsAfter(month: string, n: number): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mm - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The four baselines — naive, drift and AR(1) on log returns with empirical-quantile bands, and
 * naive with EWMA-volatility Gaussian bands — each fitted on the fitted span (the span σ is
 * fitted on), forecast from every origin o₀ .. last, and scored on the same months as the models.
 */
export function computeBaselines(split: PreparedSplit, timeline = makeTimeline(split)): Baselines {
  const sigmas = volatilityAt(timeline);
  const actual = split.test.targets;
  const report = (name: BaselineName): BaselineReport => {
    const { points, bands, model } = baselineForecasts(name, timeline, sigmas);
    const first = points[0] as Float64Array;
    const testPredictions = Array.from(
      first.subarray(
        timeline.validationEnd - timeline.firstOrigin,
        timeline.last - timeline.firstOrigin,
      ),
    );
    if (testPredictions.length !== actual.length) {
      throw new Error(`${testPredictions.length} test origins for ${actual.length} test windows`);
    }
    const table = scoreTable(bands, timeline);
    const sigma = sigmas[timeline.last] as number;
    const parameters: Record<string, number> =
      model?.kind === 'drift'
        ? { meanLogReturn: model.mu }
        : model?.kind === 'ar1'
          ? { c: model.c, phi: model.phi }
          : name === 'naiveEwma'
            ? { lambda: EWMA_LAMBDA, variance: sigma * sigma }
            : {};
    return {
      name,
      description: DESCRIPTIONS[name],
      testPredictions,
      errors: testPredictions.map((p, i) => (actual[i] as number) - p),
      test: testMetrics(split, testPredictions),
      forecast: first[timeline.last - timeline.firstOrigin] as number,
      path: pathFromBands(timeline, points, bands),
      bands,
      table,
      calibration: calibrationCurve(table),
      parameters,
    };
  };
  const drift = report('drift');
  return {
    naive: report('naive'),
    drift,
    ar1: report('ar1'),
    naiveEwma: report('naiveEwma'),
    driftMeanLogReturn: drift.parameters.meanLogReturn as number,
  };
}
