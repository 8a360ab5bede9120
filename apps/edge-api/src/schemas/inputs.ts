/**
 * Request schemas: everything a client sends is checked here before it reaches a model. Objects are
 * strict (an unknown field is an error) and every message names what is wrong in words a client
 * can act on; the app turns failures into problem details with one JSON pointer per issue.
 */

import {
  INTERVAL_LEVELS,
  MAX_HORIZON,
  MODEL_ROLES,
  type ModelRole,
  monthsBetween,
  WINDOW_LENGTH,
} from '@gatecast/core';
import { z } from '@hono/zod-openapi';
import { HISTORY_CALIBRATION_MONTHS } from '../serving/historyCalibration.js';

/** Most items (windows or histories) one batch request may carry. */
export const MAX_BATCH_WINDOWS = 256;
/**
 * Most months a history may carry (100 years); the last 12 are the window, and a history of at
 * least {@link HISTORY_CALIBRATION_MONTHS} calibrates the intervals on its own errors.
 */
export const MAX_HISTORY_MONTHS = 1200;
/** Lowest and highest interval level a request may ask for, in percent. */
export const MIN_LEVEL = 50;
export const MAX_LEVEL = 99;
/** Most distinct levels one request may ask for. */
export const MAX_LEVELS = 9;
/** Levels served when a request names none, in percent: the registry's (80 and 95). */
export const DEFAULT_LEVELS: readonly number[] = INTERVAL_LEVELS.map(Number);
/** Months forecast when a request names no horizon. */
export const DEFAULT_HORIZON = 1;

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

function requiredOr(input: unknown, otherwise: string): string {
  return input === undefined ? 'is required' : otherwise;
}

/** Names unknown fields of a strict object; leaves other messages to the field schemas. */
const strictError = {
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown field${issue.keys && issue.keys.length > 1 ? 's' : ''}: ${(issue.keys ?? []).join(', ')}`;
    }
    if (issue.code === 'invalid_type') return `must be an object, not ${describe(issue.input)}`;
    return undefined;
  },
};

/** A monthly close in index points: a finite number > 0. */
export const CloseSchema = z
  .number({
    error: (issue) =>
      requiredOr(
        issue.input,
        typeof issue.input === 'number'
          ? `must be a finite number, not ${String(issue.input)}`
          : `must be a number, not ${describe(issue.input)}`,
      ),
  })
  .positive({ error: 'must be a positive index level (> 0)' })
  .openapi({ description: 'A monthly close, in index points (finite, > 0).', example: 7412.55 });

/** `[12]` consecutive monthly closes, oldest first, in index points. */
export const WindowSchema = z
  .array(CloseSchema, {
    error: (issue) =>
      requiredOr(issue.input, `must be an array of numbers, not ${describe(issue.input)}`),
  })
  .length(WINDOW_LENGTH, {
    error: (issue) =>
      `must hold exactly ${WINDOW_LENGTH} monthly closes, got ${Array.isArray(issue.input) ? issue.input.length : 0}`,
  })
  .openapi('Window', {
    description: `${WINDOW_LENGTH} consecutive monthly closes in index points, oldest first.`,
    // `.length()` does not reach the document on its own.
    minItems: WINDOW_LENGTH,
    maxItems: WINDOW_LENGTH,
    example: [
      6029.95, 6296.5, 6408.95, 6584.02, 6735.69, 6740.89, 6853.03, 6929.12, 6893.81, 6654.42,
      6957.01, 7412.55,
    ],
  });

/** A model id from GET /v1/models, e.g. `gru-32@relative`. */
export const ModelIdSchema = z
  .string({
    error: (issue) => requiredOr(issue.input, `must be a string, not ${describe(issue.input)}`),
  })
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' })
  .openapi('ModelId', {
    description:
      'A served model’s id (GET /v1/models); the default model when omitted. The document lists ' +
      'the ids served when it was built; an id the registry does not list is a 404, a refused ' +
      'one a 503.',
    example: 'gru-32@relative',
  });

const MonthSchema = z
  .string({
    error: (issue) =>
      requiredOr(issue.input, `must be a date string, not ${describe(issue.input)}`),
  })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, { error: 'must be the first of a month, YYYY-MM-01' });

/** One month of history: a first-of-month date and its close. */
export const HistoryPointSchema = z
  .strictObject({ date: MonthSchema, close: CloseSchema }, strictError)
  .openapi('HistoryPoint', { example: { date: '2026-05-01', close: 7412.55 } });

/** At least 12 consecutive months, oldest first; the last 12 are the window. */
export const HistorySchema = z
  .array(HistoryPointSchema, {
    error: (issue) =>
      requiredOr(issue.input, `must be an array of {date, close}, not ${describe(issue.input)}`),
  })
  .min(WINDOW_LENGTH, {
    error: (issue) =>
      `must hold at least ${WINDOW_LENGTH} consecutive months, got ${Array.isArray(issue.input) ? issue.input.length : 0}`,
  })
  .max(MAX_HISTORY_MONTHS, { error: `must hold at most ${MAX_HISTORY_MONTHS} months` })
  .superRefine((history, ctx) => {
    for (let i = 1; i < history.length; i++) {
      const previous = history[i - 1]?.date as string;
      const date = history[i]?.date as string;
      if (monthsBetween(previous, date) !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'date'],
          message: `must be the month after ${previous} (months must be consecutive, oldest first)`,
        });
        return;
      }
    }
  })
  .openapi({ description: `At least ${WINDOW_LENGTH} consecutive months, oldest first.` });

/** A whole number in [min, max], with messages a client can act on. */
function wholeNumber(name: string, min: number, max: number) {
  const range = `a whole number from ${min} to ${max}`;
  return z
    .number({
      error: (issue) =>
        requiredOr(
          issue.input,
          typeof issue.input === 'string'
            ? `must be ${range}, not ${JSON.stringify(issue.input.slice(0, 20))}`
            : `must be ${range}, not ${describe(issue.input)}`,
        ),
    })
    .int({ error: (issue) => `must be ${range}, not ${String(issue.input)}` })
    .min(min, { error: (issue) => `${name} must be at least ${min}, got ${String(issue.input)}` })
    .max(max, { error: (issue) => `${name} must be at most ${max}, got ${String(issue.input)}` });
}

/** h: months forecast, 1 to `MAX_HORIZON`. */
export const HorizonSchema = wholeNumber('horizon', 1, MAX_HORIZON).openapi({
  description:
    `Months to forecast, 1 to ${MAX_HORIZON}: the response's \`path\` has one entry per month; ` +
    'each month after the first is forecast recursively from the model’s own forecasts.',
  example: 6,
});

/** One interval level, in percent. */
export const LevelSchema = wholeNumber('a level', MIN_LEVEL, MAX_LEVEL).openapi({
  description: `A central interval’s coverage in percent, ${MIN_LEVEL} to ${MAX_LEVEL}.`,
  example: 80,
});

/** 1 to `MAX_LEVELS` distinct levels; a repeat is an error pointing at it. */
const LevelListSchema = z
  .array(LevelSchema, {
    error: (issue) =>
      requiredOr(issue.input, `must be an array of levels, not ${describe(issue.input)}`),
  })
  .min(1, { error: 'must name at least one level' })
  .max(MAX_LEVELS, {
    error: (issue) =>
      `must name at most ${MAX_LEVELS} levels, got ${Array.isArray(issue.input) ? issue.input.length : 0}`,
  })
  .superRefine((levels, ctx) => {
    const seen = new Set<number>();
    levels.forEach((level, i) => {
      if (seen.has(level)) {
        ctx.addIssue({ code: 'custom', path: [i], message: `level ${level} is given twice` });
      }
      seen.add(level);
    });
  });

const LEVELS_DESCRIPTION =
  `Central interval levels in percent: 1 to ${MAX_LEVELS} distinct whole numbers from ` +
  `${MIN_LEVEL} to ${MAX_LEVEL}; default ${DEFAULT_LEVELS.join(' and ')}. Each level l is served ` +
  'as the quantiles at (1 − l/100)/2 and (1 + l/100)/2.';

/** The body fields every forecast request shares: how far, at which levels. */
const pathFields = {
  horizon: HorizonSchema.default(DEFAULT_HORIZON),
  levels: LevelListSchema.default([...DEFAULT_LEVELS]).openapi({
    description: LEVELS_DESCRIPTION,
    uniqueItems: true,
    example: [50, 80, 95],
  }),
};

/** A query value as the number it spells (digits only), or as it came, for the schema to refuse. */
function queryNumber(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value;
}

/** `?horizon=6`: one value; a repeat arrives as an array and is refused. */
const HorizonQuerySchema = z
  .preprocess(queryNumber, HorizonSchema)
  .default(DEFAULT_HORIZON)
  .openapi({ param: { name: 'horizon', in: 'query' } });

/** `?level=50&level=90`: repeatable, one level per parameter. */
const LevelQuerySchema = z
  .preprocess((value) => (Array.isArray(value) ? value : [value]).map(queryNumber), LevelListSchema)
  .default([...DEFAULT_LEVELS])
  .openapi({
    param: { name: 'level', in: 'query', style: 'form', explode: true },
    description: `${LEVELS_DESCRIPTION} Repeat the parameter for more than one: \`?level=50&level=90\`.`,
    uniqueItems: true,
    example: [50, 90],
  });

/** "Exactly one of `window` and `history`" in JSON Schema, for the document. */
const EXACTLY_ONE_INPUT = [
  { required: ['window'], title: 'window' },
  { required: ['history'], title: 'history' },
];

/** Adds an issue unless an object has exactly one of `window` and `history`. */
function exactlyOneInput(
  body: { window?: unknown; history?: unknown },
  ctx: { addIssue: (issue: { code: 'custom'; path: []; message: string }) => void },
): void {
  if ((body.window === undefined) === (body.history === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message:
        body.window === undefined
          ? 'send one of `window` (12 closes) or `history` ([{date, close}, …])'
          : 'send either `window` or `history`, not both',
    });
  }
}

/** POST /v1/forecast: exactly one of `window` or `history`, and optionally a model. */
export const ForecastRequestSchema = z
  .strictObject(
    {
      model: ModelIdSchema.optional(),
      window: WindowSchema.optional(),
      history: HistorySchema.optional(),
      ...pathFields,
    },
    strictError,
  )
  .superRefine(exactlyOneInput)
  .openapi('ForecastRequest', {
    description:
      'Exactly one of `window` or `history`; optionally `horizon` and `levels`. A history of at ' +
      `least ${HISTORY_CALIBRATION_MONTHS} months calibrates the intervals on its own errors.`,
    oneOf: EXACTLY_ONE_INPUT,
    example: {
      model: 'gru-32@relative',
      horizon: 6,
      levels: [50, 80, 95],
      window: [
        6029.95, 6296.5, 6408.95, 6584.02, 6735.69, 6740.89, 6853.03, 6929.12, 6893.81, 6654.42,
        6957.01, 7412.55,
      ],
    },
  });

/** Longest client id a batch item may carry. */
export const MAX_ITEM_ID_LENGTH = 128;

/** A batch item's client id, echoed back with its result. */
export const BatchItemIdSchema = z
  .string({
    error: (issue) => requiredOr(issue.input, `must be a string, not ${describe(issue.input)}`),
  })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ITEM_ID_LENGTH, { error: `must be at most ${MAX_ITEM_ID_LENGTH} characters` })
  .openapi({
    description:
      'Your id for the item, echoed back with its result (any string; not checked for uniqueness).',
    example: 'sp500-2026-05',
  });

/** One batch item: a window or a history, with an optional client id. */
export const BatchItemSchema = z
  .strictObject(
    {
      id: BatchItemIdSchema.optional(),
      window: WindowSchema.optional(),
      history: HistorySchema.optional(),
    },
    strictError,
  )
  .superRefine(exactlyOneInput)
  .openapi('BatchItem', {
    description:
      'Exactly one of `window` (12 closes) or `history` (≥ 12 consecutive months, whose last ' +
      'date names the months forecast), and optionally your `id`.',
    oneOf: EXACTLY_ONE_INPUT,
    example: {
      id: 'latest',
      window: [
        6029.95, 6296.5, 6408.95, 6584.02, 6735.69, 6740.89, 6853.03, 6929.12, 6893.81, 6654.42,
        6957.01, 7412.55,
      ],
    },
  });
export type BatchItem = z.infer<typeof BatchItemSchema>;

/** `items` of a batch, with its count bounds: the schema the document shows. */
function batchItems<T extends z.ZodType>(item: T) {
  return z
    .array(item, {
      error: (issue) =>
        requiredOr(issue.input, `must be an array of items, not ${describe(issue.input)}`),
    })
    .min(1, { error: 'must hold at least one item' })
    .max(MAX_BATCH_WINDOWS, {
      error: (issue) =>
        `must hold at most ${MAX_BATCH_WINDOWS} items per request, got ${Array.isArray(issue.input) ? issue.input.length : 0}`,
    });
}

/** Names unknown fields of a batch, pointing a client of the earlier `windows` at `items`. */
const batchStrictError = {
  error: (issue: { code?: string; keys?: string[]; input?: unknown }) =>
    issue.code === 'unrecognized_keys' && issue.keys?.includes('windows')
      ? 'unknown field: windows (send `items: [{ id?, window }]`)'
      : strictError.error(issue),
};

const BATCH_DESCRIPTION =
  `1 to ${MAX_BATCH_WINDOWS} items, each a window or a history with an optional id; \`horizon\` ` +
  'and `levels` apply to every item. An item that is not valid gets its own problem in the ' +
  'response; the others are forecast.';

/**
 * POST /v1/forecast/batch as the document describes it: every item a {@link BatchItemSchema}.
 * The route validates only the envelope with {@link BatchEnvelopeSchema} and each item on its
 * own, so one bad item does not fail the request.
 */
export const BatchRequestSchema = z
  .strictObject(
    { model: ModelIdSchema.optional(), items: batchItems(BatchItemSchema), ...pathFields },
    batchStrictError,
  )
  .openapi('BatchRequest', {
    description: BATCH_DESCRIPTION,
    example: {
      model: 'gru-32@relative',
      horizon: 3,
      levels: [80, 95],
      items: [
        {
          id: 'latest',
          window: [
            6029.95, 6296.5, 6408.95, 6584.02, 6735.69, 6740.89, 6853.03, 6929.12, 6893.81, 6654.42,
            6957.01, 7412.55,
          ],
        },
        // A history dates the months of its result (`asOf`, `target`); an item that is not valid
        // gets its own problem in `results` while the others are forecast.
        {
          id: 'dated',
          history: [
            { date: '2025-06-01', close: 6029.95 },
            { date: '2025-07-01', close: 6296.5 },
            { date: '2025-08-01', close: 6408.95 },
            { date: '2025-09-01', close: 6584.02 },
            { date: '2025-10-01', close: 6735.69 },
            { date: '2025-11-01', close: 6740.89 },
            { date: '2025-12-01', close: 6853.03 },
            { date: '2026-01-01', close: 6929.12 },
            { date: '2026-02-01', close: 6893.81 },
            { date: '2026-03-01', close: 6654.42 },
            { date: '2026-04-01', close: 6957.01 },
            { date: '2026-05-01', close: 7412.55 },
          ],
        },
      ],
    },
  });

/** What the batch route validates before looking at items: everything but the items' contents. */
export const BatchEnvelopeSchema = z.strictObject(
  { model: ModelIdSchema.optional(), items: batchItems(z.unknown()), ...pathFields },
  batchStrictError,
);

/** Query of GET /v1/forecast: `?model=…&horizon=6&level=50&level=90`. */
export const ForecastQuerySchema = z.strictObject(
  {
    model: ModelIdSchema.optional().openapi({ param: { name: 'model', in: 'query' } }),
    horizon: HorizonQuerySchema,
    level: LevelQuerySchema,
  },
  strictError,
);

/** What `?role=` may ask for: one role, or `all`. */
export const ROLE_FILTERS = [...MODEL_ROLES, 'all'] as const;
export type RoleFilter = (typeof ROLE_FILTERS)[number];
/** Listings show forecasters unless asked for more. */
export const DEFAULT_ROLE_FILTER: RoleFilter = 'forecaster';

/** Whether a model of `role` is listed under `filter`. */
export function roleMatches(role: ModelRole, filter: RoleFilter): boolean {
  return filter === 'all' || role === filter;
}

/** `?role=all`: which models a listing shows; forecasters by default. */
const RoleQuerySchema = z
  .enum(ROLE_FILTERS, {
    error: (issue) =>
      `must be one of ${ROLE_FILTERS.join(', ')}, not ${
        typeof issue.input === 'string'
          ? JSON.stringify(issue.input.slice(0, 40))
          : describe(issue.input)
      }`,
  })
  .default(DEFAULT_ROLE_FILTER)
  .openapi({
    param: { name: 'role', in: 'query' },
    description:
      'Which models to list: `forecaster` (default; the models meant to forecast), ' +
      '`lesson-reproduction` (the lesson’s protocol reproduced on raw levels, kept to show what it ' +
      'gives: forecasts far below the index, not meant for use) or `all`. Every model stays ' +
      'reachable by id whatever its role.',
    example: 'all',
  });

/** Query of GET /v1/models: `?role=all`. */
export const ModelsQuerySchema = z.strictObject({ role: RoleQuerySchema }, strictError);

/** Query of GET /v1/compare: `?horizon=6&level=50&level=90&role=all`. */
export const CompareQuerySchema = z.strictObject(
  { horizon: HorizonQuerySchema, level: LevelQuerySchema, role: RoleQuerySchema },
  strictError,
);

/** Path parameters of GET /v1/models/{id}. */
export const ModelParamsSchema = z.strictObject({
  id: ModelIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export type ForecastRequest = z.infer<typeof ForecastRequestSchema>;
export type BatchRequest = z.infer<typeof BatchRequestSchema>;
export type BatchEnvelope = z.infer<typeof BatchEnvelopeSchema>;
export type ForecastQuery = z.infer<typeof ForecastQuerySchema>;
