/**
 * The typed client (`@gatecast/client`, generated at build from the document the worker serves)
 * against the worker as a person runs it: `npm start` on 127.0.0.1:8787, one server for the file.
 * GET and POST forecasts, the model list, problem details on a 4xx, and revalidation: a GET asked
 * again goes out with `If-None-Match` and the worker's 304 comes back as the kept answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatecastClient, type Schema } from '@gatecast/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { type Started, start, waitFor } from './processes.js';

const ORIGIN = 'http://127.0.0.1:8787';
const PROBLEM = 'tag:gatecast,2026:problem:';

/** The series' last 12 closes: the window the bundled series ends with. */
function lastWindow(): number[] {
  const lines = readFileSync(join(REPO_ROOT, 'data/sp500_monthly.csv'), 'utf8').trim().split('\n');
  return lines.slice(-12).map((line) => Number(line.split(',')[1]));
}

/** A fetch that records each exchange's If-None-Match and status. */
function recordingFetch() {
  const exchanges: { method: string; ifNoneMatch: string | null; status: number }[] = [];
  const fetchAndRecord = async (request: Request): Promise<Response> => {
    const response = await fetch(request);
    exchanges.push({
      method: request.method,
      ifNoneMatch: request.headers.get('If-None-Match'),
      status: response.status,
    });
    return response;
  };
  return { exchanges, fetch: fetchAndRecord };
}

describe('@gatecast/client against npm start', () => {
  let server: Started | undefined;

  beforeAll(async () => {
    await expect(fetch(`${ORIGIN}/health`), 'port 8787 is already in use').rejects.toThrow();
    server = start('npm', ['start'], REPO_ROOT);
    await waitFor(`${ORIGIN}/health`, server, 120);
  }, 130_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('lists the served models, the default among them', async () => {
    const gatecast = createGatecastClient({ baseUrl: ORIGIN });
    const { data, error, response } = await gatecast.GET('/v1/models');
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    const ids = (data?.models ?? []).map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toContain(data?.defaultModel);
  });

  it('forecasts 3 months at three levels with GET, and the same window with POST', async () => {
    const gatecast = createGatecastClient({ baseUrl: ORIGIN });
    const got = await gatecast.GET('/v1/forecast', {
      params: { query: { horizon: 3, level: [95, 50, 80] } },
    });
    expect(got.error).toBeUndefined();
    const forecast = got.data as NonNullable<typeof got.data>;
    expect(forecast.horizon).toBe(3);
    expect(forecast.levels).toEqual([50, 80, 95]);
    expect(forecast.asOf).toBe('2026-05-01');
    expect(forecast.path.map((p) => p.target)).toEqual(['2026-06-01', '2026-07-01', '2026-08-01']);
    for (const month of forecast.path) {
      const quantiles = Object.entries(month.quantiles).sort(([a], [b]) => Number(a) - Number(b));
      expect(quantiles.map(([p]) => p)).toEqual(['0.025', '0.1', '0.25', '0.75', '0.9', '0.975']);
      const bounds = quantiles.map(([, v]) => v);
      expect(bounds).toEqual([...bounds].sort((a, b) => a - b));
      expect(Number.isFinite(month.forecast)).toBe(true);
    }

    const model = forecast.model as Schema<'ModelId'>;
    const posted = await gatecast.POST('/v1/forecast', {
      body: { model, window: lastWindow(), horizon: 2, levels: [80] },
    });
    expect(posted.error).toBeUndefined();
    expect(posted.data?.asOf).toBeNull();
    expect(posted.data?.path).toHaveLength(2);
    // The bundled series ends with that window: the same model forecasts the same months.
    expect(posted.data?.path.map((p) => p.forecast)).toEqual(
      forecast.path.slice(0, 2).map((p) => p.forecast),
    );
    expect(posted.data?.intervals['80']).toEqual(forecast.intervals['80']);
  });

  it('returns problem details as the error of a 4xx', async () => {
    const gatecast = createGatecastClient({ baseUrl: ORIGIN });
    const invalid = await gatecast.GET('/v1/forecast', { params: { query: { horizon: 13 } } });
    expect(invalid.data).toBeUndefined();
    expect(invalid.response.status).toBe(422);
    expect(invalid.response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(invalid.error).toMatchObject({
      type: `${PROBLEM}invalid-parameters`,
      status: 422,
      errors: [{ pointer: '/horizon' }],
    });

    const unknown = await gatecast.GET('/v1/models/{id}', {
      params: { path: { id: 'transformer-9000' as Schema<'ModelId'> } },
    });
    expect(unknown.response.status).toBe(404);
    expect(unknown.error?.type).toBe(`${PROBLEM}unknown-model`);
  });

  it('revalidates a GET asked again: the 304 comes back as the kept answer', async () => {
    const recorded = recordingFetch();
    const gatecast = createGatecastClient({ baseUrl: ORIGIN, fetch: recorded.fetch });
    const query = { horizon: 2, level: [80] };
    const first = await gatecast.GET('/v1/forecast', { params: { query } });
    const again = await gatecast.GET('/v1/forecast', { params: { query } });
    const etag = first.response.headers.get('ETag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(recorded.exchanges).toEqual([
      { method: 'GET', ifNoneMatch: null, status: 200 },
      { method: 'GET', ifNoneMatch: etag, status: 304 },
    ]);
    expect(again.response.status).toBe(200);
    expect(again.error).toBeUndefined();
    expect(again.data).toEqual(first.data);

    const current = (await gatecast.GET('/v1/models')).response.headers.get('ETag') ?? '';
    const own = await gatecast.GET('/v1/models', {
      params: { header: { 'If-None-Match': current } },
    });
    expect(own.response.status).toBe(304);
    expect(own.data).toBeUndefined();
    expect(own.error).toBeUndefined();
  });
});
