import { readFileSync } from 'node:fs';
import { REPORT_LEVELS } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { emptyForecasts, type ForecastsByHorizon } from './scoreForecasts.js';
import { type OriginForecasts, summarizeBacktest } from './summarize.js';

// Expected values: an independent numpy/scipy implementation from the definitions, written by
// reference/summarize_reference.py into reference/summarize_expected.json.
type Figures = {
  n: number;
  rmse: number;
  mae: number;
  coverage80: number;
  width80: number;
  winkler80: number;
  coverage95: number;
  width95: number;
  winkler95: number;
  pinball: number;
};
const expected = JSON.parse(
  readFileSync(new URL('./reference/summarize_expected.json', import.meta.url), 'utf8'),
) as {
  pooled: Record<string, Figures[]>;
  dm: Record<string, ([number, number] | null)[]>;
  ranks_rmse: number[][];
  ranks_winkler: number[][];
  friedman_rmse: [number, number];
  friedman_winkler: [number, number];
  holds_rmse: number;
  holds_winkler: number;
  wins_rmse: Record<string, [number, number]>;
  wins_winkler: Record<string, [number, number]>;
};

// The synthetic forecasts of the reference script, rebuilt formula for formula.
const H = 2;
const ORIGINS = 4;
const PER_BLOCK = 6;
const FORECASTERS: Record<string, [number, number, number, number]> = {
  'simplernn-32@relative': [2.0, 6.0, 0.0, 1.0],
  'gru-32@relative': [-1.0, 5.0, 1.0, 1.5],
  'lstm-32@relative': [0.5, 4.0, 2.0, 2.0],
  naive: [3.0, 7.0, 0.5, 1.2],
  ar1: [-2.0, 5.5, 1.5, 1.8],
};
const MODELS = ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'] as const;

function synthetic(name: string, k: number): ForecastsByHorizon {
  const [b, a, p, c] = FORECASTERS[name] as [number, number, number, number];
  return Array.from({ length: H }, (_, i) => {
    const h = i + 1;
    const out = emptyForecasts();
    let lastS = 10 * k + PER_BLOCK - 1;
    if (k === ORIGINS - 1) lastS -= h - 1;
    for (let s = 10 * k; s <= lastS; s++) {
      const actual = 100 + 10 * Math.sin(0.3 * (s + h));
      const point = actual + b + a * Math.sin(1.7 * s + p + h);
      out.origins.push(s);
      out.actual.push(actual);
      out.point.push(point);
      REPORT_LEVELS.forEach((_, li) => {
        const w = c * (1 + 0.5 * li) * (1 + 0.1 * h) * (1 + 0.3 * Math.cos(s));
        out.lower[li]?.push(point - w);
        out.upper[li]?.push(point + w);
      });
    }
    return out;
  });
}

const origins: OriginForecasts[] = Array.from({ length: ORIGINS }, (_, k) => ({
  origin: `${2011 + k}-01-01`,
  forecasts: new Map(Object.keys(FORECASTERS).map((name) => [name, synthetic(name, k)])),
}));
const summary = summarizeBacktest({
  origins,
  models: [...MODELS],
  baselines: ['naive', 'ar1'],
  lessonCells: MODELS,
});

const close = (got: number | null | undefined, want: number) => {
  expect(got).not.toBeNull();
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(want)));
};

describe('summarizeBacktest against the numpy/scipy reference', () => {
  it.each(Object.keys(FORECASTERS))('pools %s over every origin at each horizon', (id) => {
    const f = summary.forecasters.find((x) => x.id === id);
    const m = f?.metrics;
    if (!m) throw new Error(`no ${id}`);
    (expected.pooled[id] as Figures[]).forEach((want, i) => {
      expect(m.n[i]).toBe(want.n);
      close(m.rmse[i], want.rmse);
      close(m.mae[i], want.mae);
      close(m.coverage['80'][i], want.coverage80);
      close(m.coverage['95'][i], want.coverage95);
      close(m.meanWidth['80'][i], want.width80);
      close(m.meanWidth['95'][i], want.width95);
      close(m.intervalScore['80'][i], want.winkler80);
      close(m.intervalScore['95'][i], want.winkler95);
      close(m.pinball[i], want.pinball);
    });
    expect(f.kind).toBe(id in { naive: 1, ar1: 1 } ? 'baseline' : 'model');
  });

  it('tests every forecaster against naive and AR(1) with HLN DM, null where no test exists', () => {
    for (const [key, byHorizon] of Object.entries(expected.dm)) {
      const [id, baseline, kind] = key.split('|') as [string, 'naive' | 'ar1', string];
      const dm = summary.forecasters.find((f) => f.id === id)?.dm[baseline];
      const series = kind === 'squared' ? dm?.squaredError : dm?.intervalScore[kind as '80' | '95'];
      byHorizon.forEach((want, i) => {
        if (want === null) {
          expect(series?.statistic[i]).toBeNull();
          expect(series?.pValue[i]).toBeNull();
        } else {
          close(series?.statistic[i], want[0]);
          close(series?.pValue[i], want[1]);
        }
      });
    }
    expect(summary.forecasters.find((f) => f.id === 'naive')?.dm.naive).toBeUndefined();
    expect(summary.forecasters.find((f) => f.id === 'ar1')?.dm.naive).toBeDefined();
  });

  it('ranks the models at every origin and runs Friedman across the origins', () => {
    expect(summary.ranking.models).toEqual(MODELS);
    expect(summary.ranking.rmse.ranks).toEqual(expected.ranks_rmse);
    expect(summary.ranking.intervalScore.ranks).toEqual(expected.ranks_winkler);
    close(summary.ranking.rmse.friedman?.statistic, expected.friedman_rmse[0]);
    close(summary.ranking.rmse.friedman?.pValue, expected.friedman_rmse[1]);
    close(summary.ranking.intervalScore.friedman?.statistic, expected.friedman_winkler[0]);
    close(summary.ranking.intervalScore.friedman?.pValue, expected.friedman_winkler[1]);
  });

  it("counts the origins where the lesson's ordering holds and where a model beats a baseline", () => {
    expect(summary.lessonOrdering?.cells).toEqual(MODELS);
    expect(summary.lessonOrdering?.rmse.holds).toBe(expected.holds_rmse);
    expect(summary.lessonOrdering?.intervalScore.holds).toBe(expected.holds_winkler);
    for (const w of summary.wins) {
      expect([w.rmse.naive, w.rmse.ar1]).toEqual(expected.wins_rmse[w.id]);
      expect([w.intervalScore.naive, w.intervalScore.ar1]).toEqual(expected.wins_winkler[w.id]);
    }
  });

  it('has no lesson ordering when a lesson cell is missing, and refuses a missing forecaster', () => {
    const two = summarizeBacktest({
      origins,
      models: ['gru-32@relative', 'lstm-32@relative'],
      baselines: ['naive', 'ar1'],
      lessonCells: MODELS,
    });
    expect(two.lessonOrdering).toBeNull();
    expect(() =>
      summarizeBacktest({ origins, models: ['nope'], baselines: [], lessonCells: null }),
    ).toThrow(/no forecasts of nope/);
  });
});
