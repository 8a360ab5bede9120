/**
 * The README's two commands on a fresh checkout: a clean clone is installed with `npm ci`, then
 * `npm start` must bring up the API and the site on 127.0.0.1:8787 from the committed models. On
 * the same clone: a bounded load test, and the offline retraining path (a quick sweep into a
 * temporary registry, and a worker built against the new registry
 * serving its forecasts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Manifest, parseManifest } from '@gatecast/core/registry';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { run, type Started, start, waitFor } from './processes.js';

const ORIGIN = 'http://127.0.0.1:8787';
const scratch = mkdtempSync(join(tmpdir(), 'gatecast-clone-'));
const clone = join(scratch, 'gatecast');
const committed = parseManifest(
  JSON.parse(readFileSync(join(REPO_ROOT, 'models/manifest.json'), 'utf8')),
);

function defaultForecast(manifest: Manifest): number {
  const model = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (!model) throw new Error('manifest has no default model');
  return model.forecast.value;
}

const relativelyClose = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.abs(b);

describe('a clean clone', () => {
  let server: Started | undefined;

  beforeAll(() => {
    run('git', ['clone', '--quiet', REPO_ROOT, clone], scratch);
    run('npm', ['ci', '--no-audit', '--no-fund'], clone);
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('serves the API and the site on 127.0.0.1:8787 with `npm start`', async () => {
    // The README's port must be ours: an answer now would come from some other server.
    await expect(fetch(`${ORIGIN}/health`), 'port 8787 is already in use').rejects.toThrow();
    server = start('npm', ['start'], clone);
    await waitFor(`${ORIGIN}/health`, server);
    await waitFor(`${ORIGIN}/`, server, 60);
    expect(server.output()).toContain(`${ORIGIN}/v1/forecast`);

    const forecast = (await (await fetch(`${ORIGIN}/v1/forecast`)).json()) as Record<
      string,
      unknown
    >;
    expect(forecast).toMatchObject({
      model: committed.defaultModel,
      asOf: '2026-05-01',
      target: '2026-06-01',
      unit: 'points',
      engine: 'wasm',
    });
    expect(relativelyClose(forecast.forecast as number, defaultForecast(committed))).toBe(true);

    const page = await fetch(`${ORIGIN}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    // The headline is static HTML: the default model's forecast as the site prints it.
    const points = defaultForecast(committed).toLocaleString('en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    expect(html).toContain(points);
    expect(html).toContain('Try it');

    const bad = await fetch(`${ORIGIN}/v1/forecast`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ window: [1, 2, 3] }),
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
  });

  it('holds 50 connections for 30 s against 127.0.0.1 with zero errors', async () => {
    const result = await autocannon({
      url: `${ORIGIN}/v1/forecast`,
      connections: 50,
      duration: 30,
      timeout: 10,
    });
    mkdirSync(join(REPO_ROOT, 'test/test-results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'test/test-results/load.json'),
      `${JSON.stringify({ requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, total: result.requests.total, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }, null, 2)}\n`,
    );
    expect(result.requests.total).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
  });

  it('retrains offline into a temporary registry', async () => {
    await server?.stop();
    server = undefined;
    await expect(fetch(`${ORIGIN}/health`), 'the first server is still up').rejects.toThrow();
    const registry = join(scratch, 'quick-models');
    const first = run('npm', ['run', 'train', '--', '--quick', '--out', registry], clone);
    expect(first).toMatch(/registry written to/);
    // Turbo restores only models/: a run into any other directory always trains
    // (trainAndBuild.test.ts covers the cache into models/).
    expect(first).toMatch(/@gatecast\/trainer:train: cache bypass/);

    const quick = parseManifest(JSON.parse(readFileSync(join(registry, 'manifest.json'), 'utf8')));
    expect(quick.training).toMatchObject({ epochs: 2, seeds: [1, 2] });
    server = start('npm', ['start'], clone, { GATECAST_MODELS_DIR: registry });
    await waitFor(`${ORIGIN}/health`, server);
    const health = (await (await fetch(`${ORIGIN}/health`)).json()) as {
      registry: { createdAt: string };
    };
    expect(health.registry.createdAt).toBe(quick.createdAt);
    const forecast = (await (await fetch(`${ORIGIN}/v1/forecast`)).json()) as {
      forecast: number;
      model: string;
    };
    expect(forecast.model).toBe(quick.defaultModel);
    expect(relativelyClose(forecast.forecast, defaultForecast(quick))).toBe(true);
    expect(relativelyClose(forecast.forecast, defaultForecast(committed))).toBe(false);
  });
});
