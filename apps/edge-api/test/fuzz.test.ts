/**
 * Property-based fuzzing of the API inside workerd: generated bodies, content types, methods and
 * query strings. Whatever arrives, the worker never answers 5xx, every 4xx is problem+json, and
 * every 200 carries finite forecasts and ordered intervals.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directApi, latestWindow, manifest } from './support.js';

const api = directApi();

const ids = manifest.models.map((m) => m.id);

/** Numbers the way clients get them wrong: huge, tiny, zero, negative, fractional. */
const close = fc.oneof(
  fc.double({ min: 1, max: 20_000, noNaN: true }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e-300, 1e308, Number.MAX_SAFE_INTEGER),
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
const history = fc.array(fc.record({ date: month, close }), { maxLength: 16 });
const model = fc.oneof(
  fc.constantFrom(...ids),
  fc.string({ maxLength: 12 }),
  fc.constant(undefined),
);

/** Bodies: well-formed requests, near misses, arbitrary JSON, and text that is not JSON at all. */
const body = fc.oneof(
  fc.record({ model, window }, { requiredKeys: ['window'] }),
  fc.record({ model, history }, { requiredKeys: ['history'] }),
  fc.record(
    { model, windows: fc.array(window, { maxLength: 300 }) },
    { requiredKeys: ['windows'] },
  ),
  fc.record({ window, extra: fc.jsonValue() }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 64 }),
  fc.constantFrom('{"window":[NaN]}', '{"window":[Infinity]}', '{"window":[1e999]}', '{', ''),
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

async function check(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = JSON.parse(text) as { status: number; detail: string };
    expect(problem.status).toBe(response.status);
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|file:\/\//);
    return;
  }
  if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return;
  const json = JSON.parse(text) as {
    forecast?: number;
    intervals?: Record<string, [number | null, number | null]>;
    forecasts?: { forecast: number; intervals?: Record<string, [number | null, number | null]> }[];
  };
  // Only forecast answers carry `forecast`; /v1/models' `intervals` are coverage reports.
  const forecasts = json.forecasts ?? (json.forecast === undefined ? [] : [json]);
  for (const f of forecasts) {
    expect(Number.isFinite(f.forecast)).toBe(true);
    for (const [lo, hi] of Object.values(f.intervals ?? {})) {
      if (lo !== null && hi !== null) expect(lo).toBeLessThanOrEqual(hi);
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
        await check(await within5s(p, init));
      }),
      { numRuns: 8_000, endOnFailure: true },
    );
  }, 600_000);

  it('answers 2,000 generated query strings and model paths without a 5xx', async () => {
    const query = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => `?model=${encodeURIComponent(s)}`),
      fc.constantFrom(...ids).map((id) => `?model=${encodeURIComponent(id)}`),
      fc.string({ maxLength: 30 }).map((s) => `?${s}`),
    );
    const target = fc.oneof(
      query.map((q) => `/v1/forecast${q}`),
      fc.string({ maxLength: 30 }).map((s) => `/v1/models/${encodeURIComponent(s)}`),
      fc.constantFrom(...ids).map((id) => `/v1/models/${encodeURIComponent(id)}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (t) => check(await within5s(t))),
      { numRuns: 2_000, endOnFailure: true },
    );
  }, 300_000);
});
