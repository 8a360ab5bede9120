/**
 * Measures the local-server candidates one after another, on 127.0.0.1, under the same load and
 * the same hostile batch, and writes bench/servers.json (the figures the README quotes):
 *
 * - `wrangler dev` (what `npm start` ran before; now `npm run dev`);
 * - Miniflare's API serving the built worker and the site, on the port itself
 *   (`scripts/start.ts --no-front-door`);
 * - the bare `workerd` binary with a generated capnp config serving the built worker (no asset
 *   router: `/` is the worker's 404);
 * - Miniflare behind the Node front door (`scripts/start.ts`, what `npm start` runs).
 *
 * All candidates are started (time to the first 200) and every route is asked once (fingerprints
 * compared with `wrangler dev`'s). Then autocannon on GET and POST /v1/forecast, in rounds
 * interleaved across the candidates (the machine is shared and its load drifts; each figure is
 * the median round). Then, one candidate at a time, the hostile batch in rounds of 25 — aborted
 * uploads, malformed requests, slow heads — with a health check after each; a candidate that
 * exited is started again for the next round (each exit counted). Last, SIGTERM to the server's
 * own process only, and a count of processes left behind. Each candidate runs in its own process
 * group, stopped by its id.
 *
 * Usage: node bench/servers.ts [--seconds 10] [--connections 20] [--rounds 3] [--aborted 200]
 *   [--malformed 200] [--only wrangler-dev,miniflare,workerd,front-door] [--out bench/servers.json]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { builtModules, workerOptionsFromConfig } from '../scripts/localServer.ts';
import { bundleWorker, packageDir, wranglerEnv } from '../scripts/wrangler.ts';
import {
  abortedUploadBatch,
  checkServes,
  type HostileCase,
  type HostileOutcome,
  malformedBatch,
  sendAll,
  slowHeads,
  type Target,
  tally,
  VALID_WINDOW,
} from './hostileClient.ts';
import { checkRoutes, differences, type RouteAnswer } from './routeCheck.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    aborted: { type: 'string', default: '200' },
    malformed: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string', default: 'wrangler-dev,miniflare,workerd,front-door' },
    out: { type: 'string', default: join(packageDir, 'bench/servers.json') },
  },
});
const seconds = Math.min(30, Number(args.seconds));
const connections = Math.min(64, Number(args.connections));
const abortedCount = Math.min(1000, Number(args.aborted));
const malformedCount = Math.min(1000, Number(args.malformed));
const rounds = Math.min(5, Number(args.rounds));
const HOST = '127.0.0.1';
/** Requests per hostile round; a dead server is restarted between rounds. */
const ROUND = 25;

interface Candidate {
  id: string;
  label: string;
  port: number;
  spawn: () => ChildProcess;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function nodeScript(args: string[]): () => ChildProcess {
  return () =>
    spawn(process.execPath, args, {
      cwd: packageDir,
      env: wranglerEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
}

/** The workerd binary Miniflare runs (the `workerd` package, a dependency of miniflare). */
function workerdBinary(): string {
  const fromMiniflare = createRequire(fileURLToPath(import.meta.resolve('miniflare')));
  return (fromMiniflare('workerd') as { default: string }).default;
}

/** A capnp config serving the worker built in `dir` on `port`, typed as localServer.ts types it. */
function workerdConfig(dir: string, port: number): string {
  const workerOptions = workerOptionsFromConfig();
  const field = {
    ESModule: 'esModule',
    CommonJS: 'commonJsModule',
    Text: 'text',
    Data: 'data',
    CompiledWasm: 'wasm',
  };
  const modules = builtModules(dir, workerOptions.modulesRules ?? []).map((m) => {
    const name = m.path.slice(dir.length + 1);
    return `(name = ${JSON.stringify(name)}, ${field[m.type]} = embed ${JSON.stringify(name)})`;
  });
  const flags = (workerOptions.compatibilityFlags ?? []).map((f) => JSON.stringify(f)).join(', ');
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "api", worker = (
      modules = [
        ${modules.join(',\n        ')}
      ],
      compatibilityDate = ${JSON.stringify(workerOptions.compatibilityDate)},
      compatibilityFlags = [${flags}],
    )),
  ],
  sockets = [(name = "http", address = "${HOST}:${port}", http = (), service = "api")],
);
`;
}

let workerdDir: string | undefined;
const candidates: Candidate[] = [
  {
    id: 'wrangler-dev',
    label: 'wrangler dev',
    port: 8791,
    spawn: () =>
      spawn(
        'wrangler',
        [
          'dev',
          '--env',
          'local',
          '--ip',
          HOST,
          '--port',
          '8791',
          '--show-interactive-dev-session=false',
        ],
        { cwd: packageDir, env: wranglerEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      ),
  },
  {
    id: 'miniflare',
    label: 'Miniflare, built worker + site',
    port: 8792,
    spawn: nodeScript(['scripts/start.ts', '--port', '8792', '--no-front-door']),
  },
  {
    id: 'workerd',
    label: 'bare workerd, built worker (no site)',
    port: 8793,
    spawn: () => {
      workerdDir ??= mkdtempSync(join(tmpdir(), 'gatecast-workerd-'));
      if (!readdirSync(workerdDir).includes('index.js')) throw new Error('bundle first');
      writeFileSync(join(workerdDir, 'config.capnp'), workerdConfig(workerdDir, 8793));
      return spawn(workerdBinary(), ['serve', '--experimental', 'config.capnp'], {
        cwd: workerdDir,
        env: wranglerEnv,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
  },
  {
    id: 'front-door',
    label: 'Miniflare behind the Node front door (npm start)',
    port: 8794,
    spawn: nodeScript(['scripts/start.ts', '--port', '8794']),
  },
];

interface Running {
  child: ChildProcess;
  log: () => string;
}

function launch(candidate: Candidate): Running {
  const child = candidate.spawn();
  let log = '';
  const keep = (d: Buffer) => {
    log = (log + d).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', () => {});
  return { child, log: () => log };
}

async function waitReady(target: Target, running: Running, timeoutS = 180): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutS * 1000) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) {
      throw new Error(`exited before answering:\n${running.log().slice(-3000)}`);
    }
    try {
      const r = await fetch(`http://${target.host}:${target.port}/health`, {
        signal: AbortSignal.timeout(2000),
      });
      await r.arrayBuffer();
      if (r.status === 200) return performance.now() - started;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`no 200 within ${timeoutS} s:\n${running.log().slice(-3000)}`);
}

const alive = (running: Running) =>
  running.child.exitCode === null && running.child.signalCode === null;

/** Processes whose process group is `pgid` (Linux /proc). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(pid));
    } catch {
      // gone
    }
  }
  return members;
}

/**
 * SIGTERM to the server's own process (as a supervisor or `kill` would), then counts what is
 * left in its group after 10 s; then kills the group.
 */
async function stopAndCountOrphans(running: Running): Promise<number> {
  const pid = running.child.pid as number;
  if (alive(running)) {
    const exited = new Promise((r) => running.child.once('exit', r));
    process.kill(pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
  }
  await sleep(500);
  const left = groupMembers(pid).length;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // group already empty
  }
  return left;
}

async function load(url: string, init?: { method: 'POST'; body: string }) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    ...(init ? { ...init, headers: { 'content-type': 'application/json' } } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

interface HostileFigures {
  sent: number;
  exits: number;
  serverErrors: number;
  nonProblem4xx: number;
  leaks: number;
  refused: number;
  closedSilently: number;
  timedOut: number;
  statuses: Record<string, number>;
  /** Rounds after which GET /health and POST /v1/forecast did not both answer 200. */
  failedChecks: number;
  /** Worst time for a health check while 20 slow heads were open, in ms. */
  slowHeadsCheckMs: number;
  slowHeadsServed: boolean;
}

async function hostile(
  candidate: Candidate,
  target: Target,
  state: { running: Running },
): Promise<HostileFigures> {
  const batches: [string, HostileCase[]][] = [
    ['aborted', abortedUploadBatch(abortedCount)],
    ['malformed', malformedBatch(malformedCount)],
  ];
  const outcomes: HostileOutcome[] = [];
  let exits = 0;
  let failedChecks = 0;
  for (const [, cases] of batches) {
    for (let i = 0; i < cases.length; i += ROUND) {
      if (!alive(state.running)) {
        exits++;
        await stopAndCountOrphans(state.running);
        state.running = launch(candidate);
        await waitReady(target, state.running);
      }
      outcomes.push(...(await sendAll(target, cases.slice(i, i + ROUND), { concurrency: 8 })));
      await sleep(200);
      if (!alive(state.running) || !(await checkServes(target)).ok) failedChecks++;
    }
  }
  if (!alive(state.running)) {
    exits++;
    await stopAndCountOrphans(state.running);
    state.running = launch(candidate);
    await waitReady(target, state.running);
  }
  const slow = await slowHeads(target, { count: 20, seconds: 3 }, async () => {
    const started = performance.now();
    const served = await checkServes(target);
    return { served: served.ok, ms: performance.now() - started };
  });
  if (!alive(state.running)) exits++;
  const t = tally(outcomes);
  return {
    sent: t.sent,
    exits,
    serverErrors: t.serverErrors,
    nonProblem4xx: t.nonProblem4xx,
    leaks: t.leaks,
    refused: t.refused,
    closedSilently: t.closedSilently,
    timedOut: t.timedOut,
    statuses: t.statuses,
    failedChecks,
    slowHeadsCheckMs: slow.result.ms,
    slowHeadsServed: slow.result.served,
  };
}

type LoadFigures = Awaited<ReturnType<typeof load>>;

interface Measured {
  candidate: Candidate;
  state: { running: Running };
  readyMs: number;
  routes: RouteAnswer[];
  get: LoadFigures[];
  post: LoadFigures[];
  loadAverages: number[];
}

/** Starts a candidate (its port must be free) and asks every route once. */
async function bringUp(candidate: Candidate): Promise<Measured> {
  const target = { host: HOST, port: candidate.port };
  const origin = `http://${HOST}:${candidate.port}`;
  const inUse = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (inUse) throw new Error(`port ${candidate.port} is already in use`);
  const state = { running: launch(candidate) };
  try {
    const readyMs = await waitReady(target, state.running);
    const routes = await checkRoutes(origin);
    return { candidate, state, readyMs, routes, get: [], post: [], loadAverages: [] };
  } catch (error) {
    await stopAndCountOrphans(state.running);
    throw error;
  }
}

/** One load round on a candidate: GET then POST /v1/forecast. */
async function loadRound(m: Measured): Promise<void> {
  const origin = `http://${HOST}:${m.candidate.port}`;
  // The machine is shared: the 1-minute load average says how shared it was.
  m.loadAverages.push(loadavg()[0] as number);
  m.get.push(await load(`${origin}/v1/forecast`));
  m.post.push(
    await load(`${origin}/v1/forecast`, {
      method: 'POST',
      body: JSON.stringify({ window: VALID_WINDOW }),
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The round with the median req/s, and every round's req/s. */
function summarize(rounds: LoadFigures[]) {
  const m = median(rounds.map((r) => r.requestsPerSecond));
  const closest = rounds.reduce((a, b) =>
    Math.abs(b.requestsPerSecond - m) < Math.abs(a.requestsPerSecond - m) ? b : a,
  );
  return {
    medianRequestsPerSecond: m,
    p50Ms: closest.p50Ms,
    p99Ms: closest.p99Ms,
    roundsRequestsPerSecond: rounds.map((r) => r.requestsPerSecond),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    timeouts: rounds.reduce((n, r) => n + r.timeouts, 0),
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const chosen = candidates.filter((c) => args.only.split(',').includes(c.id));
  if (chosen.some((c) => c.id === 'workerd')) {
    workerdDir = mkdtempSync(join(tmpdir(), 'gatecast-workerd-'));
    await bundleWorker(workerdDir);
  }
  const up: Measured[] = [];
  const results = [];
  try {
    for (const candidate of chosen) {
      process.stdout.write(`servers: starting ${candidate.label} on port ${candidate.port}\n`);
      up.push(await bringUp(candidate));
    }
    // Load rounds interleaved across the candidates (all running, the others idle), the order
    // rotated each round: the machine's load drifts, and each candidate sees the same drift.
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < up.length; k++) {
        const m = up[(k + round) % up.length] as Measured;
        await loadRound(m);
        const g = m.get.at(-1) as LoadFigures;
        const p = m.post.at(-1) as LoadFigures;
        process.stdout.write(
          `  round ${round + 1} ${m.candidate.id}: GET ${fmt(g.requestsPerSecond)} req/s, POST ${fmt(p.requestsPerSecond)} req/s (load ${fmt(m.loadAverages.at(-1) as number, 1)})\n`,
        );
      }
    }
    const reference = up.find((m) => m.candidate.id === 'wrangler-dev')?.routes;
    // The hostile batch last, one candidate at a time (wrangler dev dies under it).
    for (const m of up) {
      const target = { host: HOST, port: m.candidate.port };
      const attack = await hostile(m.candidate, target, m.state);
      const routesAfter = await checkRoutes(`http://${HOST}:${m.candidate.port}`);
      const orphans = await stopAndCountOrphans(m.state.running);
      const result = {
        id: m.candidate.id,
        label: m.candidate.label,
        readyMs: m.readyMs,
        routesOk: m.routes.filter((r) => r.ok).length,
        routes: m.routes.length,
        routesOkAfterAttack: routesAfter.filter((r) => r.ok).length,
        differencesFromWranglerDev: reference ? differences(reference, m.routes) : [],
        loadAverages: m.loadAverages,
        get: summarize(m.get),
        post: summarize(m.post),
        hostile: attack,
        processesLeftAfterSigterm: orphans,
      };
      results.push(result);
      const h = attack;
      process.stdout.write(
        `${m.candidate.label}: ready ${fmt(m.readyMs)} ms; routes ${result.routesOk}/${result.routes}; GET ${fmt(result.get.medianRequestsPerSecond)} req/s p50 ${result.get.p50Ms} p99 ${result.get.p99Ms} ms; POST ${fmt(result.post.medianRequestsPerSecond)} req/s p50 ${result.post.p50Ms} p99 ${result.post.p99Ms} ms\n` +
          `  hostile ${h.sent}: exits ${h.exits}, 5xx ${h.serverErrors}, non-problem 4xx ${h.nonProblem4xx}, leaks ${h.leaks}, failed checks ${h.failedChecks}, slow heads ${h.slowHeadsServed ? 'served' : 'NOT served'} (${fmt(h.slowHeadsCheckMs)} ms); left after SIGTERM ${orphans}\n`,
      );
    }
  } finally {
    for (const m of up) if (alive(m.state.running)) await stopAndCountOrphans(m.state.running);
    if (workerdDir) rmSync(workerdDir, { recursive: true, force: true });
  }
  const report = {
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (shared with other work)`,
    load: {
      connections,
      seconds,
      rounds,
      tool: 'autocannon 8.0.0',
      figure: 'median of the rounds',
    },
    hostile: { aborted: abortedCount, malformed: malformedCount, slowHeads: 20, roundSize: ROUND },
    results,
  };
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`servers: wrote ${args.out}\n`);
}

await main();
