/**
 * Request schemas: everything a client sends is checked here before it reaches a model. Objects are
 * strict (an unknown field is an error) and every message names what is wrong in words a client
 * can act on; the app turns failures into problem details with one JSON pointer per issue.
 */

import { monthsBetween, WINDOW_LENGTH } from '@gatecast/core';
import { z } from '@hono/zod-openapi';
/** Most windows one batch request may carry. */
export const MAX_BATCH_WINDOWS = 256;
/** Most months a history may carry (100 years); only the last 12 are used. */
export const MAX_HISTORY_MONTHS = 1200;

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

/** POST /v1/forecast: exactly one of `window` or `history`, and optionally a model. */
export const ForecastRequestSchema = z
  .strictObject(
    {
      model: ModelIdSchema.optional(),
      window: WindowSchema.optional(),
      history: HistorySchema.optional(),
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
    description: 'Exactly one of `window` or `history`.',
    example: {
      model: 'gru-32@relative',
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
    },
    strictError,
  )
  .openapi('BatchRequest', {
    description: `1 to ${MAX_BATCH_WINDOWS} windows, forecast in one pass.`,
  });

/** Query of GET /v1/forecast. */
export const ForecastQuerySchema = z.strictObject({ model: ModelIdSchema.optional() }, strictError);

/** Path parameters of GET /v1/models/{id}. */
export const ModelParamsSchema = z.strictObject({
  id: ModelIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export type ForecastRequest = z.infer<typeof ForecastRequestSchema>;
export type BatchRequest = z.infer<typeof BatchRequestSchema>;
