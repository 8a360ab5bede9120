/**
 * Issue 10's API: horizons 1–12 and any levels on every forecast route, the path and its quantiles,
 * the calibration a response used, and the baselines' paths. Expected values come from the
 * trainer's manifest (its recorded paths at 80/95) or are properties every answer must have.
 */
import { quantileKeys } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import {
  api,
  expectProblem,
  expectRelativelyClose,
  jsonPost,
  latestWindow,
  manifest,
  series,
} from './support.js';

interface PathPoint {
  horizon: number;
  target: string | null;
  forecast: number;
  quantiles: Record<string, number>;
  calibrationSize?: number;
  rankClipped?: boolean;
}

interface Forecast {
  model: string;
  asOf: string | null;
  target: string | null;
  forecast: number;
  intervals: Record<string, [number, number]>;
  horizon: number;
  levels: number[];
  path: PathPoint[];
  intervalMethod: string;
  calibration: 'registry' | 'history';
  clampedAtZero?: boolean;
}

const NINE = [50, 60, 70, 75, 80, 85, 90, 95, 99];
const query = (levels: number[]) => levels.map((l) => `&level=${l}`).join('');
const history = series.dates.map((date, i) => ({ date, close: series.values[i] as number }));
const monthsAfter = (h: number) => {
  const index = series.dates.length - 1 + h;
  const [y, m] = (series.dates[series.dates.length - 1] as string).split('-').map(Number) as [
    number,
    number,
  ];
  const months = y * 12 + (m - 1) + h;
  return index && `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
};

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await api(path, init);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/**
 * Every property of a served path: `horizon` months in order, two quantiles per level (keys from
 * core's quantileKeys) ascending in probability and non-decreasing in value, nested bands, the
 * first month repeated in `forecast`/`intervals`, every number finite, and positive for
 * relative-protocol models (≥ 0 for reference ones, which say whether they clamped).
 */
function expectWellFormed(body: Omit<Forecast, 'model' | 'asOf' | 'target'>, protocol: string) {
  const levels = [...body.levels].sort((a, b) => a - b);
  const keys = levels.flatMap(quantileKeys).sort((a, b) => Number(a) - Number(b));
  expect(body.path).toHaveLength(body.horizon);
  body.path.forEach((point, i) => {
    expect(point.horizon).toBe(i + 1);
    expect(Object.keys(point.quantiles)).toEqual(keys);
    const values = keys.map((k) => point.quantiles[k] as number);
    for (const v of [point.forecast, ...values]) {
      expect(Number.isFinite(v)).toBe(true);
      if (protocol === 'relative') expect(v).toBeGreaterThan(0);
      else expect(v).toBeGreaterThanOrEqual(0);
    }
    values.slice(1).forEach((v, j) => {
      expect(v).toBeGreaterThanOrEqual(values[j] as number);
    });
  });
  expect(
    Object.keys(body.intervals)
      .map(Number)
      .sort((a, b) => a - b),
  ).toEqual(levels);
  const first = body.path[0] as PathPoint;
  expect(body.forecast).toBe(first.forecast);
  for (const level of levels) {
    const [lower, upper] = quantileKeys(level);
    expect(body.intervals[String(level)]).toEqual([
      first.quantiles[lower as string],
      first.quantiles[upper as string],
    ]);
  }
  if (protocol === 'reference') expect(typeof body.clampedAtZero).toBe('boolean');
  else expect(body.clampedAtZero).toBeUndefined();
}

describe('GET /v1/forecast?horizon&level', () => {
  it('serves one month at 80 and 95 by default, as the manifest records it', async () => {
    const body = await getJson<Forecast>('/v1/forecast');
    const entry = manifest.models.find((m) => m.id === manifest.defaultModel);
    expect(body).toMatchObject({
      horizon: 1,
      levels: [80, 95],
      calibration: 'registry',
      intervalMethod: entry?.calibration.method,
      target: monthsAfter(1),
    });
    expect(body.path).toHaveLength(1);
    const recorded = entry?.forecast.path[0];
    for (const [key, value] of Object.entries(recorded?.quantiles ?? {})) {
      expectRelativelyClose(body.path[0]?.quantiles[key], value);
    }
  });

  it('reproduces every model’s recorded 12-month path and its 80/95 quantiles', async () => {
    for (const entry of manifest.models) {
      const id = encodeURIComponent(entry.id);
      const body = await getJson<Forecast>(`/v1/forecast?model=${id}&horizon=12`);
      expectWellFormed(body, entry.protocol);
      expect(body.intervalMethod).toBe(entry.calibration.method);
      body.path.forEach((point, i) => {
        const recorded = entry.forecast.path[i];
        expect(point.target).toBe(recorded?.target);
        expectRelativelyClose(point.forecast, recorded?.value as number);
        expect(Object.keys(point.quantiles)).toEqual(['0.025', '0.1', '0.9', '0.975']);
        for (const [key, value] of Object.entries(recorded?.quantiles ?? {})) {
          expectRelativelyClose(point.quantiles[key], value);
        }
        expect(point.calibrationSize).toBe(entry.calibration.horizons[i]?.size);
      });
    }
  });

  it('serves the levels asked for, at the horizon asked for', async () => {
    const body = await getJson<Forecast>('/v1/forecast?horizon=6&level=90&level=50');
    expect(body.levels).toEqual([50, 90]);
    expect(body.path).toHaveLength(6);
    expect(Object.keys(body.path[5]?.quantiles ?? {})).toEqual(['0.05', '0.25', '0.75', '0.95']);
    expect(body.path.map((p) => p.target)).toEqual([1, 2, 3, 4, 5, 6].map(monthsAfter));
  });

  it('keeps every quantile finite, ordered and nested at 9 levels and 12 months, for every model', async () => {
    for (const entry of manifest.models) {
      const id = encodeURIComponent(entry.id);
      const body = await getJson<Forecast>(`/v1/forecast?model=${id}&horizon=12${query(NINE)}`);
      expectWellFormed(body, entry.protocol);
      // A wider band contains a narrower one at every month.
      for (const point of body.path) {
        for (let j = 1; j < NINE.length; j++) {
          const [lo, hi] = quantileKeys(NINE[j] as number);
          const [innerLo, innerHi] = quantileKeys(NINE[j - 1] as number);
          expect(point.quantiles[lo]).toBeLessThanOrEqual(point.quantiles[innerLo] as number);
          expect(point.quantiles[hi]).toBeGreaterThanOrEqual(point.quantiles[innerHi] as number);
        }
      }
    }
  });

  it.each([
    ['horizon=0', /horizon must be at least 1, got 0/, '/horizon'],
    ['horizon=13', /horizon must be at most 12, got 13/, '/horizon'],
    ['horizon=1.5', /whole number from 1 to 12, not "1.5"/, '/horizon'],
    ['horizon=', /whole number from 1 to 12, not ""/, '/horizon'],
    ['horizon=2&horizon=3', /whole number from 1 to 12, not an array/, '/horizon'],
    ['level=49', /a level must be at least 50, got 49/, '/level/0'],
    ['level=80&level=100', /a level must be at most 99, got 100/, '/level/1'],
    ['level=80.5', /whole number from 50 to 99, not "80.5"/, '/level/0'],
    ['level=eighty', /whole number from 50 to 99, not "eighty"/, '/level/0'],
    ['level=80&level=95&level=80', /level 80 is given twice/, '/level/2'],
    [query(NINE.concat(98)).slice(1), /at most 9 levels, got 10/, '/level'],
  ])('answers 422 with a pointer to ?%s', async (q, detail, pointer) => {
    const problem = await expectProblem(await api(`/v1/forecast?${q}`), 422, detail);
    expect(problem.title).toBe('Invalid parameters');
    expect(problem.errors?.[0]?.pointer).toBe(pointer);
  });
});

describe('POST /v1/forecast with horizon and levels', () => {
  it('forecasts a bare window’s path without months, on the registry’s calibration', async () => {
    const body = await getJson<Forecast>(
      '/v1/forecast',
      jsonPost({ window: latestWindow, horizon: 12, levels: NINE }),
    );
    const entry = manifest.models.find((m) => m.id === manifest.defaultModel);
    expect(body).toMatchObject({ asOf: null, target: null, calibration: 'registry' });
    expect(body.path.every((p) => p.target === null)).toBe(true);
    expectWellFormed(body, 'relative');
    body.path.forEach((point, i) => {
      expectRelativelyClose(point.forecast, entry?.forecast.path[i]?.value as number);
    });
  });

  it('calibrates on a history of 60 months or more, and not on 59', async () => {
    const long = await getJson<Forecast>(
      '/v1/forecast',
      jsonPost({ history: history.slice(-60), horizon: 12, levels: NINE }),
    );
    expect(long.calibration).toBe('history');
    expect(long.asOf).toBe(series.dates[series.dates.length - 1]);
    expect(long.path.map((p) => p.target)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthsAfter(i + 1)),
    );
    expectWellFormed(long, 'relative');
    // Its own errors: at most the 48 one-month errors 60 months hold, fewer at longer horizons.
    expect(long.path[0]?.calibrationSize).toBeLessThanOrEqual(48);
    expect(long.path[11]?.calibrationSize).toBeLessThan(long.path[0]?.calibrationSize as number);

    const short = await getJson<Forecast>(
      '/v1/forecast',
      jsonPost({ history: history.slice(-59), horizon: 12, levels: NINE }),
    );
    expect(short.calibration).toBe('registry');
    const bare = await getJson<Forecast>(
      '/v1/forecast',
      jsonPost({ window: latestWindow, horizon: 12, levels: NINE }),
    );
    expect(short.path.map((p) => p.quantiles)).toEqual(bare.path.map((p) => p.quantiles));
    // Same point forecasts either way; the history's bands are its own.
    expect(long.path.map((p) => p.forecast)).toEqual(bare.path.map((p) => p.forecast));
    expect(long.path.map((p) => p.quantiles)).not.toEqual(bare.path.map((p) => p.quantiles));
  });

  it('calibrates every model on a long history, with finite positive bounds', async () => {
    for (const entry of manifest.models) {
      const body = await getJson<Forecast>(
        '/v1/forecast',
        jsonPost({ model: entry.id, history: history.slice(-240), horizon: 12, levels: NINE }),
      );
      expect(body.calibration).toBe('history');
      expectWellFormed(body, entry.protocol);
    }
  });

  it.each([
    [{ horizon: 0 }, /horizon must be at least 1/, '/horizon'],
    [{ horizon: 13 }, /horizon must be at most 12/, '/horizon'],
    [{ horizon: '6' }, /whole number from 1 to 12, not "6"/, '/horizon'],
    [{ horizon: 2.5 }, /whole number from 1 to 12, not 2\.5/, '/horizon'],
    [{ levels: [] }, /at least one level/, '/levels'],
    [{ levels: 80 }, /array of levels, not a number/, '/levels'],
    [{ levels: [80, 100] }, /at most 99, got 100/, '/levels/1'],
    [{ levels: [80, 95, 80] }, /level 80 is given twice/, '/levels/2'],
    [{ levels: NINE.concat(51) }, /at most 9 levels, got 10/, '/levels'],
  ])('answers 422 with a pointer for %j', async (fields, detail, pointer) => {
    const problem = await expectProblem(
      await api('/v1/forecast', jsonPost({ window: latestWindow, ...fields })),
      422,
      detail,
    );
    expect(problem.errors?.[0]?.pointer).toBe(pointer);
  });
});

describe('POST /v1/forecast/batch with horizon and levels', () => {
  it('gives every window a path of the horizon at the levels, the first equal to a single POST', async () => {
    const windows = [latestWindow, series.values.slice(-24, -12), series.values.slice(-36, -24)];
    const body = await getJson<{
      count: number;
      horizon: number;
      levels: number[];
      calibration: string;
      intervalMethod: string;
      results: Omit<Forecast, 'model' | 'asOf' | 'target' | 'horizon' | 'levels'>[];
    }>(
      '/v1/forecast/batch',
      jsonPost({ items: windows.map((window) => ({ window })), horizon: 4, levels: [60, 90] }),
    );
    expect(body).toMatchObject({ count: 3, horizon: 4, levels: [60, 90], calibration: 'registry' });
    for (const f of body.results)
      expectWellFormed({ ...f, horizon: 4, levels: [60, 90] }, 'relative');
    const single = await getJson<Forecast>(
      '/v1/forecast',
      jsonPost({ window: latestWindow, horizon: 4, levels: [60, 90] }),
    );
    expect(body.results[0]?.path).toEqual(single.path);
  });

  it('refuses a bad level in a batch with a pointer', async () => {
    const problem = await expectProblem(
      await api(
        '/v1/forecast/batch',
        jsonPost({ items: [{ window: latestWindow }], levels: [80, 45] }),
      ),
      422,
      /at least 50, got 45/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/levels/1');
  });
});

describe('GET /v1/compare?horizon&level', () => {
  interface Row {
    id: string;
    kind: string;
    forecast: number;
    intervals: Record<string, [number, number]>;
    path: PathPoint[];
    intervalMethod: string;
    intervalSummary: { method: string; test: { horizon: number }[] };
  }

  it('puts every model’s path beside the four baselines’, each at the levels asked for', async () => {
    const body = await getJson<{ horizon: number; levels: number[]; forecasts: Row[] }>(
      `/v1/compare?horizon=12${query(NINE)}&role=all`,
    );
    expect(body.forecasts.map((f) => f.id)).toEqual([
      ...manifest.models.map((m) => m.id),
      'naive',
      'drift',
      'ar1',
      'naiveEwma',
    ]);
    for (const row of body.forecasts) {
      const protocol = manifest.models.find((m) => m.id === row.id)?.protocol ?? 'relative';
      expectWellFormed({ ...row, horizon: 12, levels: NINE, calibration: 'registry' }, protocol);
      expect(row.intervalSummary.test.map((t) => t.horizon)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    }
  });

  it('reproduces the baselines’ recorded 12-month paths at 80 and 95', async () => {
    const body = await getJson<{ forecasts: Row[] }>('/v1/compare?horizon=12');
    for (const id of ['naive', 'drift', 'ar1', 'naiveEwma'] as const) {
      const row = body.forecasts.find((f) => f.id === id) as Row;
      const recorded = manifest.baselines[id];
      expect(row.intervalSummary.test).toEqual(recorded.intervalSummary.test);
      expect(row.intervalMethod).toBe(id === 'naiveEwma' ? 'ewmaGaussian' : 'empiricalQuantiles');
      row.path.forEach((point, i) => {
        const stored = recorded.path[i];
        expect(point.target).toBe(stored?.target);
        expectRelativelyClose(point.forecast, stored?.value as number, 1e-9);
        for (const [key, value] of Object.entries(stored?.quantiles ?? {})) {
          expectRelativelyClose(point.quantiles[key], value, 1e-9);
        }
      });
    }
  });

  it('answers 422 to a bad horizon', async () => {
    await expectProblem(await api('/v1/compare?horizon=99'), 422, /at most 12/);
  });
});

describe('GET /v1/models', () => {
  it('carries each model’s interval method and summary, and the baselines’', async () => {
    const body = await getJson<{
      models: { id: string; intervalMethod: string; intervalSummary: unknown }[];
      baselines: { id: string; intervalSummary: { method: string; test: unknown } }[];
    }>('/v1/models');
    for (const model of body.models) {
      const entry = manifest.models.find((m) => m.id === model.id);
      expect(model.intervalMethod).toBe(entry?.calibration.method);
      expect(model.intervalSummary).toEqual(entry?.intervalSummary);
    }
    expect(body.baselines.map((b) => b.id)).toEqual(['naive', 'drift', 'ar1', 'naiveEwma']);
    for (const baseline of body.baselines) {
      expect(baseline.intervalSummary.test).toEqual(
        manifest.baselines[baseline.id as 'naive'].intervalSummary.test,
      );
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes horizon and level with their ranges and defaults, and the path', async () => {
    const doc = await getJson<{
      paths: Record<string, Record<string, { parameters?: Record<string, unknown>[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('/openapi.json');
    for (const route of ['/v1/forecast', '/v1/compare']) {
      const parameters = doc.paths[route]?.get?.parameters ?? [];
      expect(parameters.find((p) => p.name === 'horizon')).toMatchObject({
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 12, default: 1 },
      });
      expect(parameters.find((p) => p.name === 'level')).toMatchObject({
        in: 'query',
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: { type: 'integer', minimum: 50, maximum: 99 },
          minItems: 1,
          maxItems: 9,
          default: [80, 95],
        },
      });
    }
    const request = doc.components.schemas.ForecastRequest?.properties ?? {};
    expect(request.horizon).toMatchObject({ minimum: 1, maximum: 12, default: 1 });
    expect(request.levels).toMatchObject({ maxItems: 9, default: [80, 95] });
    const forecast = doc.components.schemas.Forecast?.properties ?? {};
    for (const field of ['path', 'intervalMethod', 'calibration', 'clampedAtZero', 'horizon']) {
      expect(forecast).toHaveProperty(field);
    }
    expect(doc.components.schemas).toHaveProperty('PathPoint');
    expect(doc.components.schemas).toHaveProperty('IntervalSummary');
  });
});
