import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { type HealthResponse, HealthResponseSchema } from '../schemas/outputs.js';
import { chooseServedDefault } from '../serving/findModel.js';
import { ConditionalHeadersSchema, cachedJsonOk } from './openapiSupport.js';

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Engine, SIMD, loaded and refused models, the default model, registry version',
  middleware: [registryCache('status')] as const,
  request: { headers: ConditionalHeadersSchema },
  responses: {
    ...cachedJsonOk(
      HealthResponseSchema,
      'Serving: `ok`, or `degraded` when a model is refused (the default may then be another ' +
        'model: `defaultFallback` says why) or wasm fell back.',
      'status',
    ),
    503: {
      description:
        'Nothing can be served: the registry failed its checks, or every model was refused.',
      content: { 'application/json': { schema: HealthResponseSchema } },
    },
  },
});

/** GET /health: answers even when start-up failed; 503 whenever no model can be served. */
export const health = new OpenAPIHono<AppEnv>().openapi(healthRoute, (c) => {
  const startup = c.var.startup;
  if (!startup.ok) {
    const body: HealthResponse = {
      status: 'unavailable',
      engine: {
        name: null,
        preferred: startup.preferredEngine,
        simd: null,
        fallbackReason: null,
        memory: null,
      },
      models: { loaded: [], refused: [] },
      defaultModel: null,
      defaultFallback: null,
      registry: null,
      reason: startup.reason,
    };
    return c.json(body, 503);
  }
  const { engine, registry } = startup.state;
  const { served, refused } = startup.state.models.all();
  const choice = chooseServedDefault(startup.state);
  const engineStatus = {
    name: engine.engine.name,
    preferred: engine.preferred,
    simd: engine.engine.simd,
    fallbackReason: engine.fallbackReason,
    memory: engine.engine.memory(),
  };
  const models = { loaded: served.map((m) => m.entry.id), refused };
  if (!choice) {
    const body: HealthResponse = {
      status: 'unavailable',
      engine: engineStatus,
      models,
      defaultModel: null,
      defaultFallback: null,
      registry: registry.version,
      reason: `every model was refused (${refused.length}); see models.refused`,
    };
    return c.json(body, 503);
  }
  const degraded = refused.length > 0 || engine.fallbackReason !== null;
  const body: HealthResponse = {
    status: degraded ? 'degraded' : 'ok',
    engine: engineStatus,
    models,
    defaultModel: choice.model.entry.id,
    defaultFallback: choice.fallback,
    registry: registry.version,
    reason: null,
  };
  return c.json(body, 200);
});
