import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { type HealthResponse, HealthResponseSchema } from '../schemas/outputs.js';

const healthContent = { 'application/json': { schema: HealthResponseSchema } };

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Engine, SIMD, loaded and refused models, registry version',
  middleware: [registryCache('status')] as const,
  responses: {
    200: {
      description: 'Serving: `ok`, or `degraded` when a model is refused or wasm fell back.',
      content: healthContent,
    },
    503: {
      description: 'Nothing can be served (the registry failed its checks).',
      content: healthContent,
    },
  },
});

/** GET /health: answers even when start-up failed. */
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
      registry: null,
      reason: startup.reason,
    };
    return c.json(body, 503);
  }
  const { engine, registry } = startup.state;
  const { served, refused } = startup.state.models.all();
  const degraded = refused.length > 0 || engine.fallbackReason !== null;
  const body: HealthResponse = {
    status: degraded ? 'degraded' : 'ok',
    engine: {
      name: engine.engine.name,
      preferred: engine.preferred,
      simd: engine.engine.simd,
      fallbackReason: engine.fallbackReason,
      memory: engine.engine.memory(),
    },
    models: { loaded: served.map((m) => m.entry.id), refused },
    registry: registry.version,
    reason: null,
  };
  return c.json(body, 200);
});
