import { describe, expect, it } from 'vitest';
import { ApiProblem } from './api.js';
import { getForecastPath, parseForecastPath } from './livePath.js';

/** A 3-month path at 50/80/95 in the shape the design note fixes for the API's `path`. */
function body(horizon = 3) {
  return {
    model: 'lstm-32@relative',
    asOf: '2026-05-01',
    target: '2026-06-01',
    forecast: 7550,
    intervals: { '80': [7200, 7900], '95': [7000, 8100] },
    intervalMethod: 'rolling',
    calibration: 'registry',
    engine: 'wasm',
    unit: 'points',
    path: Array.from({ length: horizon }, (_, i) => ({
      horizon: i + 1,
      target: `2026-0${6 + i}-01`,
      forecast: 7550 + 10 * i,
      quantiles: {
        '0.025': 7000 - 100 * i,
        '0.1': 7200 - 100 * i,
        '0.25': 7400 - 100 * i,
        '0.75': 7700 + 100 * i,
        '0.9': 7900 + 100 * i,
        '0.975': 8100 + 100 * i,
      },
    })),
  };
}

describe('parseForecastPath', () => {
  it('reads each month’s forecast and its bands, narrowest level first', () => {
    const live = parseForecastPath(body(), [95, 50, 80], 3);
    expect(live).toMatchObject({
      model: 'lstm-32@relative',
      asOf: '2026-05-01',
      intervalMethod: 'rolling',
      calibration: 'registry',
      engine: 'wasm',
    });
    expect(live.path.map((m) => m.target)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01']);
    expect(live.path[2]).toEqual({
      horizon: 3,
      target: '2026-08-01',
      value: 7570,
      bands: [
        { level: 50, lower: 7200, upper: 7900 },
        { level: 80, lower: 7000, upper: 8100 },
        { level: 95, lower: 6800, upper: 8300 },
      ],
    });
  });
  it('refuses a path of another length, out of order, or without a level', () => {
    expect(() => parseForecastPath(body(2), [80], 3)).toThrow(/2 months, not 3/);
    const swapped = body();
    swapped.path.reverse();
    expect(() => parseForecastPath(swapped, [80], 3)).toThrow(ApiProblem);
    expect(() => parseForecastPath(body(), [60], 3)).toThrow(/no 60% quantiles/);
    expect(() => parseForecastPath({ model: 'x', forecast: 1 }, [80], 1)).toThrow(/without/);
  });
});

describe('getForecastPath', () => {
  it('asks for the model, the horizon and each level', async () => {
    const urls: string[] = [];
    const fetchImpl = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(body()), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const live = await getForecastPath({
      model: 'lstm-32@relative',
      horizon: 3,
      levels: [50, 80, 95],
      fetchImpl,
    });
    expect(urls).toEqual([
      '/v1/forecast?model=lstm-32%40relative&horizon=3&level=50&level=80&level=95',
    ]);
    expect(live.path).toHaveLength(3);
  });
});
