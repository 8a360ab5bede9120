/**
 * A worker that times the engines inside workerd; `bench.ts` runs it with `wrangler dev`
 * and reads its JSON. Not deployed.
 *
 * workerd's clock moves in 1 ms steps (a Spectre mitigation), so single forecasts cannot be timed
 * one by one: each figure is the median over `blocks` blocks of the per-forecast mean of a block,
 * with blocks sized to last at least 20 ms. Each answer also counts every call it made (warm-up and
 * sizing included), so that bench.ts can divide the worker process's CPU time by it.
 *
 * - `GET /cold`, timed inside the isolate on its first request: the start-up the deployed worker
 *   does in its global scope (registry checks, wasm start, every model loaded with its canonical
 *   forecast), then the first GET /v1/forecast of an eager app that has finished starting.
 * - `GET /single?engine=wasm|reference&model=<id>[&blocks=25]`: one forecast (scale, run,
 *   unscale, 80/95 intervals from the registry's calibration) of the latest window, one month.
 * - `GET /batch?engine=…&model=<id>[&size=256][&blocks=9]`: one month from `size` windows in one
 *   pass.
 * - `GET /engine?engine=…&model=<id>[&size=256]`: the engine's `predict` alone on `size` windows
 *   already scaled (the batch figure without scaling, unscaling and intervals).
 * - `GET /requests[?model=<id>][&blocks=15]`: whole requests to an eager app on wasm (routing,
 *   validation, the path, its quantiles, JSON), each timed as above: GET and POST /v1/forecast at
 *   1 month and 80/95, and at 12 months and 9 levels, POST with a bare window and with a
 *   240-month history (which calibrates itself). Synchronous work inside the isolate, so the
 *   time is the worker's CPU time.
 */
import { INTERVAL_LEVELS, MAX_HORIZON, parseMonthlyCsv } from '@gatecast/core';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { createApp } from '../src/app.js';
import type { EngineName } from '../src/engine/engine.js';
import { registryBundle } from '../src/registry.generated.js';
import { modelPaths } from '../src/serving/modelPaths.js';
import { servePath } from '../src/serving/pathResponse.js';
import { buildServingState, type ServingState } from '../src/serving/servingState.js';

interface Cold {
  /** Eager start-up (registry checks, wasm start, every model with its forecast), in ms. */
  startupMs: number;
  /** The first GET /v1/forecast once start-up is done, in ms. */
  firstRequestMs: number;
  status: number;
  engine: string;
}

let cold: Promise<Cold> | undefined;
const states = new Map<EngineName, Promise<ServingState>>();

function state(engine: EngineName): Promise<ServingState> {
  let found = states.get(engine);
  if (!found) {
    found = buildServingState(registryBundle, { preferred: engine, wasmModule });
    states.set(engine, found);
  }
  return found;
}

async function measureCold(): Promise<Cold> {
  const start = performance.now();
  const startup = await buildServingState(registryBundle, { wasmModule }, { loadAllModels: true });
  const startupMs = performance.now() - start;
  // The deployed worker does that start-up in its global scope; its first request then finds it
  // done. Same here: an eager app, given time to start before it is asked anything.
  const app = createApp({ registry: registryBundle, engine: { wasmModule }, eager: true });
  await scheduler.wait(500);
  const requested = performance.now();
  const response = await app.request('http://bench.local/v1/forecast');
  await response.arrayBuffer();
  return {
    startupMs,
    firstRequestMs: performance.now() - requested,
    status: response.status,
    engine: startup.engine.engine.name,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median per-call time of `work` in µs, over `blocks` blocks of at least 20 ms each. */
function time(
  work: () => void,
  blocks: number,
): { perCallUs: number; calls: number; totalCalls: number } {
  for (let i = 0; i < 20; i++) work();
  let perBlock = 1;
  let sizing = 0;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < perBlock; i++) work();
    sizing += perBlock;
    if (performance.now() - start >= 20) break;
    perBlock *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const start = performance.now();
    for (let i = 0; i < perBlock; i++) work();
    samples.push(((performance.now() - start) * 1000) / perBlock);
  }
  // A block sized while the machine stalled can be shorter than the clock's step: fall back to
  // the mean over all blocks rather than report 0.
  const typical = median(samples);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    perCallUs: typical > 0 ? typical : mean,
    calls: blocks * perBlock,
    totalCalls: 20 + sizing + blocks * perBlock,
  };
}

/** As {@link time}, for work that awaits (a request to the app). */
async function timeAsync(
  work: () => Promise<void>,
  blocks: number,
): Promise<{ perCallUs: number; calls: number }> {
  for (let i = 0; i < 10; i++) await work();
  let perBlock = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < perBlock; i++) await work();
    if (performance.now() - start >= 20) break;
    perBlock *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const start = performance.now();
    for (let i = 0; i < perBlock; i++) await work();
    samples.push(((performance.now() - start) * 1000) / perBlock);
  }
  return { perCallUs: median(samples), calls: blocks * perBlock };
}

const series = parseMonthlyCsv(registryBundle.seriesCsv);

/** The 9 levels of the path benchmark, in percent. */
const BENCH_LEVELS = [50, 60, 70, 75, 80, 85, 90, 95, 99];
/** Months of the history the POST-with-history cases send (20 years; ≥ 60 calibrates). */
const BENCH_HISTORY_MONTHS = 240;

let app: ReturnType<typeof createApp> | undefined;

/** Times whole requests to an eager wasm app: GET and POST, 1 month and a 12-month path. */
async function timeRequests(model: string, blocks: number) {
  app ??= createApp({ registry: registryBundle, engine: { wasmModule }, eager: true });
  const eager = app;
  const window = series.values.slice(-12);
  const history = series.dates
    .map((date, i) => ({ date, close: series.values[i] as number }))
    .slice(-BENCH_HISTORY_MONTHS);
  const defaults = { horizon: 1, levels: INTERVAL_LEVELS.map(Number) };
  const long = { horizon: MAX_HORIZON, levels: BENCH_LEVELS };
  const query = (p: typeof defaults) =>
    `?model=${encodeURIComponent(model)}&horizon=${p.horizon}${p.levels.map((l) => `&level=${l}`).join('')}`;
  const post = (body: object) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, ...body }),
  });
  const cases: [string, string, RequestInit | undefined][] = [
    ['GET 1 month, 80/95', `/v1/forecast${query(defaults)}`, undefined],
    ['GET 12 months, 9 levels', `/v1/forecast${query(long)}`, undefined],
    ['POST window, 1 month, 80/95', '/v1/forecast', post({ window, ...defaults })],
    ['POST window, 12 months, 9 levels', '/v1/forecast', post({ window, ...long })],
    [
      `POST ${BENCH_HISTORY_MONTHS}-month history, 1 month, 80/95`,
      '/v1/forecast',
      post({ history, ...defaults }),
    ],
    [
      `POST ${BENCH_HISTORY_MONTHS}-month history, 12 months, 9 levels`,
      '/v1/forecast',
      post({ history, ...long }),
    ],
  ];
  const rows = [];
  for (const [label, path, init] of cases) {
    const probe = await eager.request(`http://bench.local${path}`, init);
    const body = (await probe.json()) as { calibration?: string; path?: unknown[] };
    if (probe.status !== 200) throw new Error(`${label}: ${probe.status} ${JSON.stringify(body)}`);
    const timing = await timeAsync(async () => {
      const response = await eager.request(`http://bench.local${path}`, init);
      await response.arrayBuffer();
    }, blocks);
    rows.push({ label, calibration: body.calibration, months: body.path?.length, ...timing });
  }
  return rows;
}

export default {
  async fetch(request: Request): Promise<Response> {
    cold ??= measureCold();
    const coldResult = await cold;
    const url = new URL(request.url);
    if (url.pathname === '/cold') return Response.json(coldResult);

    if (url.pathname === '/requests') {
      const { manifest } = (await state('wasm')).registry;
      const model = url.searchParams.get('model') ?? manifest.defaultModel;
      const blocks = Number(url.searchParams.get('blocks') ?? 15);
      return Response.json({ model, rows: await timeRequests(model, blocks) });
    }
    const engine = url.searchParams.get('engine') === 'reference' ? 'reference' : 'wasm';
    const served = await state(engine);
    const found = served.models.lookup(url.searchParams.get('model') ?? '');
    const model = found && 'served' in found ? found.served : undefined;
    if (!model) return new Response('unknown model', { status: 404 });
    const blocks = Number(url.searchParams.get('blocks') ?? 25);
    if (url.pathname === '/single') {
      const window = served.registry.latest.window;
      const request = { horizon: 1, levels: INTERVAL_LEVELS.map(Number) };
      const timing = time(() => {
        const paths = modelPaths(model, [window], 1);
        servePath({
          calibration: model.entry.calibration,
          protocol: model.entry.protocol,
          values: paths.values[0] as number[],
          scales: paths.scales?.[0],
          asOf: null,
          request,
        });
      }, blocks);
      return Response.json({ engine: served.engine.engine.name, model: model.entry.id, ...timing });
    }
    if (url.pathname === '/batch') {
      const size = Number(url.searchParams.get('size') ?? 256);
      const windows = Array.from({ length: size }, (_, i) => {
        const end = series.values.length - i;
        return series.values.slice(end - 12, end);
      });
      const { perCallUs, calls, totalCalls } = time(() => modelPaths(model, windows, 1), blocks);
      return Response.json({
        engine: served.engine.engine.name,
        model: model.entry.id,
        size,
        batchMs: perCallUs / 1000,
        windowsPerSecond: (size * 1e6) / perCallUs,
        batches: calls,
        totalCalls,
      });
    }
    if (url.pathname === '/engine') {
      // The engine alone on `size` windows already scaled: no scaling, unscaling or intervals.
      const size = Number(url.searchParams.get('size') ?? 256);
      const length = model.entry.spec.windowLength;
      const inputs = new Float32Array(size * length);
      for (let i = 0; i < size; i++) {
        const end = series.values.length - i;
        inputs.set(model.scaler.scaleWindow(series.values.slice(end - length, end)), i * length);
      }
      const { perCallUs, calls, totalCalls } = time(
        () => model.runner.predict(inputs, size),
        blocks,
      );
      return Response.json({
        engine: served.engine.engine.name,
        model: model.entry.id,
        size,
        batchMs: perCallUs / 1000,
        windowsPerSecond: (size * 1e6) / perCallUs,
        batches: calls,
        totalCalls,
      });
    }
    return new Response('not found', { status: 404 });
  },
};
