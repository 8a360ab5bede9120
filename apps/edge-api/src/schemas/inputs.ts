/**
 * Request schemas: everything a client sends is checked here before it reaches a model. Objects are
 * strict (an unknown field is an error) and every message names what is wrong in words a client
 * can act on; the app turns failures into problem details with one JSON pointer per issue.
 */

import { INTERVAL_LEVELS, MAX_HORIZON, monthsBetween, WINDOW_LENGTH } from '@gatecast/core';
import { z } from '@hono/zod-openapi';
import { HISTORY_CALIBRATION_MONTHS } from '../serving/historyCalibration.js';

/** Most windows one batch request may carry. */
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
    example: [
      5881.63, 5954.5, 6032.38, 5611.85, 5569.06, 5911.69, 6204.95, 6389.77, 6460.26, 6688.46,
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
  .openapi({
    description: 'A model id from GET /v1/models; the default model when omitted.',
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
    example: [50, 90],
  });

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
  .superRefine((body, ctx) => {
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
  })
  .openapi('ForecastRequest', {
    description:
      'Exactly one of `window` or `history`; optionally `horizon` and `levels`. A history of at ' +
      `least ${HISTORY_CALIBRATION_MONTHS} months calibrates the intervals on its own errors.`,
    example: {
      model: 'gru-32@relative',
      horizon: 6,
      levels: [50, 80, 95],
      window: [
        5881.63, 5954.5, 6032.38, 5611.85, 5569.06, 5911.69, 6204.95, 6389.77, 6460.26, 6688.46,
        6957.01, 7412.55,
      ],
    },
  });

/** POST /v1/forecast/batch. */
export const BatchRequestSchema = z
  .strictObject(
    {
      model: ModelIdSchema.optional(),
      windows: z
        .array(WindowSchema, {
          error: (issue) =>
            requiredOr(issue.input, `must be an array of windows, not ${describe(issue.input)}`),
        })
        .min(1, { error: 'must hold at least one window' })
        .max(MAX_BATCH_WINDOWS, {
          error: (issue) =>
            `must hold at most ${MAX_BATCH_WINDOWS} windows per request, got ${Array.isArray(issue.input) ? issue.input.length : 0}`,
        }),
      ...pathFields,
    },
    strictError,
  )
  .openapi('BatchRequest', {
    description: `1 to ${MAX_BATCH_WINDOWS} windows, forecast in one pass.`,
  });

/** Query of GET /v1/forecast: `?model=…&horizon=6&level=50&level=90`. */
export const ForecastQuerySchema = z.strictObject(
  {
    model: ModelIdSchema.optional().openapi({ param: { name: 'model', in: 'query' } }),
    horizon: HorizonQuerySchema,
    level: LevelQuerySchema,
  },
  strictError,
);

/** Query of GET /v1/compare: `?horizon=6&level=50&level=90`. */
export const CompareQuerySchema = z.strictObject(
  { horizon: HorizonQuerySchema, level: LevelQuerySchema },
  strictError,
);

/** Path parameters of GET /v1/models/{id}. */
export const ModelParamsSchema = z.strictObject({
  id: ModelIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export type ForecastRequest = z.infer<typeof ForecastRequestSchema>;
export type BatchRequest = z.infer<typeof BatchRequestSchema>;
export type ForecastQuery = z.infer<typeof ForecastQuerySchema>;
