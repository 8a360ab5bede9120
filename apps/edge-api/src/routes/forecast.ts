import { nextMonth, WINDOW_LENGTH } from '@gatecast/core';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../appEnv.js';
import { jsonBody, MAX_BODY_BYTES } from '../http/jsonBody.js';
import { ApiError } from '../http/problem.js';
import { registryCache } from '../http/registryCache.js';
import {
  BatchRequestSchema,
  ForecastQuerySchema,
  ForecastRequestSchema,
  MAX_BATCH_WINDOWS,
} from '../schemas/inputs.js';
import {
  BatchResponseSchema,
  type ForecastResponse,
  ForecastResponseSchema,
} from '../schemas/outputs.js';
import { findModel } from '../serving/findModel.js';
import { forecastWindows, type PointForecast } from '../serving/forecastWindows.js';
import type { ServedModel } from '../serving/servingState.js';
import { jsonOk, problemResponses } from './openapiSupport.js';

const jsonRequest = <T>(schema: T, description: string) => ({
  required: true,
  description: `${description} At most ${MAX_BODY_BYTES / 1024} KiB of application/json.`,
  content: { 'application/json': { schema } },
});

export const getForecastRoute = createRoute({
  method: 'get',
  path: '/forecast',
  summary: 'Next month’s forecast from the latest 12 months',
  description:
    'The forecast each model makes of the month after the series’ last, computed once at load.',
  middleware: [registryCache('registry')] as const,
  request: { query: ForecastQuerySchema },
  responses: {
    ...jsonOk(ForecastResponseSchema, 'The forecast with 80 % and 95 % conformal intervals.'),
    ...problemResponses(400, 404, 503),
  },
});

export const postForecastRoute = createRoute({
  method: 'post',
  path: '/forecast',
  summary: 'Forecast the month after a window or a history you send',
  description:
    'With `history` the response names the months (`asOf` = its last date, `target` = the month ' +
    'after); with a bare `window` both are null.',
  middleware: [jsonBody()] as const,
  request: { body: jsonRequest(ForecastRequestSchema, 'A window or a history.') },
  responses: {
    ...jsonOk(ForecastResponseSchema, 'The forecast with 80 % and 95 % conformal intervals.'),
    ...problemResponses(400, 404, 413, 415, 422, 503),
  },
});

export const postBatchRoute = createRoute({
  method: 'post',
  path: '/forecast/batch',
  summary: `Forecast up to ${MAX_BATCH_WINDOWS} windows in one pass`,
  middleware: [jsonBody()] as const,
  request: { body: jsonRequest(BatchRequestSchema, `1 to ${MAX_BATCH_WINDOWS} windows.`) },
  responses: {
    ...jsonOk(BatchResponseSchema, 'One forecast per window, in order.'),
    ...problemResponses(400, 404, 413, 415, 422, 503),
  },
});

/** Refuses a forecast that is not a finite number (a window far outside anything trained on). */
function checkFinite(results: PointForecast[]): PointForecast[] {
  const index = results.findIndex((r) => !Number.isFinite(r.forecast));
  if (index >= 0) {
    throw new ApiError(
      'forecast-not-finite',
      `the forecast for window ${index} is not a finite number`,
    );
  }
  return results;
}

function checkWindowLength(model: ServedModel): void {
  if (model.entry.spec.windowLength !== WINDOW_LENGTH) {
    throw new ApiError(
      'model-unavailable',
      `model ${model.entry.id} reads ${model.entry.spec.windowLength}-month windows; this API sends ${WINDOW_LENGTH}`,
    );
  }
}

function forecastBody(
  model: ServedModel,
  engine: ForecastResponse['engine'],
  result: PointForecast,
  months: { asOf: string; target: string } | null,
): ForecastResponse {
  return {
    model: model.entry.id,
    asOf: months?.asOf ?? null,
    target: months?.target ?? null,
    forecast: result.forecast,
    intervals: result.intervals,
    unit: 'points',
    engine,
  };
}

/** GET /forecast, POST /forecast and POST /forecast/batch. */
export const forecast = new OpenAPIHono<AppEnv>()
  .openapi(getForecastRoute, (c) => {
    const state = c.var.state();
    const model = findModel(state, c.req.valid('query').model);
    const { asOf, target } = state.registry.latest;
    return c.json(
      forecastBody(model, state.engine.engine.name, model.canonical, { asOf, target }),
      200,
    );
  })
  .openapi(postForecastRoute, (c) => {
    const state = c.var.state();
    const body = c.req.valid('json');
    const model = findModel(state, body.model);
    checkWindowLength(model);
    let window: number[];
    let months: { asOf: string; target: string } | null = null;
    if (body.history) {
      const recent = body.history.slice(-WINDOW_LENGTH);
      window = recent.map((point) => point.close);
      const asOf = recent[recent.length - 1]?.date as string;
      months = { asOf, target: nextMonth(asOf) };
    } else {
      window = body.window as number[];
    }
    const [result] = checkFinite(forecastWindows(model, [window]));
    return c.json(
      forecastBody(model, state.engine.engine.name, result as PointForecast, months),
      200,
    );
  })
  .openapi(postBatchRoute, (c) => {
    const state = c.var.state();
    const body = c.req.valid('json');
    const model = findModel(state, body.model);
    checkWindowLength(model);
    const results = checkFinite(forecastWindows(model, body.windows));
    return c.json(
      {
        model: model.entry.id,
        count: results.length,
        forecasts: results.map(({ forecast, intervals }) => ({ forecast, intervals })),
        unit: 'points' as const,
        engine: state.engine.engine.name,
      },
      200,
    );
  });
