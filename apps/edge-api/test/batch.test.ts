/**
 * POST /v1/forecast/batch for real use: items are windows or histories with the client's ids,
 * each gets its forecast or its own problem, one bad item does not fail the others, and horizon
 * and levels apply to every item. Expected numbers come from single POSTs of the same inputs
 * (tested against the trainer's records elsewhere) and from the bundled series' dates.
 */
import { describe, expect, it } from 'vitest';
import { api, expectProblem, jsonPost, latestWindow, manifest, series } from './support.js';

interface PathPoint {
  horizon: number;
  target: string | null;
  forecast: number;
  quantiles: Record<string, number>;
}
interface Forecast {
  id?: string;
  asOf: string | null;
  target: string | null;
  forecast: number;
  intervals: Record<string, [number, number]>;
  path: PathPoint[];
}
interface Failure {
  id?: string;
  error: {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { pointer: string }[];
  };
}
interface Batch {
  model: string;
  role: string;
  count: number;
  failed: number;
  horizon: number;
  levels: number[];
  calibration: string;
  results: (Forecast | Failure)[];
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await api(path, jsonPost(body));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** The last `months` months of the bundled series ending at `end` (inclusive), as a history. */
function historyTo(end: string, months: number) {
  const last = series.dates.indexOf(end);
  if (last < months - 1) throw new Error(`no ${months} months to ${end}`);
  return series.dates
    .slice(last - months + 1, last + 1)
    .map((date, i) => ({ date, close: series.values[last - months + 1 + i] as number }));
}

const isFailure = (r: Forecast | Failure): r is Failure => 'error' in r;
const problemType = (slug: string) => `tag:gatecast,2026:problem:${slug}`;

describe('a mixed batch', () => {
  const history2008 = historyTo('2008-09-01', 24);
  const history2020 = historyTo('2020-03-01', 72); // ≥ 60 months: still the registry's calibration
  const items = [
    { id: 'latest', window: latestWindow },
    { id: 'eleven', window: latestWindow.slice(1) },
    { id: 'lehman', history: history2008 },
    { history: history2020 },
    42,
    { id: 'both', window: latestWindow, history: history2008 },
    { id: 'extra', window: latestWindow, note: 'hi' },
    { id: 'overflow', window: new Array(12).fill(1.79e308) },
    { id: 7, window: latestWindow },
    { id: 'gap', history: [...history2008.slice(0, 5), ...history2008.slice(6)] },
    { id: 'latest', window: latestWindow.map((v) => v * 1.01) },
  ];
  const request = { horizon: 6, levels: [50, 90], items };

  it('answers 200 with one result per item, in order, ids echoed', async () => {
    const body = await post<Batch>('/v1/forecast/batch', request);
    expect(body).toMatchObject({
      model: manifest.defaultModel,
      role: 'forecaster',
      count: items.length,
      failed: 7,
      horizon: 6,
      levels: [50, 90],
      calibration: 'registry',
    });
    expect(body.results).toHaveLength(items.length);
    expect(body.results.map((r) => r.id)).toEqual([
      'latest',
      'eleven',
      'lehman',
      undefined,
      undefined,
      'both',
      'extra',
      'overflow',
      undefined, // an id that is not a string is not echoed
      'gap',
      'latest', // ids are the client's: repeats are echoed as sent
    ]);
    expect(body.results.map((r) => (isFailure(r) ? r.error.type : 'forecast'))).toEqual([
      'forecast',
      problemType('invalid-item'),
      'forecast',
      'forecast',
      problemType('invalid-item'),
      problemType('invalid-item'),
      problemType('invalid-item'),
      problemType('forecast-not-finite'),
      problemType('invalid-item'),
      problemType('invalid-item'),
      'forecast',
    ]);
  });

  it('gives each bad item an RFC 9457 problem pointing into the request', async () => {
    const body = await post<Batch>('/v1/forecast/batch', request);
    const failure = (i: number) => body.results[i] as Failure;
    for (const i of [1, 4, 5, 6, 7, 8, 9]) {
      expect(failure(i).error).toMatchObject({ status: 422, title: expect.any(String) });
      expect(failure(i).error.detail).toMatch(new RegExp(`^(item ${i}: |no finite)`));
    }
    expect(failure(1).error.errors?.map((e) => e.pointer)).toEqual(['/items/1/window']);
    expect(failure(1).error.detail).toMatch(/exactly 12 monthly closes, got 11/);
    expect(failure(4).error.detail).toMatch(/must be an object, not a number/);
    expect(failure(5).error.detail).toMatch(/either `window` or `history`, not both/);
    expect(failure(6).error.errors?.map((e) => e.pointer)).toEqual(['/items/6']);
    expect(failure(6).error.detail).toMatch(/unknown field: note/);
    expect(failure(7).error.detail).toMatch(/step 1: forecast Infinity is not usable/);
    expect(failure(8).error.errors?.map((e) => e.pointer)).toEqual(['/items/8/id']);
    expect(failure(9).error.errors?.map((e) => e.pointer)).toEqual(['/items/9/history/5/date']);
  });

  it('forecasts each good item as a single POST of it would, at the request’s horizon and levels', async () => {
    const body = await post<Batch>('/v1/forecast/batch', request);
    for (const [i, input] of [
      [0, { window: latestWindow }],
      [2, { history: history2008 }],
      [3, { window: history2020.slice(-12).map((p) => p.close) }],
    ] as const) {
      const single = await post<Forecast>('/v1/forecast', {
        horizon: 6,
        levels: [50, 90],
        ...input,
      });
      const item = body.results[i] as Forecast;
      expect(item.forecast).toBe(single.forecast);
      expect(item.intervals).toEqual(single.intervals);
      expect(item.path.map((p) => p.forecast)).toEqual(single.path.map((p) => p.forecast));
      expect(item.path.map((p) => p.quantiles)).toEqual(single.path.map((p) => p.quantiles));
      expect(item.path).toHaveLength(6);
      expect(Object.keys(item.intervals)).toEqual(['50', '90']);
      expect(Object.keys(item.path[0]?.quantiles ?? {})).toEqual(['0.05', '0.25', '0.75', '0.95']);
    }
  });

  it('dates each history by its own last month; a bare window has no dates', async () => {
    const body = await post<Batch>('/v1/forecast/batch', request);
    const latest = body.results[0] as Forecast;
    expect([latest.asOf, latest.target]).toEqual([null, null]);
    expect(latest.path.every((p) => p.target === null)).toBe(true);
    const lehman = body.results[2] as Forecast;
    expect([lehman.asOf, lehman.target]).toEqual(['2008-09-01', '2008-10-01']);
    expect(lehman.path.map((p) => p.target)).toEqual([
      '2008-10-01',
      '2008-11-01',
      '2008-12-01',
      '2009-01-01',
      '2009-02-01',
      '2009-03-01',
    ]);
    const covid = body.results[3] as Forecast;
    expect([covid.asOf, covid.target]).toEqual(['2020-03-01', '2020-04-01']);
    expect(covid.path.at(-1)?.target).toBe('2020-09-01');
  });
});

describe('a batch whose items all fail', () => {
  it('is still 200, each item with its problem', async () => {
    const body = await post<Batch>('/v1/forecast/batch', {
      items: [{ id: 'a' }, { id: 'b', window: [0, ...latestWindow.slice(1)] }],
    });
    expect(body).toMatchObject({ count: 2, failed: 2 });
    expect(body.results).toMatchObject([
      { id: 'a', error: { status: 422, detail: expect.stringMatching(/send one of `window`/) } },
      {
        id: 'b',
        error: { errors: [{ pointer: '/items/1/window/0' }] },
      },
    ]);
  });
});

describe('a bad envelope', () => {
  it.each([
    [{}, /items: is required|\/items/],
    [{ items: 'x' }, /must be an array of items/],
    [{ items: [] }, /at least one item/],
    [{ items: Array.from({ length: 257 }, () => ({ window: latestWindow })) }, /at most 256/],
    [{ items: [{ window: latestWindow }], horizon: 13 }, /at most 12/],
    [{ items: [{ window: latestWindow }], levels: [80, 80] }, /given twice/],
    [{ items: [{ window: latestWindow }], extra: 1 }, /unknown field: extra/],
  ])('is 422 for the whole request: %j', async (body, detail) => {
    await expectProblem(await api('/v1/forecast/batch', jsonPost(body)), 422, detail);
  });

  it('is 404 for an unknown model, whatever the items', async () => {
    await expectProblem(
      await api(
        '/v1/forecast/batch',
        jsonPost({ model: 'nope', items: [{ window: latestWindow }] }),
      ),
      404,
      /no model 'nope'/,
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes the items the route takes, and results that are forecasts or problems', async () => {
    const doc = (await (await api('/openapi.json')).json()) as {
      paths: Record<
        string,
        { post?: { requestBody: { content: Record<string, { schema: unknown }> } } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const post = doc.paths['/v1/forecast/batch']?.post;
    expect(post?.requestBody.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/BatchRequest',
    });
    const request = doc.components.schemas.BatchRequest;
    expect(request?.properties?.items).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 256,
      items: { $ref: '#/components/schemas/BatchItem' },
    });
    expect(Object.keys(doc.components.schemas.BatchItem?.properties ?? {})).toEqual([
      'id',
      'window',
      'history',
    ]);
    const results = doc.components.schemas.BatchResponse?.properties?.results as {
      items: { anyOf: unknown[] };
    };
    expect(results.items.anyOf).toEqual([
      { $ref: '#/components/schemas/BatchForecast' },
      { $ref: '#/components/schemas/BatchFailure' },
    ]);
  });
});

describe('an item whose forecast months would pass 9999-12', () => {
  it('gets its own invalid-item problem; the other items are served', async () => {
    const late = latestWindow.map((close, i) => ({
      date: `9999-${String(i + 1).padStart(2, '0')}-01`,
      close,
    }));
    const body = await post<Batch>('/v1/forecast/batch', {
      horizon: 3,
      items: [
        { id: 'late', history: late },
        { id: 'ok', window: latestWindow },
      ],
    });
    expect(body.failed).toBe(1);
    const [lateResult, okResult] = body.results;
    expect(isFailure(lateResult as Forecast | Failure)).toBe(true);
    expect((lateResult as Failure).error).toMatchObject({
      type: problemType('invalid-item'),
      status: 422,
    });
    expect((lateResult as Failure).error.detail).toMatch(/9999-12/);
    expect(isFailure(okResult as Forecast | Failure)).toBe(false);
  });
});
