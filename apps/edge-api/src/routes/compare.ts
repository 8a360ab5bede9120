import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { CompareResponseSchema } from '../schemas/outputs.js';
import { jsonOk, problemResponses } from './openapiSupport.js';

export const compareRoute = createRoute({
  method: 'get',
  path: '/compare',
  summary: 'Every served model’s next-month forecast beside the naive and drift baselines',
  middleware: [registryCache('registry')] as const,
  responses: {
    ...jsonOk(CompareResponseSchema, 'Models in manifest order, then naive and drift.'),
    ...problemResponses(503),
  },
});

/** GET /compare. */
export const compare = new OpenAPIHono<AppEnv>().openapi(compareRoute, (c) => {
  const state = c.var.state();
  const { manifest, latest } = state.registry;
  const models = state.models.all().served.map((m) => ({
    id: m.entry.id,
    kind: 'model' as const,
    forecast: m.canonical.forecast,
    intervals: m.canonical.intervals,
    testRmse: m.entry.test.rmse,
  }));
  const baselines = (['naive', 'drift'] as const).map((id) => ({
    id,
    kind: 'baseline' as const,
    forecast: manifest.baselines[id].forecast,
    intervals: null,
    testRmse: manifest.baselines[id].test.rmse,
  }));
  return c.json(
    {
      asOf: latest.asOf,
      target: latest.target,
      unit: 'points' as const,
      engine: state.engine.engine.name,
      forecasts: [...models, ...baselines],
    },
    200,
  );
});
