import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { ModelParamsSchema } from '../schemas/inputs.js';
import { ModelSummarySchema, ModelsResponseSchema } from '../schemas/outputs.js';
import { BASELINE_IDS } from '../serving/baselinePaths.js';
import { findModel } from '../serving/findModel.js';
import { baselineIntervalSummary, summarizeModel } from '../serving/summarizeModel.js';
import { jsonOk, problemResponses } from './openapiSupport.js';

export const listModelsRoute = createRoute({
  method: 'get',
  path: '/models',
  summary: 'Served models and the baselines, with their test metrics and interval scores',
  middleware: [registryCache('registry')] as const,
  responses: {
    ...jsonOk(ModelsResponseSchema, 'Every served model, and the ones refused at load with why.'),
    ...problemResponses(503),
  },
});

export const getModelRoute = createRoute({
  method: 'get',
  path: '/models/{id}',
  summary: 'One served model',
  middleware: [registryCache('registry')] as const,
  request: { params: ModelParamsSchema },
  responses: {
    ...jsonOk(
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
    const { manifest } = state.registry;
    const { served, refused } = state.models.all();
    return c.json(
      {
        defaultModel: manifest.defaultModel,
        models: served.map((m) => summarizeModel(m.entry, manifest)),
        refused,
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
