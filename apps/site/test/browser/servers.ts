/**
 * Starts what the browser tests load the site from: the edge worker (`wrangler dev` with the
 * edge API's own config, serving `apps/site/dist` as assets beside `/v1`), or — only while
 * `apps/edge-api` has no worker yet — `vite preview` of the same `dist/`, without an API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** This package's directory. */
export const SITE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const WRANGLER_CONFIG = fileURLToPath(new URL('../../../edge-api/wrangler.jsonc', import.meta.url));
const WORKER_ENTRY = fileURLToPath(new URL('../../../edge-api/src/index.ts', import.meta.url));

/** A server the tests started, and how to stop it. */
export interface StartedServer {
  baseUrl: string;
  /** True when `/v1` is the real edge API. */
  api: boolean;
  kind: 'wrangler' | 'vite-preview';
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before ${url} answered:\n${log()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s:\n${log()}`);
}

/**
 * Stops a child we spawned, with its own process group (npm exec → wrangler → workerd), by PID.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function spawnLogged(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn('npm', ['exec', '--', ...args], {
    cwd: SITE_DIR,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => output };
}

/** True when the edge API has a worker to run. */
export function edgeApiPresent(): boolean {
  return existsSync(WRANGLER_CONFIG) && existsSync(WORKER_ENTRY);
}

/**
 * Starts the edge worker on a free port and waits for `/health`.
 *
 * @throws if it does not come up within three minutes (first start bundles tfjs)
 */
export async function startWorker(): Promise<StartedServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const { child, log } = spawnLogged(
    [
      'wrangler',
      'dev',
      '-c',
      WRANGLER_CONFIG,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
    ],
    { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/health`, child, log, 180_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { baseUrl, api: true, kind: 'wrangler', stop: () => stopChild(child) };
}

/** Serves the built `dist/` with `vite preview` on a free port (no API behind it). */
export async function startPreview(): Promise<StartedServer> {
  const port = await freePort();
  const { child, log } = spawnLogged(
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {},
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/`, child, log, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { baseUrl, api: false, kind: 'vite-preview', stop: () => stopChild(child) };
}
