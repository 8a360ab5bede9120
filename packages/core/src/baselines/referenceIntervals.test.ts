import { describe, expect, it } from 'vitest';
import { ewmaVolatility } from '../intervals/ewmaVolatility.js';
import { coverage } from '../metrics/coverage.js';
import { intervalScore } from '../metrics/intervalScore.js';
import { mae } from '../metrics/mae.js';
import { meanWidth } from '../metrics/meanWidth.js';
import { rmse } from '../metrics/rmse.js';
import { valuesCovered } from '../scalers/fitScaler.js';
import { loadReferenceSeries } from '../testing/referenceSeries.js';
import { makeSeriesWindows } from '../windows/makeWindows.js';
import { chronologicalSplit, validationTail } from '../windows/splits.js';
import { ewmaNaiveBands } from './ewmaNaiveBand.js';
import { meanLogReturn } from './meanLogReturn.js';
import {
  type FitResidualQuantileBaselineOptions,
  fitResidualQuantileBaseline,
  residualQuantileForecast,
} from './residualQuantileBaseline.js';

/**
 * docs/lesson.md, "Classical forecasters on the test windows": the baselines with intervals,
 * fitted on the span the 613 fitting windows cover (625 monthly closes, 1950-01 .. 2002-01, so
 * 624 one-month log returns), scored on the 184 test targets (2011-02 .. 2026-05). Quantiles are
 * numpy's default linear rule. Rows not in the table (h > 1, EWMA) are checked against
 * stats/reference/compute_interval_reference.py.
 */
const series = loadReferenceSeries();
const { train, test } = chronologicalSplit(makeSeriesWindows(series, 12), { testSize: 184 });
const { fit } = validationTail(train, { fraction: 0.15 });
const span = valuesCovered(fit);
const levels = [0.8, 0.95];

interface Scores {
  rmse: number;
  mae: number;
  cov80: number;
  width80: number;
  winkler80: number;
  cov95: number;
  width95: number;
  winkler95: number;
}

/** Scores a baseline's h-step forecasts of the 184 test targets, from origins h months before. */
function score(
  forecast: (origin: number) => { point: number; bands: { lower: number; upper: number }[] },
  horizon: number,
): Scores {
  const actual = test.targets;
  const results = test.targetIndices.map((target) => forecast(target - horizon));
  const points = results.map((r) => r.point);
  const at = (k: number, level: number) => {
    const lower = results.map((r) => r.bands[k]?.lower as number);
    const upper = results.map((r) => r.bands[k]?.upper as number);
    return {
      cov: coverage({ actual, lower, upper }),
      width: meanWidth({ lower, upper }),
      winkler: intervalScore({ actual, lower, upper, level }),
    };
  };
  const s80 = at(0, 0.8);
  const s95 = at(1, 0.95);
  return {
    rmse: rmse(actual, points),
    mae: mae(actual, points),
    cov80: s80.cov,
    width80: s80.width,
    winkler80: s80.winkler,
    cov95: s95.cov,
    width95: s95.width,
    winkler95: s95.winkler,
  };
}

function residualQuantileScores(
  options: Omit<FitResidualQuantileBaselineOptions, 'values'>,
): Scores {
  const baseline = fitResidualQuantileBaseline({ ...options, values: span });
  const horizon = options.horizon ?? 1;
  return score(
    (origin) =>
      residualQuantileForecast({
        baseline,
        window: series.values.slice(origin - 11, origin + 1),
        levels,
      }),
    horizon,
  );
}

/** Checks each figure to the table's rounding: half a unit of its last printed digit. */
function expectTable(got: Scores, table: Partial<Record<keyof Scores, number>>) {
  const decimals = {
    rmse: 2,
    mae: 2,
    cov80: 3,
    width80: 0,
    winkler80: 1,
    cov95: 3,
    width95: 0,
    winkler95: 1,
  };
  for (const [key, value] of Object.entries(table) as [keyof Scores, number][]) {
    expect(Math.abs(got[key] - value), key).toBeLessThanOrEqual(0.5 * 10 ** -decimals[key] + 1e-9);
  }
}

describe('docs/lesson.md classical baselines with intervals, reproduced', () => {
  it('the fitted span is 625 closes, 1950-01 .. 2002-01', () => {
    expect(span).toHaveLength(625);
    expect(fit.targetDates?.at(-1)).toBe('2002-01-01');
    expect(test.targetDates?.[0]).toBe('2011-02-01');
  });

  it('AR(1) on log returns: c = 0.00521, φ = 0.225', () => {
    const { model } = fitResidualQuantileBaseline({ kind: 'ar1', values: span });
    if (model.kind !== 'ar1') throw new Error('expected an AR(1)');
    expect(model.c).toBeCloseTo(0.005207501128256731, 14); // numpy lstsq
    expect(model.phi).toBeCloseTo(0.2250914950147085, 13);
    expect(model.c.toFixed(5)).toBe('0.00521');
    expect(model.phi.toFixed(3)).toBe('0.225');
  });

  it('naive + empirical quantiles of fitted-span log returns: 126.01 / 85.96, .799 238 373.2, .973 440 562.5', () => {
    expectTable(residualQuantileScores({ kind: 'naive' }), {
      rmse: 126.01,
      mae: 85.96,
      cov80: 0.799,
      width80: 238,
      winkler80: 373.2,
      cov95: 0.973,
      width95: 440,
      winkler95: 562.5,
    });
  });

  it('AR(1) + residual quantiles: 119.99 / 77.81, .804 232 384.1, .967 440 606.4', () => {
    expectTable(residualQuantileScores({ kind: 'ar1' }), {
      rmse: 119.99,
      mae: 77.81,
      cov80: 0.804,
      width80: 232,
      winkler80: 384.1,
      cov95: 0.967,
      width95: 440,
      winkler95: 606.4,
    });
  });

  it('drift (721-window μ) + median-centred quantiles: 121.19 / 80.13, .788 237 378.5, .973 439 557.1', () => {
    const mu = meanLogReturn(valuesCovered(train));
    expectTable(residualQuantileScores({ kind: 'drift', mu, centre: 'median' }), {
      rmse: 121.19,
      mae: 80.13,
      cov80: 0.788,
      width80: 237,
      winkler80: 378.5,
      cov95: 0.973,
      width95: 439,
      winkler95: 557.1,
    });
  });

  it('drift on the fitted span scores 120.79 / 79.45 (and, uncentred, the naive band)', () => {
    expectTable(residualQuantileScores({ kind: 'drift' }), {
      rmse: 120.79,
      mae: 79.45,
      cov80: 0.799,
      winkler80: 373.2,
      winkler95: 562.5,
    });
  });

  it('h = 3 and h = 12 match the Python reference', () => {
    const close = (got: Scores, expected: Scores) => {
      for (const key of Object.keys(expected) as (keyof Scores)[]) {
        expect(got[key], key).toBeCloseTo(expected[key], 4);
      }
    };
    close(residualQuantileScores({ kind: 'naive', horizon: 3 }), {
      rmse: 233.598068,
      mae: 176.141193,
      cov80: 0.836957,
      width80: 483.383618,
      winkler80: 672.877138,
      cov95: 0.967391,
      width95: 815.187566,
      winkler95: 942.486964,
    });
    close(residualQuantileScores({ kind: 'ar1', horizon: 3 }), {
      rmse: 213.476723,
      mae: 145.475357,
      cov80: 0.815217,
      width80: 475.720892,
      winkler80: 687.581653,
      cov95: 0.951087,
      width95: 781.315568,
      winkler95: 988.978955,
    });
    close(residualQuantileScores({ kind: 'ar1', horizon: 12 }), {
      rmse: 430.917963,
      mae: 306.617515,
      cov80: 0.907609,
      width80: 1153.546338,
      winkler80: 1345.31307,
      cov95: 0.978261,
      width95: 1588.641518,
      winkler95: 1788.497174,
    });
  });

  it('naive + EWMA (λ = 0.94) Gaussian bands match the Python reference at h = 1 and 3', () => {
    const sigmas = ewmaVolatility(series.values, { lambda: 0.94, warmup: 12 });
    const ewma = (horizon: number) =>
      score(
        (origin) =>
          ewmaNaiveBands({
            last: series.values[origin] as number,
            sigma: sigmas[origin] as number,
            horizon,
            levels,
          }),
        horizon,
      );
    const expected = {
      1: {
        cov80: 0.875,
        width80: 289.288473,
        winkler80: 392.223701,
        cov95: 0.940217,
        width95: 442.670603,
        winkler95: 590.998342,
      },
      3: {
        cov80: 0.788043,
        width80: 493.220754,
        winkler80: 681.811848,
        cov95: 0.956522,
        width95: 755.564885,
        winkler95: 961.312746,
      },
    } as const;
    for (const h of [1, 3] as const) {
      const got = ewma(h);
      for (const [key, value] of Object.entries(expected[h]) as [keyof Scores, number][]) {
        expect(got[key], `h=${h} ${key}`).toBeCloseTo(value, 4);
      }
    }
  });
});
