import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../appEnv.js';
import { ApiError } from '../http/problem.js';
import { registryCache } from '../http/registryCache.js';
import type { BundledBacktest } from '../registry/bundle.js';
import { type BacktestLoad, type LoadedBacktest, loadBacktest } from '../registry/loadBacktest.js';
import {
  BacktestForecasterResponseSchema,
  BacktestParamsSchema,
  BacktestQuerySchema,
  type BacktestResponse,
  BacktestResponseSchema,
} from '../schemas/backtest.js';
import { cachedJsonOk, problemResponses } from './openapiSupport.js';

const UNAVAILABLE =
  'Without a backtest in the registry (no `models/backtest.json`, or one run on other data than ' +
  'the models), both backtest routes answer 404 `backtest-unavailable` saying why.';

/** The two operations, cached by `cache`. */
function operations(cache: MiddlewareHandler<AppEnv>) {
  const getBacktest = createRoute({
    method: 'get',
    path: '/backtest',
    operationId: 'getBacktest',
    summary:
      'The rolling-origin backtest: pooled figures, tests and ranks of every model and baseline',
    description:
      'Every relative-protocol model refitted at each January origin 2011 .. 2026 on the months ' +
      'before it, beside naive, drift, AR(1) and naiveEwma: their figures pooled over all ' +
      'origins at every horizon, Diebold–Mariano tests against naive and AR(1), the models’ ranks ' +
      'at every origin with Friedman’s test, and at how many origins the lesson’s ordering ' +
      '(SimpleRNN worst, LSTM best) holds. One origin’s figures: GET /v1/backtest/{id}. ' +
      UNAVAILABLE,
    middleware: [cache] as const,
    responses: {
      ...cachedJsonOk(
        BacktestResponseSchema,
        'The backtest: everything but the per-origin blocks.',
      ),
      ...problemResponses(404, 503),
    },
  });

  const getBacktestForecaster = createRoute({
    method: 'get',
    path: '/backtest/{id}',
    operationId: 'getBacktestForecaster',
    summary: 'One model or baseline of the backtest, origin by origin',
    description:
      'Its figures at every origin (`?origin=` for one) at horizons 1 .. `originHorizons`, with ' +
      'the seed and interval method it served there and its rank among the models, beside its ' +
      `pooled figures and tests. ${UNAVAILABLE}`,
    middleware: [cache] as const,
    request: {
      params: BacktestParamsSchema,
      query: BacktestQuerySchema,
    },
    responses: {
      ...cachedJsonOk(
        BacktestForecasterResponseSchema,
        'The forecaster’s figures at each origin, and pooled.',
      ),
      ...problemResponses(404, 422, 503),
    },
  });
  return { getBacktest, getBacktestForecaster };
}

/**
 * GET /backtest and GET /backtest/{id}, serving `bundled` (the registry's backtest as codegen
 * bundled it). It is checked and parsed on the first request, against the registry's series.
 */
export function backtestRoutes(bundled: BundledBacktest | undefined) {
  // The registry's ETag (registry version, engine, models) and the bundled backtest's sha256: a
  // new backtest beside an unchanged registry is a new representation.
  const sha = bundled && 'text' in bundled ? bundled.sha256.slice(0, 16) : undefined;
  const cache = registryCache('registry', {
    etag: (registryEtag) => (sha ? `${registryEtag.slice(0, -1)}-${sha}"` : registryEtag),
  });
  const { getBacktest, getBacktestForecaster } = operations(cache);
  let load: Promise<BacktestLoad> | undefined;
  const loaded = async (dataSha256: string): Promise<LoadedBacktest> => {
    load ??= loadBacktest(bundled, dataSha256);
    const outcome = await load;
    if (!outcome.ok) {
      throw new ApiError('backtest-unavailable', `no backtest to serve: ${outcome.reason}`);
    }
    return outcome.loaded;
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(getBacktest, async (c) => {
      const { backtest, originHorizons } = await loaded(
        c.var.state().registry.manifest.data.sha256,
      );
      const { format: _format, formatVersion: _version, origins: _origins, ...rest } = backtest;
      const body: BacktestResponse = { ...rest, originHorizons };
      return c.json(body, 200);
    })
    .openapi(getBacktestForecaster, async (c) => {
      const { backtest, originHorizons } = await loaded(
        c.var.state().registry.manifest.data.sha256,
      );
      const { id } = c.req.valid('param');
      const { origin } = c.req.valid('query');
      const { summary } = backtest;
      const pooled = summary.forecasters.find((f) => f.id === id);
      if (!pooled) {
        const ids = summary.forecasters.map((f) => f.id).join(', ');
        throw new ApiError('unknown-model', `${id.slice(0, 100)} is not in the backtest: ${ids}`);
      }
      if (origin !== undefined && !backtest.origins.some((o) => o.origin === origin)) {
        const detail = `not an origin of the backtest: ${backtest.design.origins.join(', ')}`;
        throw new ApiError('invalid-parameters', `origin: ${detail}`, {
          errors: [{ pointer: '/origin', detail }],
        });
      }
      const rankOf = summary.ranking.models.indexOf(id);
      const origins = backtest.origins.flatMap((block, index) => {
        if (origin !== undefined && block.origin !== origin) return [];
        const where = {
          origin: block.origin,
          fit: block.fit,
          validation: block.validation,
          forecastOrigins: block.forecastOrigins,
          logReturnStd: block.logReturnStd,
        };
        const model = block.models.find((m) => m.id === id);
        if (model) {
          const rmse = summary.ranking.rmse.ranks[index]?.[rankOf];
          const intervalScore = summary.ranking.intervalScore.ranks[index]?.[rankOf];
          return [
            {
              ...where,
              servedSeed: model.servedSeed,
              seedValidationRmse: model.seedValidationRmse,
              intervalMethod: model.intervalMethod,
              ...(rmse !== undefined && intervalScore !== undefined
                ? { ranks: { rmse, intervalScore } }
                : {}),
              metrics: model.metrics,
            },
          ];
        }
        const baseline = block.baselines.find((b) => b.id === id);
        return baseline ? [{ ...where, metrics: baseline.metrics }] : [];
      });
      return c.json(
        {
          id,
          kind: pooled.kind,
          originHorizons,
          pooled: { metrics: pooled.metrics, dm: pooled.dm },
          origins,
        },
        200,
      );
    });
}
