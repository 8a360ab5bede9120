import { empiricalQuantile, sortedAscending } from '../intervals/empiricalQuantile.js';
import { levelProbabilities } from '../intervals/levelProbabilities.js';
import { type LevelBand, multiplicativeBand } from '../intervals/multiplicativeBand.js';
import { fitAr1 } from './fitAr1.js';
import { forecastLogReturn, type LogReturnModel } from './logReturnModel.js';
import { logReturns } from './logReturns.js';
import { meanLogReturn } from './meanLogReturn.js';

/**
 * A log-return point forecaster with empirical-quantile intervals, fitted on one span for one
 * horizon. Plain data.
 */
export interface ResidualQuantileBaseline {
  model: LogReturnModel;
  /** h, in periods (months). */
  horizon: number;
  /**
   * `[m]` the h-period residuals over the fitted span, sorted ascending, log-return units:
   * `ln(v[s+h] / v[s]) − forecastLogReturn(model, v[..s], h)` for every origin s of the span
   * whose target is inside it (and, for AR(1), s ≥ 1); shifted by their median when
   * `centre: 'median'`.
   */
  residuals: number[];
}

/** Options of {@link fitResidualQuantileBaseline}. */
export interface FitResidualQuantileBaselineOptions {
  kind: LogReturnModel['kind'];
  /**
   * `[n]` the fitted span's values, oldest first, positive (e.g. the closes the fitting windows
   * cover: `valuesCovered(fit)`, 625 months 1950-01 .. 2002-01 for the reference split).
   */
  values: readonly number[];
  /** h ≥ 1, in periods. Default 1. */
  horizon?: number;
  /**
   * Drift only: μ per period to forecast with. Default: the span's own mean log return. (The
   * lesson's drift uses the 721 training windows' μ while σ uses the 613 fitting windows.)
   */
  mu?: number;
  /**
   * `'none'` (default): the residuals are actual minus forecast, the honest choice. `'median'`:
   * the residuals are shifted to a median of 0, so the band's median is the point forecast. For
   * drift with the span's own μ, `'none'` gives exactly the naive band (only the point moves).
   * docs/lesson.md's "drift (721-window μ) + centred empirical quantiles" row is `'median'`
   * with the training windows' μ (557.1 at 95% reproduces only that way).
   */
  centre?: 'none' | 'median';
}

/**
 * Fits a naive, drift or AR(1) log-return baseline on a span and collects its h-period
 * residuals there, for intervals by empirical quantiles ({@link residualQuantileForecast}).
 *
 * Drift's μ is the span's mean one-period log return ({@link meanLogReturn}) unless given; AR(1)
 * is fitted by OLS on the span's one-period log returns ({@link fitAr1}) and forecast h steps by
 * its recursion. For h > 1 the residuals are the h-period ones over the span, overlapping
 * (origins one period apart); not a sum of one-step residuals, so no independence is assumed.
 *
 * @param options - `kind`, `values`, `horizon`, `mu`, `centre`.
 * @returns The model, h and the sorted residuals.
 * @throws {RangeError} when the span is too short for the horizon (fewer than h + 2 values; h + 3
 *   for AR(1)), or a value is not positive and finite.
 * @example
 * fitResidualQuantileBaseline({ kind: 'naive', values: [100, 110, 99, 104] }).residuals;
 * // => [-0.1053…, 0.0492…, 0.0953…]
 */
export function fitResidualQuantileBaseline(
  options: FitResidualQuantileBaselineOptions,
): ResidualQuantileBaseline {
  const { kind, values, horizon = 1, centre = 'none' } = options;
  const model = fitModel(kind, values, options.mu);
  const actual = logReturns(values, { horizon });
  const firstOrigin = kind === 'ar1' ? 1 : 0;
  const residuals: number[] = [];
  for (let s = firstOrigin; s < actual.length; s++) {
    const forecast = forecastLogReturn(model, values.slice(Math.max(0, s - 1), s + 1), horizon);
    residuals.push((actual[s] as number) - forecast);
  }
  if (residuals.length < 2) {
    throw new RangeError(
      `a span of ${values.length} values leaves fewer than 2 residuals at h = ${horizon}`,
    );
  }
  const sorted = Array.from(sortedAscending(residuals));
  if (centre === 'median') {
    const median = empiricalQuantile(sorted, 0.5, { method: 'linear', sorted: true });
    return { model, horizon, residuals: sorted.map((r) => r - median) };
  }
  return { model, horizon, residuals: sorted };
}

function fitModel(
  kind: LogReturnModel['kind'],
  values: readonly number[],
  mu: number | undefined,
): LogReturnModel {
  switch (kind) {
    case 'naive':
      return { kind };
    case 'drift':
      return { kind, mu: mu ?? meanLogReturn(values) };
    case 'ar1': {
      const { c, phi } = fitAr1(logReturns(values));
      return { kind, c, phi };
    }
    default:
      throw new RangeError(`unknown baseline kind ${JSON.stringify(kind)}`);
  }
}

/**
 * A fitted baseline's forecast from one origin: the point `last · exp(m)`, m the h-period mean
 * log-return forecast, and for each level the band `last · exp(m + Q((1 ∓ level)/2))`, Q the
 * residuals' empirical quantile (numpy's default linear rule, Hyndman–Fan type 7). With the
 * reference split and h = 1 this reproduces the naive and AR(1) rows of docs/lesson.md's classical
 * forecasters.
 *
 * @param options - `baseline`, `window` (values up to and including the origin, oldest first,
 *   index points; ≥ 2 values for AR(1)), `levels` (coverage probabilities in (0, 1)).
 * @returns The point forecast and one band per level, in index points.
 * @throws {RangeError} on a bad window or level.
 * @example
 * residualQuantileForecast({ baseline, window: test.inputs[0], levels: [0.8, 0.95] });
 */
export function residualQuantileForecast(options: {
  baseline: ResidualQuantileBaseline;
  window: readonly number[];
  levels: readonly number[];
}): { point: number; bands: LevelBand[] } {
  const { baseline, window, levels } = options;
  const m = forecastLogReturn(baseline.model, window, baseline.horizon);
  const last = window[window.length - 1] as number;
  const quantile = (p: number) =>
    empiricalQuantile(baseline.residuals, p, { method: 'linear', sorted: true });
  return {
    point: last * Math.exp(m),
    bands: levelProbabilities(levels).map(({ level, lower, upper }) => ({
      level,
      ...multiplicativeBand({
        last,
        sigma: 1,
        lowerScaled: m + quantile(lower),
        upperScaled: m + quantile(upper),
      }),
    })),
  };
}
