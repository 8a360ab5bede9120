/**
 * Response schemas: the OpenAPI document's description of every JSON body the API returns.
 * Handlers build their bodies with these types; values are index points unless named otherwise.
 */
import {
  CELL_KINDS,
  INTERVAL_LEVELS,
  type IntervalLevel,
  MAX_HORIZON,
  MODEL_ROLES,
  PROTOCOLS,
  SERVABLE_INTERVAL_METHODS,
} from '@gatecast/core';
import { z } from '@hono/zod-openapi';
import { PROBLEMS, type ProblemSlug, problemType } from '../http/problem.js';
import { HISTORY_CALIBRATION_MONTHS } from '../serving/historyCalibration.js';
import { ROLE_FILTERS } from './inputs.js';

/** An object with one `schema` per registry interval level (`"80"`, `"95"`), as named properties. */
function byLevel<T extends z.ZodType>(schema: T) {
  return z.object(
    Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, schema])) as Record<IntervalLevel, T>,
  );
}

const Month = z.string().openapi({
  description: 'First of a month, YYYY-MM-01, with a four-digit year.',
  format: 'date',
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-01$',
});
const Engine = z
  .enum(['wasm', 'reference'])
  .openapi({ description: 'Engine that computed the numbers.' });
const Unit = z.literal('points').openapi({ description: 'S&P 500 index points.' });
/** Present when the request named no model and the registry's default is not served. */
const DefaultFallback = z
  .object({
    requested: z.string().openapi({ description: 'The registry’s default model.' }),
    reason: z.string().openapi({ description: 'Why it is not served.' }),
  })
  .openapi('DefaultFallback', {
    description:
      'The registry’s default model is refused, so the default served is the best remaining ' +
      'one by the trainer’s rule (the gated forecaster with the lowest validation RMSE, then ' +
      'the best forecaster, then the best of all): `model` names it.',
  });
const Role = z.enum(MODEL_ROLES).openapi('ModelRole', {
  description:
    'What the model is for. `forecaster`: meant to forecast (the scale-free relative protocol). ' +
    '`lesson-reproduction`: the lesson’s protocol reproduced faithfully on raw index levels, kept ' +
    'to show what it gives (a nearly flat forecast far below the index, bands reaching below ' +
    'zero): not a forecast to use.',
  example: 'forecaster',
});
const RoleFilter = z
  .enum(ROLE_FILTERS)
  .openapi({ description: 'The `role` filter the listing applied (`?role=`).' });

const Band = z.tuple([z.number(), z.number()]).openapi('Band', {
  description: '[lower, upper] in index points: finite, and positive for relative-protocol models.',
  example: [7333.1, 7794.51],
});

/** Central intervals keyed by level in percent: the requested levels. */
export const IntervalsSchema = z.record(z.string(), Band).openapi('Intervals', {
  description:
    'The first month’s central intervals, keyed by level in percent (`"80"`), one per ' +
    'requested level: the same bounds as `path[0].quantiles`.',
  example: { '80': [7333.1, 7794.51], '95': [7054.45, 7918.99] },
});

/** Quantiles keyed by probability: two per requested level, ascending. */
export const QuantilesSchema = z.record(z.string(), z.number()).openapi('Quantiles', {
  description:
    'Bounds in index points keyed by their quantile probability as a decimal string: level l ' +
    'gives `(100 − l)/200` and `(100 + l)/200` (`"0.1"` and `"0.9"` at 80, `"0.025"` and ' +
    '`"0.975"` at 95). Lowest probability first.',
  example: { '0.025': 7054.45, '0.1': 7333.1, '0.9': 7794.51, '0.975': 7918.99 },
});

/** One month of a forecast path. */
export const PathPointSchema = z
  .object({
    horizon: z
      .number()
      .int()
      .min(1)
      .max(MAX_HORIZON)
      .openapi({ description: 'Months after the origin (the input’s last month).', example: 1 }),
    target: Month.nullable().openapi({
      description: 'The month forecast; null for a bare window.',
    }),
    forecast: z.number().openapi({ description: 'Point forecast, index points.' }),
    quantiles: QuantilesSchema,
    calibrationSize: z
      .number()
      .int()
      .optional()
      .openapi({
        description:
          'Models: how many conformal scores this horizon’s quantiles were taken from. A level ' +
          'needs at least l/(100 − l) of them (4 at 80, 19 at 95, 99 at 99).',
      }),
    rankClipped: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Models: true when a level needed more scores than the calibration held; its bounds ' +
          'are then the most extreme score’s, finite but without the finite-sample guarantee.',
      }),
  })
  .openapi('PathPoint');

const Path = z.array(PathPointSchema).openapi({
  description: 'One entry per month, h = 1 .. horizon; path[0] is the first month’s forecast.',
});

const IntervalMethod = z.enum(SERVABLE_INTERVAL_METHODS).openapi({
  description:
    'The model’s served interval method, chosen on validation months: `static` (split-conformal ' +
    'on the validation tail), `rolling` (conformal on the last W months’ errors), `volatility` ' +
    '(errors per EWMA volatility, conformalised), `learnedScale` (errors per the model’s own ' +
    'predicted scale, conformalised).',
});

const CalibrationSource = z.enum(['registry', 'history']).openapi({
  description:
    '`history`: the served method was run over the posted history’s own errors (a history of ' +
    `at least ${HISTORY_CALIBRATION_MONTHS} months); \`registry\`: the registry’s calibration as of the bundled series’ end ` +
    '(GET, a bare window, a batch, or a shorter history).',
});

const ClampedAtZero = z
  .boolean()
  .optional()
  .openapi({
    description:
      'Reference-protocol models only (raw levels, additive bands): true when a lower bound ' +
      'along the path fell below 0 and was raised to 0.',
  });

const Horizon = z.number().int().min(1).max(MAX_HORIZON).openapi({ example: 1 });
const Levels = z
  .array(z.number().int())
  .openapi({ description: 'The levels served, ascending, in percent.', example: [80, 95] });

/** One forecast (GET/POST /v1/forecast). */
export const ForecastResponseSchema = z
  .object({
    model: z.string(),
    role: Role,
    asOf: Month.nullable().openapi({
      description: 'Last month of the input; null for a bare window.',
    }),
    target: Month.nullable().openapi({
      description: 'First month forecast; null for a bare window.',
    }),
    forecast: z.number().openapi({ description: 'Point forecast of the next monthly close.' }),
    intervals: IntervalsSchema,
    horizon: Horizon,
    levels: Levels,
    path: Path,
    intervalMethod: IntervalMethod,
    calibration: CalibrationSource,
    clampedAtZero: ClampedAtZero,
    unit: Unit,
    engine: Engine,
    defaultFallback: DefaultFallback.optional(),
  })
  .openapi('Forecast');

const LevelScores = z
  .object({
    coverage: z.number().openapi({ description: 'Share of the test targets inside.' }),
    meanWidth: z.number().openapi({ description: 'Mean width, index points.' }),
    intervalScore: z.number().openapi({
      description: 'Mean interval (Winkler) score, index points: lower is better.',
    }),
  })
  .openapi('LevelScores');

const HorizonSummary = z
  .object({
    horizon: z.number().int(),
    months: z.number().int().openapi({ description: 'Test forecast origins scored.' }),
    levels: byLevel(LevelScores),
  })
  .openapi('HorizonSummary');

/** A model's or baseline's interval scores, test months, at 80 and 95 per horizon. */
export const IntervalSummarySchema = z
  .object({
    method: z.string().openapi({
      description:
        'Models: the served interval method. Baselines: `empiricalQuantiles` (of fitted-span ' +
        'h-month log errors) or `ewmaGaussian` (σ·√h, RiskMetrics λ = 0.94).',
    }),
    test: z.array(HorizonSummary).openapi({ description: 'h = 1 .. 12.' }),
    dmVsBestBaseline: byLevel(
      z.object({ baseline: z.string(), statistic: z.number(), pValue: z.number() }),
    )
      .optional()
      .openapi({
        description:
          'Models: HLN Diebold–Mariano test of the h = 1 test interval scores against the ' +
          'baseline with the lowest one (negative: the model scores lower).',
      }),
  })
  .openapi('IntervalSummary');

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
    role: Role,
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
    intervalMethod: IntervalMethod,
    intervalSummary: IntervalSummarySchema,
    dmVsNaive: z.object({ statistic: z.number(), pValue: z.number() }).openapi({
      description: 'Diebold–Mariano (HLN) test of the served seed against naive, squared errors.',
    }),
  })
  .openapi('ModelSummary');

/** GET /v1/models. */
export const ModelsResponseSchema = z
  .object({
    defaultModel: z.string().openapi({
      description:
        'The model served when a request names none: the registry’s default, or the best ' +
        'remaining one when that is refused (then `defaultFallback` says why).',
    }),
    defaultFallback: DefaultFallback.optional(),
    role: RoleFilter,
    models: z.array(ModelSummarySchema).openapi({
      description: 'The served models of the requested role, in manifest order.',
    }),
    refused: z.array(z.object({ id: z.string(), reason: z.string() })),
    baselines: z.array(
      z.object({
        id: z.enum(['naive', 'drift', 'ar1', 'naiveEwma']),
        description: z.string(),
        testRmse: z.number().openapi({ description: 'h = 1 test RMSE, index points.' }),
        intervalSummary: IntervalSummarySchema,
      }),
    ),
  })
  .openapi('Models');

const CompareRow = z
  .object({
    id: z.string(),
    kind: z.enum(['model', 'baseline']),
    role: Role.optional().openapi({ description: 'Models only: what the model is for.' }),
    description: z.string().optional().openapi({ description: 'Baselines: what they forecast.' }),
    forecast: z.number(),
    intervals: IntervalsSchema,
    path: Path,
    clampedAtZero: ClampedAtZero,
    intervalMethod: z.string().openapi({
      description:
        'Models: the served interval method; baselines: `empiricalQuantiles` or `ewmaGaussian`.',
    }),
    testRmse: z.number().openapi({ description: 'Test RMSE in points (served seed for models).' }),
    intervalSummary: IntervalSummarySchema,
  })
  .openapi('CompareRow');

/** GET /v1/compare. */
export const CompareResponseSchema = z
  .object({
    asOf: Month,
    target: Month,
    horizon: Horizon,
    levels: Levels,
    role: RoleFilter,
    unit: Unit,
    engine: Engine,
    forecasts: z.array(CompareRow),
  })
  .openapi('Compare');

/** GET /health. */
export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']).openapi({
      description:
        '`ok`; `degraded` (200) when a model is refused or wasm fell back; `unavailable` (503) ' +
        'when nothing can be served: the registry failed its checks or every model was refused.',
    }),
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
    defaultModel: z
      .string()
      .nullable()
      .openapi({
        description:
          'The model served when a request names none (null when nothing can be served): the ' +
          'registry’s default, or the best remaining one when that is refused.',
      }),
    // A union, not .nullable(): on a named schema zod-to-openapi drops the null (a bare $ref).
    defaultFallback: z.union([DefaultFallback, z.null()]),
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
    type: z.enum(Object.keys(PROBLEMS).map((slug) => problemType(slug as ProblemSlug))).openapi({
      description: 'Tag URI naming the problem (RFC 4151), `tag:gatecast,2026:problem:<slug>`.',
      example: 'tag:gatecast,2026:problem:invalid-body',
    }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
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

/** One batch item's forecast: its id, the months it names, its path. */
const BatchForecast = z
  .object({
    id: z.string().optional().openapi({ description: 'The item’s id, when it sent one.' }),
    asOf: Month.nullable().openapi({
      description: 'Last month of the item’s history; null for a bare window.',
    }),
    target: Month.nullable().openapi({
      description: 'First month forecast; null for a bare window.',
    }),
    forecast: z.number().openapi({ description: 'Point forecast of the first month.' }),
    intervals: IntervalsSchema,
    path: Path,
    clampedAtZero: ClampedAtZero,
  })
  .openapi('BatchForecast');

/** One batch item that could not be forecast: its id and its own problem. */
const BatchFailure = z
  .object({
    id: z.string().optional().openapi({ description: 'The item’s id, when it sent a valid one.' }),
    error: ProblemSchema.openapi({
      description:
        'Why this item has no forecast, as RFC 9457 problem details: `invalid-item` (with ' +
        'JSON pointers from the request’s root, `/items/3/window/2`) or `forecast-not-finite`.',
    }),
  })
  .openapi('BatchFailure');

/** POST /v1/forecast/batch. */
export const BatchResponseSchema = z
  .object({
    model: z.string(),
    role: Role,
    count: z.number().int().openapi({ description: 'Items in the request (and in `results`).' }),
    failed: z.number().int().openapi({ description: 'Items answered with an `error`.' }),
    horizon: Horizon,
    levels: Levels,
    intervalMethod: IntervalMethod,
    calibration: CalibrationSource,
    results: z.array(z.union([BatchForecast, BatchFailure])).openapi({
      description: 'One entry per item, in the request’s order: its forecast, or `{ id?, error }`.',
    }),
    unit: Unit,
    engine: Engine,
    defaultFallback: DefaultFallback.optional(),
  })
  .openapi('BatchResponse');

export type ForecastResponse = z.infer<typeof ForecastResponseSchema>;
export type PathPoint = z.infer<typeof PathPointSchema>;
export type BatchResponse = z.infer<typeof BatchResponseSchema>;
export type CompareResponse = z.infer<typeof CompareResponseSchema>;
export type IntervalSummary = z.infer<typeof IntervalSummarySchema>;
export type ModelSummary = z.infer<typeof ModelSummarySchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
