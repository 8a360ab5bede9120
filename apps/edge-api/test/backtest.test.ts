/**
 * GET /v1/backtest and GET /v1/backtest/{id}, inside workerd: the answers are `backtest.json`'s
 * figures (expected values read from the whole file with core's schema, not from the worker's
 * compact bundle), cached like the other GETs, and a 404 `backtest-unavailable` problem without
 * one. Run against the bundled registry's backtest when it has one, and always against a small
 * backtest built here, bundled the way codegen bundles one.
 */
import {
  type Backtest,
  type BacktestMetrics,
  backtestMetricsSchema,
  backtestSchema,
  backtestSummarySchema,
  parseBacktest,
  REGISTRY_FORMAT_VERSION,
} from '@gatecast/core/registry';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { AppEnv } from '../src/appEnv.js';
import type { BundledBacktest, RegistryBundle } from '../src/registry/bundle.js';
import { sha256Hex } from '../src/registry/sha256.js';
import { registryBundle } from '../src/registry.generated.js';
import { backtestRoutes } from '../src/routes/backtest.js';
import { backtestText } from './backtest.generated.js';
import { api, expectProblem, manifest } from './support.js';

const ORIGIN = 'http://gatecast.test';

/** The first `horizons` entries of every figure by horizon (what the worker bundles per origin). */
function cut(metrics: BacktestMetrics, horizons: number): BacktestMetrics {
  const first = <T>(values: T[]) => values.slice(0, horizons);
  const levels = <T>(values: Record<'80' | '95', T[]>) => ({
    '80': first(values['80']),
    '95': first(values['95']),
  });
  return {
    n: first(metrics.n),
    rmse: first(metrics.rmse),
    mae: first(metrics.mae),
    coverage: levels(metrics.coverage),
    meanWidth: levels(metrics.meanWidth),
    intervalScore: levels(metrics.intervalScore),
    pinball: first(metrics.pinball),
  };
}

async function bundle(full: Backtest, horizons: number): Promise<BundledBacktest> {
  const compact: Backtest = {
    ...full,
    origins: full.origins.map((o) => ({
      ...o,
      models: o.models.map((m) => ({ ...m, metrics: cut(m.metrics, horizons) })),
      baselines: o.baselines.map((b) => ({ ...b, metrics: cut(b.metrics, horizons) })),
    })),
  };
  const text = JSON.stringify(compact);
  return { text, sha256: await sha256Hex(text), originHorizons: horizons };
}

/**
 * The run's bookkeeping (when, how long, on how many threads) where the format records it: the
 * routes serve none of it, and a reproducible file leaves it out.
 */
function runFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => key in backtestSchema.shape));
}

/**
 * A backtest of three models and the four baselines at two origins, H = 3, on the registry's
 * series; the last origin has no target at h = 3 (null figures). Test data, never shown.
 */
function smallBacktest(): Backtest {
  const models = ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'];
  const baselines = ['naive', 'drift', 'ar1', 'naiveEwma'];
  const metrics = (k: number, last: boolean): BacktestMetrics => {
    const by = (x: number) => [x + k, x + k + 1, last ? null : x + k + 2];
    return {
      n: [12, 11, last ? 0 : 10],
      rmse: by(100),
      mae: by(70),
      coverage: { '80': [0.75, 0.8, last ? null : 0.9], '95': [1, 0.9, last ? null : 1] },
      meanWidth: { '80': by(300), '95': by(500) },
      intervalScore: { '80': by(400), '95': by(600) },
      pinball: by(20),
    };
  };
  const dm = { statistic: [-1.5, 0.25, null], pValue: [0.13, 0.8, null] };
  const ranking = {
    ranks: [
      [3, 1, 2],
      [2, 1.5, 1.5],
    ],
    friedman: { statistic: 2.8, df: 2, pValue: 0.25, kendallW: 0.7, meanRanks: [2.5, 1.25, 1.75] },
  };
  const origins = ['2025-01-01', '2026-01-01'];
  return {
    format: 'gatecast-backtest',
    formatVersion: REGISTRY_FORMAT_VERSION,
    ...runFields({
      createdAt: '2026-11-28T12:00:00.000Z',
      workers: 2,
      sweepSeconds: 10,
      wallSeconds: 12,
    }),
    data: { ...manifest.data },
    design: {
      origins,
      windowLength: 12,
      validationFraction: 0.15,
      maxHorizon: 3,
      protocol: 'relative',
    },
    training: {
      epochs: 2,
      batchSize: 32,
      seeds: [1, 2],
      optimizer: 'adam',
      learningRate: 0.001,
      loop: 'fused',
    },
    tfjsVersion: '4.22.0',
    backend: { backend: 'wasm', tfjsBackend: 'wasm', skipped: [] },
    summary: {
      forecasters: [
        ...models.map((id, i) => ({
          id,
          kind: 'model' as const,
          metrics: metrics(i, false),
          dm: {
            naive: { squaredError: dm, intervalScore: { '80': dm, '95': dm } },
            ar1: { squaredError: dm, intervalScore: { '80': dm, '95': dm } },
          },
        })),
        ...baselines.map((id, i) => ({
          id,
          kind: 'baseline' as const,
          metrics: metrics(10 + i, false),
          dm: {},
        })),
      ],
      wins: models.map((id) => ({
        id,
        rmse: { naive: 1, ar1: 0 },
        intervalScore: { naive: 2, ar1: 1 },
      })),
      ranking: { models, rmse: ranking, intervalScore: ranking },
      lessonOrdering: {
        cells: ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'],
        rmse: { holds: 0, ranking },
        intervalScore: { holds: 0, ranking },
      },
    },
    origins: origins.map((origin, o) => ({
      origin,
      fit: { count: 600 + o, firstTarget: '1951-01-01', lastTarget: '2015-06-01' },
      validation: { count: 100 + o, firstTarget: '2015-07-01', lastTarget: '2024-12-01' },
      forecastOrigins: { first: '2024-12-01', last: '2025-11-01', count: 12 },
      logReturnStd: 0.0415 + o / 1000,
      models: models.map((id, i) => ({
        id,
        servedSeed: 1 + ((i + o) % 2),
        seedValidationRmse: [50 + i, 51 + i],
        intervalMethod:
          i === 0
            ? { method: 'rolling' as const, scores: 'signed' as const, window: 120 }
            : { method: 'static' as const, scores: 'signed' as const },
        metrics: metrics(20 * o + i, o === 1),
      })),
      baselines: baselines.map((id, i) => ({ id, metrics: metrics(20 * o + 10 + i, o === 1) })),
    })),
  } as Backtest;
}

function appWith(backtest: BundledBacktest | undefined) {
  const registry: RegistryBundle = { ...registryBundle, backtest };
  const app = createApp({ registry, engine: { preferred: 'wasm', wasmModule } });
  return (path: string, init?: RequestInit) =>
    Promise.resolve(app.request(`${ORIGIN}${path}`, init));
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Every assertion of a served backtest, against the whole file `full`. */
function servesBacktest(name: string, fetchApi: () => Fetch, full: Backtest, horizons: number) {
  describe(name, () => {
    const ids = full.summary.forecasters.map((f) => f.id);

    it('GET /v1/backtest is the file but its origins, with originHorizons, cached', async () => {
      const response = await fetchApi()('/v1/backtest');
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      const { data, design, training, tfjsVersion, backend, summary } = full;
      expect(body).toEqual({
        data,
        design,
        training,
        tfjsVersion,
        backend,
        summary,
        originHorizons: horizons,
      });
      expect(backtestSummarySchema.safeParse(body.summary).success).toBe(true);
      const etag = response.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{32}-[0-9a-f]{16}"$/);
      expect(response.headers.get('cache-control')).toBe(
        'public, max-age=300, stale-while-revalidate=3600',
      );
      const again = await fetchApi()('/v1/backtest', {
        headers: { 'If-None-Match': etag as string },
      });
      expect(again.status).toBe(304);
      const models = await fetchApi()('/v1/models');
      await models.body?.cancel();
      expect(models.headers.get('etag')).not.toBe(etag);
    });

    it('GET /v1/backtest/{id}: every origin’s figures, served seed, method and ranks', async () => {
      for (const id of ids) {
        const response = await fetchApi()(`/v1/backtest/${encodeURIComponent(id)}`);
        expect(response.status, id).toBe(200);
        const body = (await response.json()) as {
          id: string;
          kind: string;
          originHorizons: number;
          pooled: unknown;
          origins: Record<string, unknown>[];
        };
        const pooled = full.summary.forecasters.find((f) => f.id === id);
        expect(body).toMatchObject({ id, kind: pooled?.kind, originHorizons: horizons });
        expect(body.pooled).toEqual({ metrics: pooled?.metrics, dm: pooled?.dm });
        expect(body.origins.map((o) => o.origin)).toEqual(full.design.origins);
        const rankIndex = full.summary.ranking.models.indexOf(id);
        full.origins.forEach((block, o) => {
          const served = body.origins[o] as Record<string, unknown>;
          const model = block.models.find((m) => m.id === id);
          const baseline = block.baselines.find((b) => b.id === id);
          const figures = (model ?? baseline)?.metrics as BacktestMetrics;
          expect(served).toEqual({
            origin: block.origin,
            fit: block.fit,
            validation: block.validation,
            forecastOrigins: block.forecastOrigins,
            logReturnStd: block.logReturnStd,
            ...(model
              ? {
                  servedSeed: model.servedSeed,
                  seedValidationRmse: model.seedValidationRmse,
                  intervalMethod: model.intervalMethod,
                  ranks: {
                    rmse: full.summary.ranking.rmse.ranks[o]?.[rankIndex],
                    intervalScore: full.summary.ranking.intervalScore.ranks[o]?.[rankIndex],
                  },
                }
              : {}),
            metrics: cut(figures, horizons),
          });
          expect(backtestMetricsSchema.safeParse(served.metrics).success).toBe(true);
        });
      }
    });

    it('?origin= keeps one origin; another month, two or a malformed one is a 422', async () => {
      const last = full.origins.at(-1);
      const id = ids[0] as string;
      const response = await fetchApi()(
        `/v1/backtest/${encodeURIComponent(id)}?origin=${last?.origin}`,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { origins: { origin: string }[] };
      expect(body.origins.map((o) => o.origin)).toEqual([last?.origin]);

      const notOrigin = await expectProblem(
        await fetchApi()(`/v1/backtest/${encodeURIComponent(id)}?origin=2025-02-01`),
        422,
        /^origin: not an origin of the backtest: \d{4}-01-01/,
      );
      expect(notOrigin.errors).toEqual([{ pointer: '/origin', detail: expect.any(String) }]);
      for (const query of [
        'origin=2025',
        'origin=2025-01-01&origin=2026-01-01',
        'month=2025-01-01',
      ]) {
        const problem = await expectProblem(
          await fetchApi()(`/v1/backtest/${encodeURIComponent(id)}?${query}`),
          422,
          /^query/,
        );
        expect(problem.type).toBe('tag:gatecast,2026:problem:invalid-parameters');
      }
    });

    it('an id outside the backtest is a 404 naming the ones it holds', async () => {
      const problem = await expectProblem(
        await fetchApi()('/v1/backtest/transformer-9000'),
        404,
        new RegExp(`^transformer-9000 is not in the backtest: ${ids[0]}`),
      );
      expect(problem.type).toBe('tag:gatecast,2026:problem:unknown-model');
    });
  });
}

const committed = backtestText === null ? null : parseBacktest(JSON.parse(backtestText));
const bundledCommitted = registryBundle.backtest;

describe('the bundled registry', () => {
  it.runIf(committed === null || (bundledCommitted && 'unavailable' in bundledCommitted))(
    'without a usable backtest.json answers 404 backtest-unavailable on both routes',
    async () => {
      for (const path of ['/v1/backtest', '/v1/backtest/gru-32@relative']) {
        const problem = await expectProblem(await api(path), 404, /^no backtest to serve: /);
        expect(problem.type).toBe('tag:gatecast,2026:problem:backtest-unavailable');
      }
    },
  );
});

if (committed !== null && bundledCommitted && 'text' in bundledCommitted) {
  servesBacktest(
    'the bundled registry’s backtest.json',
    () => api,
    committed,
    bundledCommitted.originHorizons,
  );
}

const small = smallBacktest();
const [smallAtOne, smallAtEvery, smallOnOtherData] = await Promise.all([
  bundle(small, 1),
  bundle(small, 3),
  bundle({ ...small, data: { ...small.data, sha256: '0'.repeat(64) } }, 1),
]);
servesBacktest(
  'a backtest bundled with one horizon per origin',
  () => appWith(smallAtOne),
  small,
  1,
);
servesBacktest('a backtest bundled with every horizon', () => appWith(smallAtEvery), small, 3);

describe('a registry without a usable backtest', () => {
  const tampered = 'text' in smallAtOne ? smallAtOne.text.replace('"rmse":[', '"rmse":[1,') : '';
  const cases: [string, BundledBacktest | undefined, RegExp][] = [
    ['none bundled', undefined, /^no backtest to serve: no backtest was bundled$/],
    [
      'codegen’s reason',
      { unavailable: 'the registry has no backtest.json (npm run backtest writes it)' },
      /^no backtest to serve: the registry has no backtest\.json/,
    ],
    ['another series', smallOnOtherData, /ran on other data than the registry$/],
    [
      'a tampered bundle',
      { ...smallAtOne, text: tampered },
      /^no backtest to serve: the bundled backtest is not the one codegen checked \(sha256\)$/,
    ],
    ['origins not cut as it says', { ...smallAtOne, originHorizons: 2 }, /do not hold 2 horizons$/],
  ];
  for (const [name, bundled, detail] of cases) {
    it(`${name}: 404 backtest-unavailable on both routes, other routes unaffected`, async () => {
      const request = appWith(bundled);
      for (const path of ['/v1/backtest', '/v1/backtest/gru-32@relative?origin=2025-01-01']) {
        const response = await request(path);
        expect(response.headers.get('etag')).toBeNull();
        const problem = await expectProblem(response, 404, detail);
        expect(problem.type).toBe('tag:gatecast,2026:problem:backtest-unavailable');
      }
      const models = await request('/v1/models');
      await models.body?.cancel();
      expect(models.status).toBe(200);
    });
  }
});

describe('the OpenAPI document', () => {
  it('served: its examples are the backtest routes’ own answers', async () => {
    type Operation = {
      responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
    };
    const document = (await (await api('/openapi.json')).json()) as {
      paths: Record<string, { get: Operation }>;
    };
    const example = (path: string, status: number) =>
      Object.values(document.paths[path]?.get.responses[String(status)]?.content ?? {})[0]?.example;
    const available =
      committed !== null && bundledCommitted !== undefined && 'text' in bundledCommitted;
    const summary = await api('/v1/backtest');
    expect(example('/v1/backtest', available ? 200 : 404)).toEqual(await summary.json());
    const unknown = await api('/v1/backtest/transformer-9000');
    expect(example('/v1/backtest/{id}', 404)).toEqual(await unknown.json());
  });

  it('describes both operations, their parameters, caching and problems', () => {
    // The routes' own document: /openapi.json is checked as a whole with every route elsewhere.
    const document = new OpenAPIHono<AppEnv>()
      .route('/v1', backtestRoutes(smallAtOne))
      .getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'backtest', version: '1' },
      }) as unknown as {
      paths: Record<string, { get: Record<string, unknown> }>;
    };
    const summary = document.paths['/v1/backtest']?.get as Record<string, unknown>;
    const perOrigin = document.paths['/v1/backtest/{id}']?.get as Record<string, unknown>;
    expect(summary.operationId).toBe('getBacktest');
    expect(perOrigin.operationId).toBe('getBacktestForecaster');
    const params = (perOrigin.parameters as { name: string; in: string }[]).map(
      (p) => `${p.in}:${p.name}`,
    );
    expect(params).toEqual(expect.arrayContaining(['path:id', 'query:origin']));
    for (const operation of [summary, perOrigin]) {
      const responses = operation.responses as Record<
        string,
        { description: string; headers?: object }
      >;
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '304', '404', '503']));
      expect(responses['200']?.headers).toHaveProperty('ETag');
      expect(responses['404']?.description).toMatch(/backtest-unavailable/);
    }
  });
});
