import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { registryCache } from '../http/registryCache.js';
import { CompareQuerySchema, roleMatches } from '../schemas/inputs.js';
import { type CompareResponse, CompareResponseSchema } from '../schemas/outputs.js';
import { BASELINE_IDS, BASELINE_INTERVAL_METHODS } from '../serving/baselinePaths.js';
import { servePath } from '../serving/pathResponse.js';
import { baselineIntervalSummary } from '../serving/summarizeModel.js';
import { ConditionalHeadersSchema, cachedJsonOk, problemResponses } from './openapiSupport.js';

export const compareRoute = createRoute({
  method: 'get',
  path: '/compare',
  operationId: 'compareForecasts',
  summary: 'Every served model’s forecast path beside the four baselines’',
  description:
    'From the bundled series’ end: each served model’s path with its served interval method, ' +
    'and naive, drift, AR(1) (empirical quantiles of their fitted-span h-month log errors) and ' +
    'naive with EWMA-volatility Gaussian bands, all at the requested `horizon` and `level`s, ' +
    'each with its test interval scores (`intervalSummary`). Models are the forecasters unless ' +
    '`role` asks for the lesson’s reproduction (`lesson-reproduction`) or `all`.',
  middleware: [registryCache('registry')] as const,
  request: { query: CompareQuerySchema, headers: ConditionalHeadersSchema },
  responses: {
    ...cachedJsonOk(
      CompareResponseSchema,
      'Models of the requested role in manifest order, then the baselines.',
    ),
    ...problemResponses(422, 503),
  },
});

/** GET /compare. */
export const compare = new OpenAPIHono<AppEnv>().openapi(compareRoute, (c) => {
  const state = c.var.state();
  const query = c.req.valid('query');
  const request = { horizon: query.horizon, levels: query.level };
  const { manifest, latest } = state.registry;
  const listed = state.models.all().served.filter((m) => roleMatches(m.entry.role, query.role));
  const models = listed.map((m): CompareResponse['forecasts'][number] => {
    const served = servePath({
      calibration: m.entry.calibration,
      protocol: m.entry.protocol,
      values: m.canonical.values,
      scales: m.canonical.scales,
      asOf: latest.asOf,
      request,
    });
    return {
      id: m.entry.id,
      kind: 'model',
      role: m.entry.role,
      ...served,
      intervalMethod: m.entry.calibration.method,
      testRmse: m.entry.test.rmse,
      intervalSummary: m.entry.intervalSummary,
    };
  });
  const baselines = BASELINE_IDS.map((id): CompareResponse['forecasts'][number] => ({
    id,
    kind: 'baseline',
    description: manifest.baselines[id].description,
    ...state.baselines.serve(id, latest.window, latest.asOf, request),
    intervalMethod: BASELINE_INTERVAL_METHODS[id],
    testRmse: manifest.baselines[id].test.rmse,
    intervalSummary: baselineIntervalSummary(manifest, id),
  }));
  const body: CompareResponse = {
    asOf: latest.asOf,
    target: latest.target,
    horizon: request.horizon,
    levels: [...request.levels].sort((a, b) => a - b),
    role: query.role,
    unit: 'points',
    engine: state.engine.engine.name,
    forecasts: [...models, ...baselines],
  };
  return c.json(body, 200);
});
