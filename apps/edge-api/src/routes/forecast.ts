import { nextMonth, WINDOW_LENGTH } from '@gatecast/core';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { jsonBody, MAX_BODY_BYTES } from '../http/jsonBody.js';
import { ApiError, problemType } from '../http/problem.js';
import { registryCache } from '../http/registryCache.js';
import {
  BatchEnvelopeSchema,
  BatchRequestSchema,
  ForecastQuerySchema,
  ForecastRequestSchema,
  MAX_BATCH_WINDOWS,
} from '../schemas/inputs.js';
import {
  type BatchResponse,
  BatchResponseSchema,
  type ForecastResponse,
  ForecastResponseSchema,
} from '../schemas/outputs.js';
import { forecastBatch } from '../serving/batchForecast.js';
import { defaultFallbackOf, findModel } from '../serving/findModel.js';
import { calibrateOnHistory, HISTORY_CALIBRATION_MONTHS } from '../serving/historyCalibration.js';
import { modelPaths } from '../serving/modelPaths.js';
import { type PathRequest, type ServedPath, servePath } from '../serving/pathResponse.js';
import type { ServedModel } from '../serving/servingState.js';
import {
  ConditionalHeadersSchema,
  cachedJsonOk,
  jsonOk,
  problemResponses,
} from './openapiSupport.js';

const jsonRequest = <T>(schema: T, description: string) => ({
  required: true,
  description: `${description} At most ${MAX_BODY_BYTES / 1024} KiB of application/json.`,
  content: { 'application/json': { schema } },
});

const FORECAST_DESCRIPTION =
  'A path of `horizon` months (default 1) with quantiles at each requested `level` (default 80 ' +
  'and 95), from the model’s served interval method; `forecast` and `intervals` repeat the first ' +
  'month.';

export const getForecastRoute = createRoute({
  method: 'get',
  path: '/forecast',
  operationId: 'getForecast',
  summary: 'Forecast the months after the bundled series, from its latest 12 months',
  description:
    `${FORECAST_DESCRIPTION} The path from the series’ end is computed once at load; the ` +
    'quantiles use the registry’s calibration as of that month.',
  middleware: [registryCache('registry')] as const,
  request: { query: ForecastQuerySchema, headers: ConditionalHeadersSchema },
  responses: {
    ...cachedJsonOk(ForecastResponseSchema, 'The forecast path with its quantiles.'),
    ...problemResponses(404, 422, 503),
  },
});

export const postForecastRoute = createRoute({
  method: 'post',
  path: '/forecast',
  operationId: 'postForecast',
  summary: 'Forecast the months after a window or a history you send',
  description:
    `${FORECAST_DESCRIPTION} With \`history\` the response names the months (\`asOf\` = its ` +
    'last date, `target` = the month after); with a bare `window` both are null. A history of ' +
    `at least ${HISTORY_CALIBRATION_MONTHS} months calibrates the served interval method on its ` +
    'own errors (`calibration: "history"`); otherwise the registry’s calibration is used.',
  middleware: [jsonBody()] as const,
  request: { body: jsonRequest(ForecastRequestSchema, 'A window or a history.') },
  responses: {
    ...jsonOk(ForecastResponseSchema, 'The forecast path with its quantiles.'),
    ...problemResponses(400, 404, 413, 415, 422, 503),
  },
});

/** POST /forecast/batch as the document describes it (every item a `BatchItem`). */
export const postBatchRoute = createRoute({
  method: 'post',
  path: '/forecast/batch',
  operationId: 'postForecastBatch',
  summary: `Forecast up to ${MAX_BATCH_WINDOWS} windows or histories in one pass, each with your id`,
  description:
    'Each item is a `window` or a `history`, with an optional `id` echoed back; `horizon` and ' +
    '`levels` apply to every item. Items are checked one by one: an item that is not valid, or ' +
    'whose forecast is not finite, gets its own RFC 9457 problem in `results` (`{ id, error }`) ' +
    'and the others are forecast; the request fails (422) only when its envelope does (no or ' +
    `too many items, a bad horizon or levels, an unknown field). Every valid item’s path advances in the ` +
    'same engine call, one call per month. Quantiles use the registry’s calibration, also for a ' +
    `history of ${HISTORY_CALIBRATION_MONTHS} months or more (a history that calibrates itself ` +
    'costs W + h windows: send it to POST /v1/forecast).',
  middleware: [jsonBody()] as const,
  request: { body: jsonRequest(BatchRequestSchema, `1 to ${MAX_BATCH_WINDOWS} items.`) },
  responses: {
    ...jsonOk(BatchResponseSchema, 'One result per item, in order: a forecast or a problem.'),
    ...problemResponses(400, 404, 413, 415, 422, 503),
  },
});

/**
 * The route the handler is registered with: the same, but validating only the envelope
 * (`BatchEnvelopeSchema`), so that each item is validated on its own by `forecastBatch`. Hidden
 * from the document, which shows {@link postBatchRoute}.
 */
const postBatchEnvelopeRoute = {
  ...postBatchRoute,
  hide: true,
  request: { body: jsonRequest(BatchEnvelopeSchema, `1 to ${MAX_BATCH_WINDOWS} items.`) },
};

function checkWindowLength(model: ServedModel): void {
  if (model.entry.spec.windowLength !== WINDOW_LENGTH) {
    throw new ApiError(
      'model-unavailable',
      `model ${model.entry.id} reads ${model.entry.spec.windowLength}-month windows; this API sends ${WINDOW_LENGTH}`,
    );
  }
}

/** The levels a response lists: the requested ones, ascending. */
function servedLevels(request: PathRequest): number[] {
  return [...request.levels].sort((a, b) => a - b);
}

function forecastBody(options: {
  model: ServedModel;
  engine: ForecastResponse['engine'];
  served: ServedPath;
  request: PathRequest;
  asOf: string | null;
  calibration: ForecastResponse['calibration'];
}): ForecastResponse {
  const { model, served, request, asOf } = options;
  return {
    model: model.entry.id,
    role: model.entry.role,
    asOf,
    target: asOf === null ? null : nextMonth(asOf),
    forecast: served.forecast,
    intervals: served.intervals,
    horizon: request.horizon,
    levels: servedLevels(request),
    path: served.path,
    intervalMethod: model.entry.calibration.method,
    calibration: options.calibration,
    ...(served.clampedAtZero === undefined ? {} : { clampedAtZero: served.clampedAtZero }),
    unit: 'points',
    engine: options.engine,
  };
}

/**
 * A path served with a history's own calibration, or `undefined` when its bounds are not finite:
 * a history whose volatility all but vanishes for a while (months of constant closes) makes the
 * `volatility` method's scores, errors divided by that volatility, astronomically large. The
 * registry's calibration serves such a history instead, and the response says so.
 */
function servedOrUndefined(serve: () => ServedPath): ServedPath | undefined {
  try {
    return serve();
  } catch (error) {
    if (error instanceof ApiError && error.problem.type === problemType('forecast-not-finite')) {
      return undefined;
    }
    throw error;
  }
}

/** GET /forecast, POST /forecast and POST /forecast/batch. */
export const forecast = new OpenAPIHono<AppEnv>()
  .openapi(getForecastRoute, (c) => {
    const state = c.var.state();
    const query = c.req.valid('query');
    const model = findModel(state, query.model);
    const request = { horizon: query.horizon, levels: query.level };
    const { asOf } = state.registry.latest;
    const served = servePath({
      calibration: model.entry.calibration,
      protocol: model.entry.protocol,
      values: model.canonical.values,
      scales: model.canonical.scales,
      asOf,
      request,
    });
    const engine = state.engine.engine.name;
    return c.json(
      {
        ...forecastBody({ model, engine, served, request, asOf, calibration: 'registry' }),
        ...defaultFallbackOf(state, query.model),
      },
      200,
    );
  })
  .openapi(postForecastRoute, (c) => {
    const state = c.var.state();
    const body = c.req.valid('json');
    const model = findModel(state, body.model);
    checkWindowLength(model);
    const request = { horizon: body.horizon, levels: body.levels };
    const engine = state.engine.engine.name;
    const { calibration, protocol } = model.entry;
    if (body.history && body.history.length >= HISTORY_CALIBRATION_MONTHS) {
      const values = body.history.map((point) => point.close);
      const fitted = calibrateOnHistory({ model, values, calibration, horizon: request.horizon });
      const asOf = body.history[body.history.length - 1]?.date as string;
      const serve = (using: typeof calibration) =>
        servePath({ calibration: using, protocol, ...fitted.live, asOf, request });
      const ownCalibration = fitted.calibration;
      const own = ownCalibration && servedOrUndefined(() => serve(ownCalibration));
      const served = own ?? serve(calibration);
      const source = own ? 'history' : 'registry';
      return c.json(
        {
          ...forecastBody({ model, engine, served, request, asOf, calibration: source }),
          ...defaultFallbackOf(state, body.model),
        },
        200,
      );
    }
    let window: number[];
    let asOf: string | null = null;
    if (body.history) {
      const recent = body.history.slice(-WINDOW_LENGTH);
      window = recent.map((point) => point.close);
      asOf = recent[recent.length - 1]?.date as string;
    } else {
      window = body.window as number[];
    }
    const paths = modelPaths(model, [window], request.horizon);
    const served = servePath({
      calibration,
      protocol,
      values: paths.values[0] as number[],
      scales: paths.scales?.[0],
      asOf,
      request,
    });
    return c.json(
      {
        ...forecastBody({ model, engine, served, request, asOf, calibration: 'registry' }),
        ...defaultFallbackOf(state, body.model),
      },
      200,
    );
  })
  .openapi(postBatchEnvelopeRoute, (c) => {
    const state = c.var.state();
    const body = c.req.valid('json');
    const model = findModel(state, body.model);
    checkWindowLength(model);
    const request = { horizon: body.horizon, levels: body.levels };
    const results = forecastBatch({ model, items: body.items, request });
    const response: BatchResponse = {
      model: model.entry.id,
      role: model.entry.role,
      count: results.length,
      failed: results.filter((r) => 'error' in r).length,
      horizon: request.horizon,
      levels: servedLevels(request),
      intervalMethod: model.entry.calibration.method,
      calibration: 'registry',
      results,
      unit: 'points',
      engine: state.engine.engine.name,
      ...defaultFallbackOf(state, body.model),
    };
    return c.json(response, 200);
  });

// The document's description of the batch route (the handler above validates items itself).
const { middleware: _middleware, ...documentedBatchRoute } = postBatchRoute;
forecast.openAPIRegistry.registerPath(documentedBatchRoute);
