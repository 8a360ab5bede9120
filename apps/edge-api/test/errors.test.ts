import { describe, expect, it } from 'vitest';
import { api, expectProblem, jsonPost, latestWindow, manifest, series } from './support.js';

const history = series.dates
  .map((date, i) => ({ date, close: series.values[i] as number }))
  .slice(-24);

/** POST /v1/forecast with `body` (an object, or a raw string for malformed JSON). */
function postForecast(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return api('/v1/forecast', jsonPost(body, headers));
}

describe('malformed bodies (400)', () => {
  it('rejects truncated JSON', async () => {
    await expectProblem(await postForecast('{"window": [1, 2,'), 400, /not valid JSON/);
  });

  it('rejects a bare NaN token', async () => {
    const body = `{"window": [${latestWindow.slice(0, 11).join(',')}, NaN]}`;
    await expectProblem(await postForecast(body), 400, /NaN and Infinity are not JSON numbers/);
  });

  it('rejects a bare Infinity token', async () => {
    const body = `{"window": [-Infinity, ${latestWindow.slice(1).join(',')}]}`;
    await expectProblem(await postForecast(body), 400, /NaN and Infinity are not JSON numbers/);
  });

  it('rejects an empty body', async () => {
    await expectProblem(await postForecast(''), 400, /empty/);
  });
});

describe('content type (415) and size (413)', () => {
  it('rejects text/plain', async () => {
    const response = await postForecast({ window: latestWindow }, { 'Content-Type': 'text/plain' });
    await expectProblem(response, 415, /application\/json, not text\/plain/);
  });

  it.each(['application/json ; charset=utf-8', 'application/json;charset=UTF-8'])(
    'accepts %s on both POST routes, with the same answers as application/json',
    async (contentType) => {
      for (const [path, body] of [
        ['/v1/forecast', { window: latestWindow }],
        ['/v1/forecast/batch', { items: [{ window: latestWindow }, { window: latestWindow }] }],
      ] as const) {
        const plain = await api(path, jsonPost(body));
        const spelled = await api(path, jsonPost(body, { 'Content-Type': contentType }));
        expect(spelled.status, await spelled.clone().text()).toBe(200);
        expect(await spelled.json()).toEqual(await plain.json());
      }
    },
  );

  it('answers the project’s problems, not Hono’s, to application/json ; charset=utf-8', async () => {
    const headers = { 'Content-Type': 'application/json ; charset=utf-8' };
    await expectProblem(await postForecast('{"window": [1, 2,', headers), 400, /not valid JSON/);
    const padded = `{"window": ${JSON.stringify(latestWindow)}${' '.repeat(64 * 1024)}}`;
    await expectProblem(await postForecast(padded, headers), 413, /65536/);
    await expectProblem(await postForecast({ window: [1] }, headers), 422, /window/);
  });

  it('rejects a JSON-suffixed media type other than application/json', async () => {
    const response = await postForecast(
      { window: latestWindow },
      { 'Content-Type': 'application/vnd.api+json' },
    );
    await expectProblem(response, 415, /application\/json, not application\/vnd\.api\+json/);
  });

  it('rejects a body without Content-Type', async () => {
    const response = await api('/v1/forecast', {
      method: 'POST',
      body: new TextEncoder().encode('{}'),
    });
    await expectProblem(response, 415, /Content-Type header is missing/);
  });

  it('rejects a body over 64 KiB before parsing it', async () => {
    // Valid JSON padded past the limit: only its size is wrong.
    const body = `{"window": ${JSON.stringify(latestWindow)}${' '.repeat(64 * 1024)}}`;
    await expectProblem(await postForecast(body), 413, /65536/);
  });

  it('rejects a streamed body over 64 KiB without Content-Length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await api('/v1/forecast', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
    });
    await expectProblem(response, 413, /exceeds the limit of 65536 bytes/);
  });
});

describe('schema violations (422)', () => {
  it('rejects a body with neither window nor history', async () => {
    const problem = await expectProblem(await postForecast({}), 422, /one of `window`/);
    expect(problem.errors?.[0]?.pointer).toBe('');
  });

  it('rejects a body with both window and history', async () => {
    await expectProblem(await postForecast({ window: latestWindow, history }), 422, /not both/);
  });

  it('rejects unknown fields', async () => {
    const problem = await expectProblem(
      await postForecast({ window: latestWindow, horizons: 3 }),
      422,
      /unknown field: horizons/,
    );
    expect(problem.title).toBe('Invalid request body');
  });

  it('rejects a window of the wrong length', async () => {
    const problem = await expectProblem(
      await postForecast({ window: latestWindow.slice(1) }),
      422,
      /exactly 12 monthly closes, got 11/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/window');
  });

  it('rejects a number that overflows to Infinity (1e999)', async () => {
    const body = `{"window": [${latestWindow.slice(0, 4).join(',')}, 1e999, ${latestWindow.slice(5).join(',')}]}`;
    const problem = await expectProblem(
      await postForecast(body),
      422,
      /must be a finite number, not Infinity/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/window/4');
  });

  it('rejects strings', async () => {
    const window: unknown[] = [...latestWindow];
    window[2] = '6032.38';
    const problem = await expectProblem(
      await postForecast({ window }),
      422,
      /must be a number, not a string/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/window/2');
  });

  it('rejects null', async () => {
    const window: unknown[] = [...latestWindow];
    window[0] = null;
    await expectProblem(await postForecast({ window }), 422, /must be a number, not null/);
  });

  it('rejects zero and negative closes, naming each', async () => {
    const window = [...latestWindow];
    window[3] = 0;
    window[7] = -5;
    const problem = await expectProblem(
      await postForecast({ window }),
      422,
      /positive index level.*\(and 1 more\)/,
    );
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/window/3', '/window/7']);
  });

  it('rejects a history with a missing month', async () => {
    const gappy = [...history.slice(0, 5), ...history.slice(6)];
    const problem = await expectProblem(
      await postForecast({ history: gappy }),
      422,
      /must be the month after/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/history/5/date');
  });

  it('rejects a history date that is not the first of a month', async () => {
    const wrong = history.map((p, i) => (i === 3 ? { ...p, date: '2024-08-15' } : p));
    await expectProblem(await postForecast({ history: wrong }), 422, /first of a month/);
  });

  it('rejects a history shorter than 12 months', async () => {
    await expectProblem(
      await postForecast({ history: history.slice(-11) }),
      422,
      /at least 12 consecutive months, got 11/,
    );
  });

  it('rejects a non-object body', async () => {
    await expectProblem(await postForecast([1, 2, 3]), 422, /must be an object, not an array/);
  });

  it('rejects too many items in a batch', async () => {
    const items = Array.from({ length: 257 }, () => ({ window: latestWindow }));
    const response = await api('/v1/forecast/batch', jsonPost({ items }));
    await expectProblem(response, 422, /at most 256 items per request, got 257/);
  });

  it('rejects an empty batch, and points a client of `windows` at `items`', async () => {
    await expectProblem(
      await api('/v1/forecast/batch', jsonPost({ items: [] })),
      422,
      /at least one item/,
    );
    const problem = await expectProblem(
      await api('/v1/forecast/batch', jsonPost({ windows: [latestWindow] })),
      422,
      /items: is required/,
    );
    expect(problem.errors?.map((e) => e.detail)).toContain(
      'unknown field: windows (send `items: [{ id?, window }]`)',
    );
  });
});

describe('unknown models (404) and parameters (422)', () => {
  it('answers 404 for an unknown model in a body', async () => {
    const response = await postForecast({ model: 'transformer-9000', window: latestWindow });
    await expectProblem(
      response,
      404,
      /no model 'transformer-9000'; served models: .*lstm-32@relative/,
    );
  });

  it('answers 404 for an unknown model in the query and the path', async () => {
    await expectProblem(await api('/v1/forecast?model=nope'), 404, /no model 'nope'/);
    await expectProblem(await api('/v1/models/nope'), 404, /no model 'nope'/);
  });

  it('answers 422 for an unknown query parameter', async () => {
    const problem = await expectProblem(
      await api('/v1/forecast?modle=gru-32@relative'),
      422,
      /unknown field: modle/,
    );
    expect(problem.title).toBe('Invalid parameters');
  });

  it('answers 422 for a repeated model parameter', async () => {
    await expectProblem(await api('/v1/forecast?model=a&model=b'), 422, /must be a string/);
  });
});

describe('methods (405) and paths (404)', () => {
  it('answers 405 with Allow for a wrong method', async () => {
    const post = await api('/v1/models', jsonPost({}));
    await expectProblem(post, 405, /POST is not allowed on \/v1\/models/);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');

    const del = await api('/v1/forecast', { method: 'DELETE' });
    await expectProblem(del, 405, /DELETE is not allowed/);
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');

    const get = await api('/v1/forecast/batch');
    await expectProblem(get, 405, /GET is not allowed/);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');

    const put = await api('/v1/models/gru-32@relative', { method: 'PUT' });
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectProblem(put, 405, /PUT/);
  });

  it('answers 404 problem details for unknown API paths', async () => {
    await expectProblem(await api('/v1/forecasts'), 404, /nothing at \/v1\/forecasts/);
    await expectProblem(await api('/v1'), 404, /nothing at \/v1/);
    await expectProblem(await api('/v2/forecast'), 404, /openapi\.json/);
  });
});

describe('keys that reach a prototype (422)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses %s in a body as an unknown field, pointing at its object',
    async (key) => {
      const body = `{"window":${JSON.stringify(latestWindow)},"${key}":{"horizon":12}}`;
      const problem = await expectProblem(
        await postForecast(body),
        422,
        new RegExp(`unknown field: ${key}`),
      );
      expect(problem.errors).toEqual([{ pointer: '', detail: `unknown field: ${key}` }]);
      const nested = `{"history":[{"date":"2026-05-01","close":1,"${key}":1}]}`;
      const inner = await expectProblem(await postForecast(nested), 422, /unknown field/);
      expect(inner.errors?.[0]?.pointer).toBe('/history/0');
    },
  );

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses %s in a query string as an unknown parameter',
    async (key) => {
      for (const path of ['/v1/forecast', '/v1/compare', '/v1/models']) {
        const problem = await expectProblem(
          await api(`${path}?${key}=1`),
          422,
          new RegExp(`unknown field: ${key}`),
        );
        expect(problem.title).toBe('Invalid parameters');
      }
    },
  );
});

describe('months the API names have four-digit years (422 otherwise)', () => {
  /** `count` consecutive months ending `last` (`YYYY-MM`), each with a close of the latest window. */
  function historyEnding(last: string, count = 24) {
    const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
    return Array.from({ length: count }, (_, i) => {
      const index = end - count + 1 + i;
      const year = String(Math.floor(index / 12)).padStart(4, '0');
      const date = `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`;
      return { date, close: latestWindow[i % 12] as number };
    });
  }

  it('dates a history ending in year 0000 with four-digit targets', async () => {
    const response = await postForecast({ history: historyEnding('0000-12', 12), horizon: 2 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      asOf: string;
      target: string;
      path: { target: string }[];
    };
    expect([body.asOf, body.target]).toEqual(['0000-12-01', '0001-01-01']);
    expect(body.path.map((p) => p.target)).toEqual(['0001-01-01', '0001-02-01']);
  });

  it('refuses a history whose forecast months would pass 9999-12', async () => {
    await expectProblem(
      await postForecast({ history: historyEnding('9999-12') }),
      422,
      /no four-digit year.*9999-12/,
    );
    await expectProblem(
      await postForecast({ history: historyEnding('9999-06'), horizon: 12 }),
      422,
      /month 7 of the forecast/,
    );
    const last = await postForecast({ history: historyEnding('9999-06'), horizon: 6 });
    expect(last.status).toBe(200);
    const body = (await last.json()) as { path: { target: string }[] };
    expect(body.path.at(-1)?.target).toBe('9999-12-01');
  });
});

describe('numbers near the float limit (finite, or 422)', () => {
  it.each(manifest.models.map((m) => m.id))(
    'answers twelve closes of 1.7e308 for %s with finite numbers only, or 422',
    async (model) => {
      const window = Array.from({ length: 12 }, () => 1.7e308);
      for (const body of [
        { model, window, horizon: 12, levels: [50, 80, 95, 99] },
        { model, history: historyOf(1.7e308), horizon: 12, levels: [50, 99] },
      ]) {
        const response = await postForecast(body);
        const text = await response.text();
        if (response.status === 200) {
          // JSON writes a non-finite number as null: only the months of a bare window may be.
          expect(nullsBesideMonths(JSON.parse(text))).toEqual([]);
          const json = JSON.parse(text) as { forecast: number; path: { quantiles: object }[] };
          expect(Number.isFinite(json.forecast)).toBe(true);
          for (const point of json.path) {
            for (const v of Object.values(point.quantiles)) expect(Number.isFinite(v)).toBe(true);
          }
        } else {
          expect(response.status, text).toBe(422);
          expect(JSON.parse(text).type).toBe('tag:gatecast,2026:problem:forecast-not-finite');
        }
      }
    },
  );
});

/** Pointers of the null values in `value` other than `asOf` and `target`. */
function nullsBesideMonths(value: unknown, pointer = ''): string[] {
  if (value === null) return [pointer];
  if (typeof value !== 'object') return [];
  return Object.entries(value as object).flatMap(([key, child]) =>
    child === null && (key === 'asOf' || key === 'target')
      ? []
      : nullsBesideMonths(child, `${pointer}/${key}`),
  );
}

/** 72 consecutive months to 2026-05 whose closes are all `close`, within a factor of 3. */
function historyOf(close: number) {
  return series.dates.slice(-72).map((date, i) => ({ date, close: close / (1 + (i % 3)) }));
}

describe('If-None-Match never skips validation', () => {
  it.each(['*', '"anything"'])(
    'answers the 4xx a request would get, with If-None-Match %s',
    async (tag) => {
      const headers = { 'If-None-Match': tag };
      await expectProblem(
        await api('/v1/forecast?model=nope', { headers }),
        404,
        /no model 'nope'/,
      );
      await expectProblem(await api('/v1/forecast?horizon=13', { headers }), 422, /horizon/);
      await expectProblem(await api('/v1/models/nope', { headers }), 404, /no model/);
      await expectProblem(await api('/v1/compare?level=101', { headers }), 422, /level/);
    },
  );

  it('answers 304 to the ETag of a 200, with the validators', async () => {
    const first = await api('/v1/forecast?horizon=3');
    const etag = first.headers.get('etag') as string;
    const again = await api('/v1/forecast?horizon=3', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
  });
});
