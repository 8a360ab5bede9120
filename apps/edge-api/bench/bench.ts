/**
 * Benchmarks the worker and prints the figures: engines inside workerd (`benchWorker.ts`), whole
 * requests inside workerd (1 month at 80/95 beside a 12-month path at 9 levels, GET and POST, with
 * a bare window and with a history that calibrates itself), bundle size, start-up, and a bounded
 * load test against 127.0.0.1. Ports 8788 (API) and 8789 (bench worker) must be free; each
 * wrangler it starts is stopped by its process group id.
 *
 * Usage: node bench/bench.ts [--seconds 10] [--connections 20]
 *   [--only engines,requests,bundle,serve]
 * (seconds capped at 30, connections at 64).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseManifest } from '@gatecast/core/registry';
import { bundleWorker, wranglerEnv as env, packageDir } from '../scripts/wrangler.ts';
import { bundledBacktest } from '../src/backtest.generated.ts';
import { type LoadTestResult, loadTest } from './loadTest.ts';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    only: { type: 'string', default: 'engines,requests,bundle,serve' },
  },
});
const seconds = Math.min(30, Number(options.seconds));
const connections = Math.min(64, Number(options.connections));
const sections = new Set(options.only.split(','));

const modelsDir = resolve(process.env.GATECAST_MODELS_DIR ?? join(packageDir, '../../models'));
const manifest = parseManifest(JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')));

interface Dev {
  child: ChildProcess;
  startedAt: number;
  ready: Promise<number>;
}

/** Starts `wrangler dev` in its own process group; `ready` resolves when it listens. */
function startDev(config: string, port: number): Dev {
  const startedAt = performance.now();
  const child = spawn(
    'wrangler',
    [
      'dev',
      '-c',
      config,
      // The API's local environment: limits no load test reaches (wrangler.jsonc env.local).
      ...(config === 'wrangler.jsonc' ? ['--env', 'local'] : []),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--show-interactive-dev-session=false',
    ],
    { cwd: packageDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const ready = new Promise<number>((done, fail) => {
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes('Ready on')) done(performance.now());
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`wrangler dev exited (${code}):\n${log}`)));
  });
  return { child, startedAt, ready };
}

async function stop(dev: Dev): Promise<void> {
  const { child } = dev;
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** CPU time used so far by a process group's workerd processes, in ms. */
interface WorkerdCpu {
  /** The process running the worker (wrangler starts it with an inspector port). */
  runtime: number;
  /** Every workerd process of the group: the runtime and wrangler's local proxy. */
  total: number;
}

/**
 * Reads {@link WorkerdCpu} from /proc/<pid>/task/<tid>/schedstat (nanosecond resolution, summed
 * over threads); NaN off Linux.
 */
function workerdCpu(pgid: number): WorkerdCpu {
  const cpu = { runtime: 0, total: 0 };
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat: string;
      let commandLine: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (group !== pgid || !command.startsWith('workerd')) continue;
      let ns = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      }
      cpu.total += ns / 1e6;
      if (commandLine.includes('--inspector-addr')) cpu.runtime += ns / 1e6;
    }
    return cpu;
  } catch {
    return { runtime: Number.NaN, total: Number.NaN };
  }
}

function cpuSince(pgid: number, before: WorkerdCpu): WorkerdCpu {
  const now = workerdCpu(pgid);
  return { runtime: now.runtime - before.runtime, total: now.total - before.total };
}

/**
 * GETs JSON; retries once when wrangler's proxy lost the runtime mid-request ("Network connection
 * lost", seen twice on a machine at load 8–16), since one lost measurement should not void a run.
 */
async function getJson<T>(url: string, retry = true): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) {
    const text = await response.text();
    if (retry && text.includes('Network connection lost')) return getJson<T>(url, false);
    throw new Error(`${url}: ${response.status} ${text}`);
  }
  return (await response.json()) as T;
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

async function engines() {
  const dev = startDev('bench/wrangler.jsonc', 8789);
  try {
    await dev.ready;
    const base = 'http://127.0.0.1:8789';
    const cold = await getJson<{ startupMs: number; firstRequestMs: number; engine: string }>(
      `${base}/cold`,
    );
    const pgid = dev.child.pid as number;
    /** A bench answer, with the worker process's CPU µs per call over the whole request. */
    const measured = async <T extends { totalCalls: number }>(path: string) => {
      const before = workerdCpu(pgid);
      const answer = await getJson<T>(`${base}${path}`);
      const cpu = cpuSince(pgid, before);
      return { ...answer, cpuUsPerCall: (cpu.runtime * 1000) / answer.totalCalls };
    };
    // Unmeasured: each engine's serving state (registry checks, ~0.25 s) and each model's load
    // happen on first use; the CPU time of a measured answer must not include them.
    for (const engine of ['wasm', 'reference']) {
      for (const { id } of manifest.models) {
        await getJson(
          `${base}/engine?engine=${engine}&model=${encodeURIComponent(id)}&size=1&blocks=1`,
        );
      }
    }
    const rows = [];
    for (const { id } of manifest.models) {
      const model = encodeURIComponent(id);
      type Single = { perCallUs: number; calls: number; totalCalls: number };
      type Batch = { batchMs: number; windowsPerSecond: number; totalCalls: number };
      rows.push({
        model: id,
        wasm: await measured<Single>(`/single?engine=wasm&model=${model}`),
        reference: await measured<Single>(`/single?engine=reference&model=${model}`),
        wasmBatch: await measured<Batch>(`/batch?engine=wasm&model=${model}`),
        referenceBatch: await measured<Batch>(`/batch?engine=reference&model=${model}`),
        wasmEngine: await measured<Batch>(`/engine?engine=wasm&model=${model}`),
        wasmEngineOne: await measured<Batch>(`/engine?engine=wasm&model=${model}&size=1`),
        referenceEngineOne: await measured<Batch>(`/engine?engine=reference&model=${model}&size=1`),
      });
    }
    return { cold, rows };
  } finally {
    await stop(dev);
  }
}

/** Whole requests to an eager app inside workerd, the default model (`/requests`). */
async function requests() {
  const dev = startDev('bench/wrangler.jsonc', 8789);
  try {
    await dev.ready;
    return await getJson<{
      model: string;
      rows: { label: string; calibration: string; months: number; perCallUs: number }[];
    }>('http://127.0.0.1:8789/requests');
  } finally {
    await stop(dev);
  }
}

async function bundle() {
  const outdir = mkdtempSync(join(tmpdir(), 'gatecast-bundle-'));
  try {
    const output = await bundleWorker(outdir);
    const reported = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
    const groups = new Map<string, { raw: number; gzip: number; files: number }>();
    // Kept apart: code, the kernels, the weights, and each kind of registry text (JSON, CSV).
    const groupOf = (name: string): string | null => {
      if (name.endsWith('.js')) return 'code (index.js)';
      if (name.endsWith('.wasm')) return 'kernels (kernels.wasm)';
      if (name.endsWith('.bin')) return 'weights (weights.bin)';
      if (name.endsWith('manifest.json')) return 'manifest.json';
      if (name.endsWith('results.json')) return 'results.json';
      if (name.endsWith('model.json')) return 'model.json';
      if (name.endsWith('.csv')) return 'series (.csv)';
      return null; // wrangler's README.md beside the bundle, not uploaded
    };
    for (const name of readdirSync(outdir)) {
      const group = groupOf(name);
      if (group === null) continue;
      const bytes = readFileSync(join(outdir, name));
      const entry = groups.get(group) ?? { raw: 0, gzip: 0, files: 0 };
      entry.raw += bytes.length;
      entry.gzip += gzipSync(bytes).length;
      entry.files += 1;
      groups.set(group, entry);
    }
    // backtest.json's text is not a module of its own: codegen embeds it in the code.
    const backtest = bundledBacktest && 'text' in bundledBacktest ? bundledBacktest.text : '';
    const backtestBytes = Buffer.from(backtest);
    const embedded = {
      raw: backtestBytes.length,
      gzip: backtest ? gzipSync(backtestBytes).length : 0,
      files: backtest ? 1 : 0,
    };
    const order = [
      'code (index.js)',
      'kernels (kernels.wasm)',
      'weights (weights.bin)',
      'model.json',
      'manifest.json',
      'results.json',
      'series (.csv)',
    ];
    return {
      rawKiB: Number(reported?.[1] ?? Number.NaN),
      gzipKiB: Number(reported?.[2] ?? Number.NaN),
      groups: [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)),
      backtest: embedded,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function serve() {
  const dev = startDev('wrangler.jsonc', 8788);
  try {
    const readyAt = await dev.ready;
    const base = 'http://127.0.0.1:8788';
    const pgid = dev.child.pid as number;
    const cpuBefore = workerdCpu(pgid);
    const requestAt = performance.now();
    const first = await fetch(`${base}/v1/forecast`);
    await first.text();
    const firstAt = performance.now();
    const firstCpu = cpuSince(pgid, cpuBefore);
    if (first.status !== 200) throw new Error(`first request answered ${first.status}`);
    // The same request again, warm: what any request costs.
    const warmBefore = workerdCpu(pgid);
    await (await fetch(`${base}/v1/forecast`)).text();
    const warmCpu = cpuSince(pgid, warmBefore);
    const body = {
      window: [
        5881.63, 5954.5, 6032.38, 5611.85, 5569.06, 5911.69, 6204.95, 6389.77, 6460.26, 6688.46,
        6957.01, 7412.55,
      ],
    };
    const get = await loadTest({ url: `${base}/v1/forecast`, seconds, connections });
    const post = await loadTest({
      url: `${base}/v1/forecast`,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
      seconds,
      connections,
    });
    return {
      startToReadyMs: readyAt - dev.startedAt,
      startToFirst200Ms: firstAt - dev.startedAt,
      firstRequestMs: firstAt - requestAt,
      firstCpu,
      warmCpu,
      get,
      post,
    };
  } finally {
    await stop(dev);
  }
}

function printLoad(label: string, r: LoadTestResult): void {
  console.log(
    `  ${label.padEnd(34)} ${fmt(r.requestsPerSecond, 0).padStart(6)} req/s   p50 ${fmt(r.p50Ms, 2).padStart(6)} ms   p99 ${fmt(r.p99Ms, 2).padStart(6)} ms   errors ${r.errors} (non-200 ${r.non200}), ${r.requests} requests`,
  );
}

type EngineFigures = Awaited<ReturnType<typeof engines>>;
type RequestFigures = Awaited<ReturnType<typeof requests>>;

function printRequests(r: RequestFigures): void {
  console.log(
    `\nWhole requests inside workerd, ${r.model} on wasm (median µs of worker CPU per request: routing, validation, path, quantiles, JSON)`,
  );
  for (const row of r.rows) {
    console.log(
      `  ${row.label.padEnd(44)} ${fmt(row.perCallUs, 0).padStart(8)} µs   ${row.months} month${row.months === 1 ? '' : 's'}, calibration: ${row.calibration}`,
    );
  }
}
type BundleFigures = Awaited<ReturnType<typeof bundle>>;
type ServeFigures = Awaited<ReturnType<typeof serve>>;

function printEngines(e: EngineFigures): Map<string, number> {
  console.log(
    "One forecast inside workerd: scale, run, unscale, 80/95 intervals (µs per forecast: median wall time, and the worker process's CPU time per forecast over the whole measurement)",
  );
  console.log(
    `  ${'model'.padEnd(24)} ${'wasm'.padStart(7)} ${'reference'.padStart(10)}  ratio │ ${'wasm CPU'.padStart(9)} ${'ref. CPU'.padStart(9)}  ratio   forecasts timed per engine`,
  );
  const ratios = new Map<string, number>();
  for (const { model, wasm, reference } of e.rows) {
    const ratio = wasm.perCallUs / reference.perCallUs;
    const cpuRatio = wasm.cpuUsPerCall / reference.cpuUsPerCall;
    ratios.set(model, cpuRatio);
    console.log(
      `  ${model.padEnd(24)} ${fmt(wasm.perCallUs).padStart(7)} ${fmt(reference.perCallUs).padStart(10)}  ${fmt(ratio, 2).padStart(5)} │ ${fmt(wasm.cpuUsPerCall).padStart(9)} ${fmt(reference.cpuUsPerCall).padStart(9)}  ${fmt(cpuRatio, 2).padStart(5)}   ${wasm.calls} / ${reference.calls}`,
    );
  }
  console.log(
    "\nThe engine's predict alone on one window already scaled (µs per call, CPU time; the rest of a forecast — scaling, unscaling, 80/95 bands from the calibration — is the same work on both engines)",
  );
  for (const { model, wasmEngineOne, referenceEngineOne } of e.rows) {
    const w = wasmEngineOne.cpuUsPerCall;
    const r = referenceEngineOne.cpuUsPerCall;
    console.log(
      `  ${model.padEnd(24)} wasm ${fmt(w).padStart(7)} µs   reference ${fmt(r).padStart(7)} µs   ${fmt(w / r, 2).padStart(5)}×`,
    );
  }
  const perSecond = (b: { cpuUsPerCall: number }) => (256 * 1e6) / b.cpuUsPerCall;
  console.log(
    '\nBatch of 256 windows in one pass, through scaling and intervals (windows per second: wall median; by CPU time)',
  );
  for (const { model, wasmBatch, referenceBatch } of e.rows) {
    console.log(
      `  ${model.padEnd(24)} wasm ${fmt(wasmBatch.windowsPerSecond, 0).padStart(8)}/s, CPU ${fmt(perSecond(wasmBatch), 0).padStart(8)}/s   reference ${fmt(referenceBatch.windowsPerSecond, 0).padStart(7)}/s, CPU ${fmt(perSecond(referenceBatch), 0).padStart(7)}/s`,
    );
  }
  console.log(
    '\nThe wasm engine alone on 256 windows already scaled (windows per second: wall median; by CPU time)',
  );
  for (const { model, wasmEngine } of e.rows) {
    console.log(
      `  ${model.padEnd(24)} wasm ${fmt(wasmEngine.windowsPerSecond, 0).padStart(8)}/s, CPU ${fmt(perSecond(wasmEngine), 0).padStart(8)}/s`,
    );
  }
  console.log('\nInside the isolate (wall time, 1 ms clock)');
  console.log(
    `  start-up work                      ${fmt(e.cold.startupMs, 0)} ms (global scope in the deployed worker: registry checks, wasm start, ${manifest.models.length} models) → ${e.cold.engine}`,
  );
  console.log(
    `  first request after start-up      ${fmt(e.cold.firstRequestMs, 0)} ms (GET /v1/forecast)`,
  );
  return ratios;
}

function printBundle(b: BundleFigures): void {
  console.log('\nBundle (wrangler deploy --dry-run --minify)');
  console.log(`  total ${fmt(b.rawKiB)} KiB raw, ${fmt(b.gzipKiB)} KiB gzip (wrangler's figures)`);
  console.log('  by part (each file gzipped alone):');
  const row = (label: string, size: { raw: number; gzip: number }) =>
    console.log(
      `  ${label.padEnd(34)} ${kib(size.raw).padStart(12)} raw ${kib(size.gzip).padStart(12)} gzip`,
    );
  for (const [group, size] of b.groups)
    row(size.files > 1 ? `${group} × ${size.files}` : group, size);
  // The registry's text (JSON and the series), bundled as Text modules for the sha256 checks.
  const text = b.groups
    .filter(([group]) => group.endsWith('.json') || group.startsWith('series'))
    .reduce((sum, [, size]) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
      raw: 0,
      gzip: 0,
    });
  row('registry text (JSON + series)', text);
  if (b.backtest.files > 0) row('backtest.json text, inside code', b.backtest);
}

function printServe(s: ServeFigures): void {
  console.log('\nStart-up (wrangler dev, this machine)');
  console.log(`  process start → listening          ${fmt(s.startToReadyMs, 0)} ms`);
  console.log(`  process start → first 200          ${fmt(s.startToFirst200Ms, 0)} ms`);
  console.log(
    `  first request, at the client       ${fmt(s.firstRequestMs, 1)} ms (GET /v1/forecast)`,
  );
  console.log(
    `  first request, workerd CPU         ${fmt(s.firstCpu.runtime, 1)} ms in the worker's process, ${fmt(s.firstCpu.total, 1)} ms with wrangler's proxy (/proc schedstat)`,
  );
  console.log(
    `  a warm repeat, workerd CPU         ${fmt(s.warmCpu.runtime, 1)} ms in the worker's process, ${fmt(s.warmCpu.total, 1)} ms with the proxy`,
  );
  console.log(
    `\nLoad test (wrangler dev on 127.0.0.1, ${connections} connections, ${seconds} s each; its local proxy caps throughput)`,
  );
  printLoad('GET /v1/forecast (cached forecast)', s.get);
  printLoad('POST /v1/forecast (12-month window)', s.post);
}

async function main(): Promise<void> {
  console.log('gatecast edge-api benchmark (2-core machine; figures move with load)\n');
  const e = sections.has('engines') ? await engines() : undefined;
  const ratios = e ? printEngines(e) : undefined;
  const r = sections.has('requests') ? await requests() : undefined;
  if (r) printRequests(r);
  const b = sections.has('bundle') ? await bundle() : undefined;
  if (b) printBundle(b);
  const s = sections.has('serve') ? await serve() : undefined;
  if (s) printServe(s);

  console.log('\nGoals');
  if (ratios && e) {
    // Verdicts on CPU time: on a shared machine wall time also measures the other work, and the
    // Workers platform meters CPU time.
    const worst = Math.max(...ratios.values());
    const units32 = [...ratios].filter(([id]) => /-32(-nll)?@/.test(id)).map(([, r]) => r);
    const worst32 = Math.max(...units32);
    console.log(
      `  wasm single forecast ≤ 0.5× reference, every model (CPU): ${verdict(worst <= 0.5)} (worst ${fmt(worst, 3)}×)`,
    );
    console.log(
      `  ≤ 0.25× for the 32-unit models (CPU):                    ${verdict(worst32 <= 0.25)} (worst ${fmt(worst32, 3)}×)`,
    );
    const engineRatios = e.rows.map((r) => ({
      model: r.model,
      ratio: r.wasmEngineOne.cpuUsPerCall / r.referenceEngineOne.cpuUsPerCall,
    }));
    const engineWorst = Math.max(...engineRatios.map((r) => r.ratio));
    const engineWorst32 = Math.max(
      ...engineRatios.filter((r) => /-32(-nll)?@/.test(r.model)).map((r) => r.ratio),
    );
    console.log(
      `  (the engines alone on one window: worst ${fmt(engineWorst, 3)}× every model, ${fmt(engineWorst32, 3)}× the 32-unit ones)`,
    );
    const lstm = e.rows.find((r) => r.model === 'lstm-32@relative');
    if (lstm) {
      const rate = (256 * 1e6) / lstm.wasmBatch.cpuUsPerCall;
      const engineRate = (256 * 1e6) / lstm.wasmEngine.cpuUsPerCall;
      console.log(
        `  batch of 256 lstm-32 ≥ 100,000 windows/s (CPU):          ${verdict(rate >= 100_000)} (${fmt(rate, 0)}/s through the API's scaling; engine alone ${fmt(engineRate, 0)}/s; wall medians ${fmt(lstm.wasmBatch.windowsPerSecond, 0)}/s and ${fmt(lstm.wasmEngine.windowsPerSecond, 0)}/s)`,
      );
    }
  }
  if (b) {
    console.log(
      `  bundle ≤ 300 KiB gzip:                             ${verdict(b.gzipKiB <= 300)} (${fmt(b.gzipKiB, 1)} KiB)`,
    );
  }
  if (s) {
    console.log(
      `  first request < 10 ms CPU:           ${verdict(s.firstCpu.runtime < 10)} (${fmt(s.firstCpu.runtime, 1)} ms CPU in the worker's workerd process; a warm request ${fmt(s.warmCpu.runtime, 1)} ms)`,
    );
  }
}

await main();
