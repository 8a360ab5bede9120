/**
 * Property-based fuzzing of the API inside workerd: generated bodies, content types, methods and
 * query strings, with horizons and levels valid and not, and hostile values (numbers near the
 * float limits, years 0000 and 9999, `__proto__` keys). Whatever arrives, the worker never
 * answers 5xx, every 4xx is problem+json, every 200 carries finite forecasts, a path of the
 * horizon asked for and quantiles ordered by probability, and every answer is valid against the
 * served OpenAPI document (ajv 8, JSON Schema 2020-12: test/documentContract.ts).
 */

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentContract } from './documentContract.js';
import { directApi, latestWindow, manifest } from './support.js';

const api = directApi();
let contract: DocumentContract;
beforeAll(async () => {
  contract = new DocumentContract((await (await api('/openapi.json')).json()) as never);
});

/** What the fuzz saw, reported at the end (the README quotes it). */
const tally = { requests: 0, serverErrors: 0, outsideDocument: 0 };
afterAll(() => {
  console.log(
    `fuzz: ${tally.requests} generated/hostile requests; ${tally.serverErrors} 5xx; ` +
      `${tally.outsideDocument} answers outside the served document`,
  );
});

const ids = manifest.models.map((m) => m.id);

/** Numbers the way clients get them wrong: huge, tiny, zero, negative, fractional. */
const close = fc.oneof(
  fc.double({ min: 1, max: 20_000, noNaN: true }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e-300, 1e308, 1.7e308, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER),
  fc.integer(),
);
const window = fc.oneof(
  fc.array(close, { minLength: 12, maxLength: 12 }),
  fc.array(close, { maxLength: 20 }),
  fc.constant(latestWindow),
);
const month = fc
  .record({
    y: fc.integer({ min: 1890, max: 2100 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.constantFrom(1, 1, 15),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const history = fc.oneof(
  fc.array(fc.record({ date: month, close }), { maxLength: 16 }),
  // Consecutive months, long enough (≥ 60) to calibrate on its own errors.
  fc
    .record({
      // Mostly modern months; sometimes at the ends of four-digit years (0000, 9999).
      start: fc.oneof(
        { arbitrary: fc.integer({ min: 1900 * 12, max: 2090 * 12 }), weight: 4 },
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 9990 * 12, max: 9999 * 12 + 11 }),
      ),
      closes: fc.oneof(
        fc.array(close, { minLength: 55, maxLength: 90 }),
        fc.array(fc.double({ min: 1, max: 20_000, noNaN: true }), { minLength: 55, maxLength: 90 }),
        fc
          .array(fc.constantFrom(1e-300, 1e300, 5000), { minLength: 60, maxLength: 70 })
          .map((closes): number[] => closes),
      ),
    })
    .map(({ start, closes }) =>
      closes.map((c, i) => {
        const index = start + i;
        const year = String(Math.floor(index / 12)).padStart(4, '0');
        const date = `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`;
        return { date, close: c };
      }),
    ),
);
/** Horizons: mostly valid, sometimes out of range, fractional or not a number. */
const horizon = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: -3, max: 40 }),
  fc.double({ noNaN: true }),
  fc.constantFrom('6', null, [3]),
);
/** Levels: valid sets, duplicates, too many, out of range, wrong types. */
const levelValue = fc.oneof(
  fc.integer({ min: 50, max: 99 }),
  fc.integer({ min: 0, max: 120 }),
  fc.double({ min: 50, max: 99, noNaN: true }),
  fc.constantFrom('80', null),
);
const levels = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 50, max: 99 }), { minLength: 1, maxLength: 9 }),
  fc.array(levelValue, { maxLength: 12 }),
  fc.constantFrom(80, 'eighty', {}),
);
const model = fc.oneof(
  fc.constantFrom(...ids),
  fc.string({ maxLength: 12 }),
  fc.constant(undefined),
);

/** Bodies: well-formed requests, near misses, arbitrary JSON, and text that is not JSON at all. */
const body = fc.oneof(
  fc.record({ model, window, horizon, levels }, { requiredKeys: ['window'] }),
  fc.record({ model, history, horizon, levels }, { requiredKeys: ['history'] }),
  fc.record(
    {
      model,
      items: fc.array(
        fc.oneof(
          fc.record({ id: fc.string({ maxLength: 8 }), window }, { requiredKeys: ['window'] }),
          fc.record({ history }, { requiredKeys: ['history'] }),
          fc.jsonValue(),
        ),
        { maxLength: 300 },
      ),
      horizon,
      levels,
    },
    { requiredKeys: ['items'] },
  ),
  fc.record({ window, extra: fc.jsonValue() }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 64 }),
  fc.constantFrom('{"window":[NaN]}', '{"window":[Infinity]}', '{"window":[1e999]}', '{', ''),
  // Keys that reach a prototype: unknown fields, never known ones.
  fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue())
    .map(
      ([key, value]) =>
        `{"window":${JSON.stringify(latestWindow)},"${key}":${JSON.stringify(value) ?? 'null'}}`,
    ),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
);
const path = fc.constantFrom(
  '/v1/forecast',
  '/v1/forecast/batch',
  '/v1/compare',
  '/v1/models',
  '/v1/nope',
);
const method = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH');

/** The answer to a request, or a failure naming it when the worker takes over 5 s. */
async function within5s(path: string, init?: RequestInit): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `no answer in 5 s to ${init?.method ?? 'GET'} ${path} ${String(init?.body ?? '').slice(0, 300)}`,
          ),
        ),
      5_000,
    );
  });
  try {
    return await Promise.race([api(path, init), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function check(response: Response, method: string, url: string): Promise<void> {
  const text = await response.text();
  tally.requests++;
  if (response.status >= 500) tally.serverErrors++;
  expect(response.status, text).toBeLessThan(500);
  const outside = contract.responseProblems(
    method,
    url,
    response.status,
    response.headers.get('content-type'),
    text,
  );
  if (outside.length > 0) tally.outsideDocument++;
  expect(outside, `${method} ${url}`).toEqual([]);
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = JSON.parse(text) as { status: number; detail: string };
    expect(problem.status).toBe(response.status);
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|file:\/\//);
    return;
  }
  if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return;
  interface Answer {
    forecast: number;
    intervals?: Record<string, [number, number]>;
    path?: { horizon: number; forecast: number; quantiles: Record<string, number> }[];
  }
  type Failure = { error: { type: string; status: number; detail: string } };
  const json = JSON.parse(text) as Partial<Answer> & {
    horizon?: number;
    forecasts?: Answer[];
    results?: (Answer | Failure)[];
  };
  // A batch item that failed carries its own problem; the others are forecasts.
  const failures = (json.results ?? []).filter((r): r is Failure => 'error' in r);
  for (const { error } of failures) {
    expect(error.type).toMatch(/^tag:gatecast,2026:problem:(invalid-item|forecast-not-finite)$/);
    expect(error.status).toBe(422);
    expect(error.detail).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|file:\/\//);
  }
  const items = json.results?.filter((r): r is Answer => !('error' in r));
  // Only forecast answers carry `forecast`; /v1/models carries none.
  const forecasts =
    json.forecasts ?? items ?? (json.forecast === undefined ? [] : [json as Answer]);
  for (const f of forecasts) {
    expect(Number.isFinite(f.forecast)).toBe(true);
    for (const [lo, hi] of Object.values(f.intervals ?? {})) {
      expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
      expect(lo).toBeLessThanOrEqual(hi);
    }
    if (json.horizon !== undefined) expect(f.path).toHaveLength(json.horizon);
    for (const point of f.path ?? []) {
      const keys = Object.keys(point.quantiles);
      const values = keys.map((k) => point.quantiles[k] as number);
      expect(keys.map(Number)).toEqual([...keys.map(Number)].sort((a, b) => a - b));
      values.forEach((v, i) => {
        expect(Number.isFinite(v)).toBe(true);
        if (i > 0) expect(v).toBeGreaterThanOrEqual(values[i - 1] as number);
      });
    }
  }
}

describe('the API under generated requests', () => {
  it('answers 8,000 generated bodies without a 5xx, every error as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, contentType, body, async (m, p, type, b) => {
        const init: RequestInit =
          m === 'GET'
            ? { method: m }
            : {
                method: m,
                headers: { 'Content-Type': type },
                body: typeof b === 'string' ? b : JSON.stringify(b),
              };
        await check(await within5s(p, init), m, p);
      }),
      { numRuns: 8_000, endOnFailure: true },
    );
  }, 600_000);

  it('answers 2,000 generated query strings and model paths without a 5xx', async () => {
    const param = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => `model=${encodeURIComponent(s)}`),
      fc.constantFrom(...ids).map((id) => `model=${encodeURIComponent(id)}`),
      fc.integer({ min: -2, max: 15 }).map((h) => `horizon=${h}`),
      fc.string({ maxLength: 6 }).map((s) => `horizon=${encodeURIComponent(s)}`),
      fc.integer({ min: 40, max: 105 }).map((l) => `level=${l}`),
      fc.string({ maxLength: 6 }).map((s) => `level=${encodeURIComponent(s)}`),
      fc.string({ maxLength: 30 }),
    );
    const query = fc.array(param, { maxLength: 12 }).map((ps) => `?${ps.join('&')}`);
    const target = fc.oneof(
      query.map((q) => `/v1/forecast${q}`),
      query.map((q) => `/v1/compare${q}`),
      fc.string({ maxLength: 30 }).map((s) => `/v1/models/${encodeURIComponent(s)}`),
      fc.constantFrom(...ids).map((id) => `/v1/models/${encodeURIComponent(id)}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (t) => check(await within5s(t), 'GET', t)),
      { numRuns: 2_000, endOnFailure: true },
    );
  }, 300_000);

  it('calibrates 150 generated random-walk histories of 60–120 months, every bound finite', async () => {
    const walk = fc
      .record({
        start: fc.double({ min: 10, max: 50_000, noNaN: true }),
        steps: fc.array(fc.double({ min: -0.25, max: 0.25, noNaN: true }), {
          minLength: 59,
          maxLength: 119,
        }),
        first: fc.integer({ min: 1950 * 12, max: 2030 * 12 }),
      })
      .map(({ start, steps, first }) => {
        let close = start;
        return [0, ...steps].map((step, i) => {
          close *= Math.exp(step);
          const index = first + i;
          const date = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
          return { date, close };
        });
      });
    let calibrated = 0;
    const request = fc.record({
      model: fc.constantFrom(...ids),
      history: walk,
      horizon: fc.integer({ min: 1, max: 12 }),
      levels: fc.uniqueArray(fc.integer({ min: 50, max: 99 }), { minLength: 1, maxLength: 9 }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (body) => {
        const response = await within5s('/v1/forecast', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.clone().text();
        expect(response.status, text).toBe(200);
        // A walk flat for months leaves the volatility method nothing finite to scale by; the
        // registry's calibration then serves it (and says so). Count how often, below.
        const { calibration } = JSON.parse(text) as { calibration: string };
        expect(['history', 'registry']).toContain(calibration);
        if (calibration === 'history') calibrated++;
        await check(response, 'POST', '/v1/forecast');
      }),
      { numRuns: 150, endOnFailure: true },
    );
    expect(calibrated).toBeGreaterThan(100);
  }, 300_000);
});
