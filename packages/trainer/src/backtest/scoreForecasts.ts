// A forecaster's backtest forecasts and the figures they score: by horizon, per origin or pooled.
import {
  coverage,
  INTERVAL_LEVELS,
  type IntervalLevel,
  intervalScores,
  mae,
  meanWidth,
  pinballLoss,
  REPORT_LEVELS,
  rmse,
} from '@gatecast/core';
import type { BacktestMetrics } from '@gatecast/core/registry';

/**
 * One forecaster's h-month forecasts over a run of forecast origins, in time order: the points and
 * the bands at every report level, with their targets. Index points throughout.
 */
export interface HorizonForecasts {
  /** `[n]` series indices of the forecast origins s (each window's last month). */
  origins: number[];
  /** `[n]` the targets, `values[s + h]`. */
  actual: number[];
  /** `[n]` the point forecasts. */
  point: number[];
  /** `[REPORT_LEVELS.length][n]` lower bounds, in `REPORT_LEVELS` order. */
  lower: number[][];
  /** `[REPORT_LEVELS.length][n]` upper bounds. */
  upper: number[][];
}

/** `[H]` a forecaster's forecasts at h = 1 .. H (index h − 1). */
export type ForecastsByHorizon = HorizonForecasts[];

/** An empty run of forecasts, to append to. */
export function emptyForecasts(): HorizonForecasts {
  return {
    origins: [],
    actual: [],
    point: [],
    lower: REPORT_LEVELS.map(() => []),
    upper: REPORT_LEVELS.map(() => []),
  };
}

/**
 * Joins runs of forecasts (e.g. every origin's block) into one, in the order given.
 *
 * @throws {Error} when the runs are not in increasing forecast-origin order
 */
export function concatForecasts(runs: readonly HorizonForecasts[]): HorizonForecasts {
  const out = emptyForecasts();
  for (const run of runs) {
    const first = run.origins[0];
    if (first !== undefined && first <= (out.origins.at(-1) ?? Number.NEGATIVE_INFINITY)) {
      throw new Error(`forecast origins out of order: ${first} after ${out.origins.at(-1)}`);
    }
    out.origins.push(...run.origins);
    out.actual.push(...run.actual);
    out.point.push(...run.point);
    run.lower.forEach((l, i) => {
      out.lower[i]?.push(...l);
    });
    run.upper.forEach((u, i) => {
      out.upper[i]?.push(...u);
    });
  }
  return out;
}

const levelIndex = (level: number): number => {
  const i = REPORT_LEVELS.indexOf(level as (typeof REPORT_LEVELS)[number]);
  if (i < 0) throw new Error(`level ${level} is not a report level`);
  return i;
};

/** The band at `level` (percent, one of `REPORT_LEVELS`). */
export function bandAt(f: HorizonForecasts, level: number): { lower: number[]; upper: number[] } {
  const i = levelIndex(level);
  return { lower: f.lower[i] as number[], upper: f.upper[i] as number[] };
}

/** `[n]` squared errors `(y − ŷ)²`, points². */
export function squaredErrors(f: HorizonForecasts): number[] {
  return f.actual.map((y, i) => (y - (f.point[i] as number)) ** 2);
}

/** `[n]` interval (Winkler) scores of the band at `level` (percent), points. */
export function levelIntervalScores(f: HorizonForecasts, level: number): number[] {
  if (f.actual.length === 0) return [];
  return intervalScores({ actual: f.actual, ...bandAt(f, level), level: level / 100 });
}

/** Pinball loss over the 2 × 7 quantiles of the report levels' bands, points. */
function meanPinball(f: HorizonForecasts): number {
  return pinballLoss({
    actual: f.actual,
    quantiles: REPORT_LEVELS.flatMap((level, i) => [
      { probability: (100 - level) / 200, values: f.lower[i] as number[] },
      { probability: (100 + level) / 200, values: f.upper[i] as number[] },
    ]),
  });
}

const byLevel = <T>(make: (level: IntervalLevel) => T): Record<IntervalLevel, T> =>
  Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, make(level)])) as Record<
    IntervalLevel,
    T
  >;

/**
 * RMSE, MAE, and at 80 / 95 coverage, mean width and interval score, and the pinball loss, at
 * every horizon; `null` figures where a horizon has no forecast (n = 0).
 */
export function backtestMetrics(forecasts: ForecastsByHorizon): BacktestMetrics {
  const scored = forecasts.map((f) => f.actual.length > 0);
  const each = (figure: (f: HorizonForecasts) => number) =>
    forecasts.map((f, i) => (scored[i] ? figure(f) : null));
  const atLevel = (level: IntervalLevel, figure: (f: HorizonForecasts, p: number) => number) =>
    each((f) => figure(f, Number(level)));
  return {
    n: forecasts.map((f) => f.actual.length),
    rmse: each((f) => rmse(f.actual, f.point)),
    mae: each((f) => mae(f.actual, f.point)),
    coverage: byLevel((level) =>
      atLevel(level, (f, p) => coverage({ actual: f.actual, ...bandAt(f, p) })),
    ),
    meanWidth: byLevel((level) => atLevel(level, (f, p) => meanWidth(bandAt(f, p)))),
    intervalScore: byLevel((level) =>
      atLevel(level, (f, p) => {
        const scores = levelIntervalScores(f, p);
        return scores.reduce((s, v) => s + v, 0) / scores.length;
      }),
    ),
    pinball: each(meanPinball),
  };
}
