/**
 * Response schemas: the OpenAPI document's description of every JSON body the API returns.
 * Handlers build their bodies with these types; values are index points unless named otherwise.
 */
import { CELL_KINDS, INTERVAL_LEVELS, type IntervalLevel, PROTOCOLS } from '@gatecast/core';
import { z } from '@hono/zod-openapi';

/** An object with one `schema` per interval level (`"80"`, `"95"`), as named properties. */
function byLevel<T extends z.ZodType>(schema: T) {
  return z.object(
    Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, schema])) as Record<IntervalLevel, T>,
  );
}

const Month = z
  .string()
  .openapi({ description: 'First of a month, YYYY-MM-01.', example: '2026-06-01' });
const Engine = z
  .enum(['wasm', 'reference'])
  .openapi({ description: 'Engine that computed the numbers.' });
const Unit = z.literal('points').openapi({ description: 'S&P 500 index points.' });

const Band = z.tuple([z.number(), z.number()]).nullable().openapi('Band', {
  description: '[lower, upper] in index points; null when the conformal half-width is infinite.',
});

/** Split-conformal prediction intervals at 80 % and 95 %. */
export const IntervalsSchema = byLevel(Band).openapi('Intervals');

/** One forecast (GET/POST /v1/forecast). */
export const ForecastResponseSchema = z
  .object({
    model: z.string(),
    asOf: Month.nullable().openapi({
      description: 'Last month of the input; null for a bare window.',
    }),
    target: Month.nullable().openapi({ description: 'Month forecast; null for a bare window.' }),
    forecast: z.number().openapi({ description: 'Point forecast of the next monthly close.' }),
    intervals: IntervalsSchema,
    unit: Unit,
    engine: Engine,
  })
  .openapi('Forecast');

/** POST /v1/forecast/batch. */
export const BatchResponseSchema = z
  .object({
    model: z.string(),
    count: z.number().int(),
    forecasts: z.array(z.object({ forecast: z.number(), intervals: IntervalsSchema })),
    unit: Unit,
    engine: Engine,
  })
  .openapi('BatchForecast');

const MeanSd = z.object({ mean: z.number(), sd: z.number() }).openapi('MeanSd');

/** A served model as GET /v1/models lists it. */
export const ModelSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'gru-32@relative' }),
    configName: z.string(),
    cell: z.enum(CELL_KINDS).openapi({ description: 'First recurrent layer’s cell.' }),
    units: z.number().int(),
    layers: z.array(z.object({ cell: z.string(), units: z.number().int() })),
    protocol: z.enum(PROTOCOLS).openapi({
      description: 'reference: raw levels in and out (the lesson); relative: scaled log ratios.',
    }),
    parameterCount: z.number().int(),
    trainedAt: z
      .string()
      .openapi({ description: 'When the registry was written (manifest.createdAt).' }),
    servedSeed: z.number().int(),
    seeds: z
      .number()
      .int()
      .openapi({ description: 'Seeds trained; test metrics are mean ± sd over them.' }),
    test: z.object({ rmse: MeanSd, mae: MeanSd, mase: MeanSd, mape: MeanSd }).openapi({
      description: 'Test metrics over every seed: RMSE/MAE in points, MAPE in %, MASE unitless.',
    }),
    servedTest: z
      .object({ rmse: z.number(), mae: z.number() })
      .openapi({ description: 'The served seed’s test RMSE and MAE, in points.' }),
    intervals: byLevel(z.object({ coverage: z.number(), meanWidth: z.number().nullable() })),
    dmVsNaive: z.object({ statistic: z.number(), pValue: z.number() }).openapi({
      description: 'Diebold–Mariano (HLN) test of the served seed against naive, squared errors.',
    }),
  })
  .openapi('ModelSummary');

/** GET /v1/models. */
export const ModelsResponseSchema = z
  .object({
    defaultModel: z.string(),
    models: z.array(ModelSummarySchema),
    refused: z.array(z.object({ id: z.string(), reason: z.string() })),
  })
  .openapi('Models');

const CompareRow = z.object({
  id: z.string(),
  kind: z.enum(['model', 'baseline']),
  forecast: z.number(),
  intervals: IntervalsSchema.nullable(),
  testRmse: z.number().openapi({ description: 'Test RMSE in points (served seed for models).' }),
});

/** GET /v1/compare. */
export const CompareResponseSchema = z
  .object({
    asOf: Month,
    target: Month,
    unit: Unit,
    engine: Engine,
    forecasts: z.array(CompareRow),
  })
  .openapi('Compare');

/** GET /health. */
export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    engine: z.object({
      name: Engine.nullable(),
      preferred: Engine,
      simd: z.boolean().nullable(),
      fallbackReason: z.string().nullable(),
      memory: z.object({ tensors: z.number().int(), bytes: z.number().int() }).nullable().openapi({
        description: 'Tensors alive on the wasm backend and their bytes; null on reference.',
      }),
    }),
    models: z.object({
      loaded: z.array(z.string()),
      refused: z.array(z.object({ id: z.string(), reason: z.string() })),
    }),
    registry: z
      .object({ formatVersion: z.number(), createdAt: z.string(), dataSha256: z.string() })
      .nullable(),
    reason: z
      .string()
      .nullable()
      .openapi({ description: 'Why nothing is served, when status is unavailable.' }),
  })
  .openapi('Health');

/** RFC 9457 problem details. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'tag:gatecast,2026:problem:invalid-body' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          pointer: z.string().openapi({ description: 'RFC 6901 JSON pointer.' }),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

export type ForecastResponse = z.infer<typeof ForecastResponseSchema>;
export type ModelSummary = z.infer<typeof ModelSummarySchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
