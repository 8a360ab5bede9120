import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { ModelParamsSchema, ModelsQuerySchema, roleMatches } from '../schemas/inputs.js';
import { ModelSummarySchema, ModelsResponseSchema } from '../schemas/outputs.js';
import { BASELINE_IDS } from '../serving/baselinePaths.js';
import { chooseServedDefault, findModel } from '../serving/findModel.js';
import { baselineIntervalSummary, summarizeModel } from '../serving/summarizeModel.js';
import { ConditionalHeadersSchema, cachedJsonOk, problemResponses } from './openapiSupport.js';

export const listModelsRoute = createRoute({
  method: 'get',
  path: '/models',
  operationId: 'listModels',
  summary: 'Served models and the baselines, with their test metrics and interval scores',
  description:
    'Forecasters by default; `?role=lesson-reproduction` or `?role=all` lists the lesson’s ' +
    'reproduction too. Every model stays reachable by id (`/v1/models/{id}`, `model=`).',
  middleware: [registryCache('registry')] as const,
  request: { query: ModelsQuerySchema, headers: ConditionalHeadersSchema },
  responses: {
    ...cachedJsonOk(
      ModelsResponseSchema,
      'The served models of the requested role, and the ones refused at load with why.',
    ),
    ...problemResponses(422, 503),
  },
});

export const getModelRoute = createRoute({
  method: 'get',
  path: '/models/{id}',
  operationId: 'getModel',
  summary: 'One served model',
  middleware: [registryCache('registry')] as const,
  request: { params: ModelParamsSchema, headers: ConditionalHeadersSchema },
  responses: {
    ...cachedJsonOk(
      ModelSummarySchema,
      'The model: cell, protocol, test metrics (mean ± sd over seeds), interval method and scores.',
    ),
    ...problemResponses(404, 422, 503),
  },
});

/** GET /models and GET /models/{id}. */
export const models = new OpenAPIHono<AppEnv>()
  .openapi(listModelsRoute, (c) => {
    const state = c.var.state();
    const { role } = c.req.valid('query');
    const { manifest } = state.registry;
    const { served, refused } = state.models.all();
    const choice = chooseServedDefault(state);
    const roleOf = new Map(manifest.models.map((m) => [m.id, m.role]));
    const listed = (id: string) => {
      const modelRole = roleOf.get(id);
      return modelRole !== undefined && roleMatches(modelRole, role);
    };
    return c.json(
      {
        defaultModel: choice?.model.entry.id ?? manifest.defaultModel,
        ...(choice?.fallback ? { defaultFallback: choice.fallback } : {}),
        role,
        models: served
          .filter((m) => listed(m.entry.id))
          .map((m) => summarizeModel(m.entry, manifest)),
        refused: refused.filter((r) => listed(r.id)),
        baselines: BASELINE_IDS.map((id) => ({
          id,
          description: manifest.baselines[id].description,
          testRmse: manifest.baselines[id].test.rmse,
          intervalSummary: baselineIntervalSummary(manifest, id),
        })),
      },
      200,
    );
  })
  .openapi(getModelRoute, (c) => {
    const state = c.var.state();
    const model = findModel(state, c.req.valid('param').id);
    return c.json(summarizeModel(model.entry, state.registry.manifest), 200);
  });
