import { describe, expect, it } from 'vitest';
import {
  api,
  expectRelativelyClose,
  jsonPost,
  latestWindow,
  manifest,
  results,
  series,
  windowBefore,
} from './support.js';

interface ForecastBody {
  model: string;
  asOf: string | null;
  target: string | null;
  forecast: number;
  intervals: Record<'80' | '95', [number, number]>;
  unit: string;
  engine: string;
}

const defaultEntry = manifest.models.find((m) => m.id === manifest.defaultModel);

describe('GET /v1/models', () => {
  it('lists every manifest model with its recorded figures (?role=all)', async () => {
    const response = await api('/v1/models?role=all');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      defaultModel: string;
      models: Record<string, unknown>[];
      refused: unknown[];
    };
    expect(body.defaultModel).toBe(manifest.defaultModel);
    expect(body.refused).toEqual([]);
    expect(body.models.map((m) => m.id)).toEqual(manifest.models.map((m) => m.id));
    const lstm = body.models.find((m) => m.id === 'lstm-32@relative');
    const entry = manifest.models.find((m) => m.id === 'lstm-32@relative');
    expect(lstm).toMatchObject({
      cell: 'lstm',
      units: 32,
      protocol: 'relative',
      parameterCount: 4897,
      trainedAt: manifest.createdAt,
      servedSeed: entry?.servedSeed,
      test: { rmse: entry?.summary.rmse, mae: entry?.summary.mae },
      dmVsNaive: { pValue: entry?.dmVsNaive.pValue },
      intervalMethod: entry?.calibration.method,
      intervalSummary: { test: entry?.intervalSummary.test },
    });
  });
});

describe('GET /v1/models/{id}', () => {
  it('describes one model', async () => {
    const response = await api(`/v1/models/${encodeURIComponent('gru-8@reference')}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'gru-8@reference',
      cell: 'gru',
      units: 8,
      protocol: 'reference',
    });
    // GRU(8) on 1 feature: 3·8·(1+8+1) = 240, Dense(16): 16·9 = 144, Dense(1): 17.
    expect(body.parameterCount).toBe(240 + 144 + 17);
  });
});

describe('GET /v1/forecast', () => {
  it('serves the default model’s recorded next-month forecast', async () => {
    const response = await api('/v1/forecast');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ForecastBody;
    expect(body.model).toBe(manifest.defaultModel);
    expect(body).toMatchObject({
      asOf: '2026-05-01',
      target: '2026-06-01',
      unit: 'points',
      engine: 'wasm',
    });
    expectRelativelyClose(body.forecast, defaultEntry?.forecast.value as number);
    for (const level of ['80', '95'] as const) {
      const [lo, hi] = body.intervals[level] as [number, number];
      const [recordedLo, recordedHi] = (defaultEntry?.forecast.intervals[level] ?? []) as [
        number,
        number,
      ];
      expectRelativelyClose(lo, recordedLo);
      expectRelativelyClose(hi, recordedHi);
      expect(lo).toBeLessThan(body.forecast);
      expect(hi).toBeGreaterThan(body.forecast);
    }
  });

  it('serves every model’s recorded forecast by id', async () => {
    for (const entry of manifest.models) {
      const response = await api(`/v1/forecast?model=${encodeURIComponent(entry.id)}`);
      const body = (await response.json()) as ForecastBody;
      expect(body.model).toBe(entry.id);
      expectRelativelyClose(body.forecast, entry.forecast.value);
    }
  });
});

describe('POST /v1/forecast', () => {
  it('forecasts a bare window like the canonical forecast, without dates', async () => {
    const response = await api(
      '/v1/forecast',
      jsonPost({ model: 'lstm-32@relative', window: latestWindow }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as ForecastBody;
    const entry = manifest.models.find((m) => m.id === 'lstm-32@relative');
    expect(body).toMatchObject({
      model: 'lstm-32@relative',
      asOf: null,
      target: null,
      unit: 'points',
    });
    expectRelativelyClose(body.forecast, entry?.forecast.value as number);
  });

  it('forecasts from a history, naming the months, using its last 12', async () => {
    const history = series.dates.map((date, i) => ({ date, close: series.values[i] as number }));
    const response = await api('/v1/forecast', jsonPost({ history: history.slice(-60) }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as ForecastBody;
    expect(body).toMatchObject({
      model: manifest.defaultModel,
      asOf: '2026-05-01',
      target: '2026-06-01',
    });
    expectRelativelyClose(body.forecast, defaultEntry?.forecast.value as number);
  });

  it('reproduces the trainer’s test prediction for a past window', async () => {
    const index = 100;
    const target = results.test.dates[index] as string;
    const recorded = results.models.find((m) => m.id === 'gru-32@relative');
    const response = await api(
      '/v1/forecast',
      jsonPost({ model: 'gru-32@relative', window: windowBefore(target) }),
    );
    const body = (await response.json()) as ForecastBody;
    expectRelativelyClose(body.forecast, recorded?.predictions[index] as number);
  });

  // The trainer's test bands are the served method's at each origin, calibrated on the series up
  // to that origin; the series up to there, posted as a history, calibrates itself the same way.
  // A static set (the validation tail, 108 months) is exactly the last 108 months' at the first
  // test origin (index 0); a rolling window of W months is the same as the trainer's once it
  // lies inside the months the trainer forecast from (its origins start at the validation tail:
  // index 100 for W ≤ 208).
  it.each([
    [0, 'static'],
    [100, 'rolling'],
  ])(
    'reproduces the recorded test bands at test origin %i from the history up to it (%s sets)',
    async (index, kind) => {
      const end = series.dates.indexOf(results.test.dates[index] as string);
      const history = series.dates
        .slice(0, end)
        .map((date, i) => ({ date, close: series.values[i] as number }));
      const models = results.models.filter((recorded) => {
        const window = manifest.models.find((m) => m.id === recorded.id)?.calibration.window;
        return kind === 'static' ? window === undefined : window !== undefined;
      });
      for (const recorded of models) {
        const body = (await (
          await api('/v1/forecast', jsonPost({ model: recorded.id, history }))
        ).json()) as ForecastBody & { calibration: string };
        expect(body.calibration).toBe('history');
        expectRelativelyClose(body.forecast, recorded.predictions[index] as number);
        for (const level of ['80', '95'] as const) {
          const [lo, hi] = recorded.intervals[level][index] as [number, number];
          expectRelativelyClose(body.intervals[level]?.[0], lo, 1e-3);
          expectRelativelyClose(body.intervals[level]?.[1], hi, 1e-3);
        }
      }
    },
  );
});

describe('POST /v1/forecast/batch', () => {
  it('forecasts every test window in one request, matching the trainer', async () => {
    const id = 'lstm-32-16@relative';
    const items = results.test.dates.map((date) => ({ window: windowBefore(date) }));
    const response = await api('/v1/forecast/batch', jsonPost({ model: id, items }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      model: string;
      count: number;
      results: { forecast: number }[];
    };
    expect(body.count).toBe(184);
    const recorded = results.models.find((m) => m.id === id)?.predictions as number[];
    body.results.forEach((f, i) => {
      expectRelativelyClose(f.forecast, recorded[i] as number);
    });
  });
});

describe('GET /v1/compare', () => {
  it('puts every model beside the four baselines (?role=all)', async () => {
    const response = await api('/v1/compare?role=all');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      asOf: string;
      target: string;
      forecasts: { id: string; kind: string; forecast: number; testRmse: number }[];
    };
    expect(body.asOf).toBe('2026-05-01');
    expect(body.forecasts.map((f) => f.id)).toEqual([
      ...manifest.models.map((m) => m.id),
      'naive',
      'drift',
      'ar1',
      'naiveEwma',
    ]);
    const naive = body.forecasts.find((f) => f.id === 'naive');
    expect(naive).toMatchObject({ kind: 'baseline', forecast: manifest.baselines.naive.forecast });
    // Naive forecasts the last close.
    expect(naive?.forecast).toBe(latestWindow[11]);
    expect(body.forecasts.find((f) => f.id === 'drift')?.testRmse).toBe(
      manifest.baselines.drift.test.rmse,
    );
    for (const entry of manifest.models) {
      expectRelativelyClose(
        body.forecasts.find((f) => f.id === entry.id)?.forecast,
        entry.forecast.value,
      );
    }
  });
});

describe('GET /openapi.json', () => {
  it('documents every route with its schemas and problem responses', async () => {
    const response = await api('/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/health',
        '/v1/backtest',
        '/v1/backtest/{id}',
        '/v1/compare',
        '/v1/forecast',
        '/v1/forecast/batch',
        '/v1/models',
        '/v1/models/{id}',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/v1/forecast'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/v1/forecast']?.post?.responses['422']?.content).toHaveProperty([
      'application/problem+json',
    ]);
    expect(doc.components.schemas).toHaveProperty('ForecastRequest');
    expect(doc.components.schemas).toHaveProperty('Problem');
  });
});

describe('GET /health', () => {
  it('reports the wasm engine with SIMD, every model loaded, and the registry version', async () => {
    const response = await api('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'ok',
      engine: { name: 'wasm', preferred: 'wasm', simd: true, fallbackReason: null },
      models: { loaded: manifest.models.map((m) => m.id), refused: [] },
      registry: {
        formatVersion: manifest.formatVersion,
        createdAt: manifest.createdAt,
        dataSha256: manifest.data.sha256,
      },
    });
  });
});

describe('HTTP caching and CORS', () => {
  it('sets an ETag and Cache-Control on GETs and answers 304 to If-None-Match', async () => {
    const first = await api('/v1/forecast');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await api('/v1/models', { headers: { 'If-None-Match': etag as string } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const stale = await api('/v1/models', { headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await api('/v1/compare', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(await response.text()).toBe('');
  });

  it('allows cross-origin GET and POST, with a preflight', async () => {
    const get = await api('/v1/models', { headers: { Origin: 'https://example.org' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/i);
    const preflight = await api('/v1/forecast', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://example.org',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(
      /content-type/,
    );
  });
});
