import { describe, expect, it } from 'vitest';
import { api, expectProblem, jsonPost, latestWindow, series } from './support.js';

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
        ['/v1/forecast/batch', { windows: [latestWindow, latestWindow] }],
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

  it('rejects too many windows in a batch', async () => {
    const windows = Array.from({ length: 257 }, () => latestWindow);
    const response = await api('/v1/forecast/batch', jsonPost({ windows }));
    await expectProblem(response, 422, /at most 256 windows per request, got 257/);
  });

  it('rejects a bad window inside a batch, pointing at it', async () => {
    const windows = [latestWindow, latestWindow, latestWindow, latestWindow.slice(2)];
    const problem = await expectProblem(
      await api('/v1/forecast/batch', jsonPost({ windows })),
      422,
      /exactly 12/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/windows/3');
  });

  it('rejects an empty batch', async () => {
    await expectProblem(
      await api('/v1/forecast/batch', jsonPost({ windows: [] })),
      422,
      /at least one window/,
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
