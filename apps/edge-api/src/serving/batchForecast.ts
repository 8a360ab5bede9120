import { WINDOW_LENGTH } from '@gatecast/core';
import { jsonPointer } from '../http/jsonPointer.js';
import { ApiError, type FieldError, type Problem, problem, problemType } from '../http/problem.js';
import { type BatchItem, BatchItemIdSchema, BatchItemSchema } from '../schemas/inputs.js';
import type { BatchResponse } from '../schemas/outputs.js';
import { modelPaths } from './modelPaths.js';
import { type PathRequest, servePath } from './pathResponse.js';
import type { ServedModel } from './servingState.js';

/** One entry of a batch's `results`: an item's forecast, or its own problem. */
export type BatchResult = BatchResponse['results'][number];

/** An item as sent, parsed: its window and origin, or the problem that stops it. */
type ParsedItem =
  | { ok: true; id?: string; window: number[]; asOf: string | null }
  | { ok: false; id?: string; error: Problem };

/** The item's id when it sent a valid one, so a failed item can still be matched. */
function validId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('id' in item)) return undefined;
  const parsed = BatchItemIdSchema.safeParse((item as { id: unknown }).id);
  return parsed.success ? parsed.data : undefined;
}

/** `{ id }` when there is one: ids are echoed, never invented. */
const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/**
 * Checks item `index` against {@link BatchItemSchema} on its own: a failure is the item's
 * `invalid-item` problem, with one JSON pointer from the request's root per issue
 * (`/items/3/window/2`).
 */
function parseItem(item: unknown, index: number): ParsedItem {
  const parsed = BatchItemSchema.safeParse(item);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({
      pointer: jsonPointer(['items', index, ...issue.path]),
      detail: issue.message,
    }));
    const first = errors[0] as FieldError;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return {
      ok: false,
      ...withId(validId(item)),
      error: problem('invalid-item', `item ${index}: ${first.detail}${more}`, errors),
    };
  }
  const valid: BatchItem = parsed.data;
  if (valid.history) {
    const recent = valid.history.slice(-WINDOW_LENGTH);
    return {
      ok: true,
      ...withId(valid.id),
      window: recent.map((point) => point.close),
      asOf: recent[recent.length - 1]?.date as string,
    };
  }
  return { ok: true, ...withId(valid.id), window: valid.window as number[], asOf: null };
}

/**
 * Forecasts a batch item by item: each item is checked on its own, every valid item's path is
 * computed in one pass (core's `forecastPaths` on the model's engine, one batched call per month
 * for all of them; a window whose path is not usable leaves the pass and gets its own problem),
 * then each is served with the registry's calibration. An item that fails gets `{ id?, error }`
 * (RFC 9457 problem details: `invalid-item` or `forecast-not-finite`); the others are unaffected.
 *
 * @param options.items - `[1 .. 256]` items as sent (anything; each is validated here).
 * @param options.request - The horizon and levels, applied to every item.
 * @returns One result per item, in order.
 */
export function forecastBatch(options: {
  model: ServedModel;
  items: readonly unknown[];
  request: PathRequest;
}): BatchResult[] {
  const { model, items, request } = options;
  const parsed = items.map(parseItem);
  const good = parsed.flatMap((item, index) => (item.ok ? [{ item, index }] : []));
  const paths =
    good.length > 0
      ? modelPaths(
          model,
          good.map(({ item }) => item.window),
          request.horizon,
          { unusable: 'drop' },
        )
      : undefined;
  const dropped = new Map((paths?.dropped ?? []).map((d) => [d.window, d]));
  const { calibration, protocol } = model.entry;
  const forecasts = new Map<number, BatchResult>();
  good.forEach(({ item, index }, row) => {
    const id = withId(item.id);
    const drop = dropped.get(row);
    if (drop) {
      const detail = `item ${index}: no finite forecast path: step ${drop.step}: ${drop.reason}`;
      forecasts.set(index, { ...id, error: problem('forecast-not-finite', detail) });
      return;
    }
    try {
      const served = servePath({
        calibration,
        protocol,
        values: paths?.values[row] as number[],
        scales: paths?.scales?.[row],
        asOf: item.asOf,
        request,
        label: `item ${index}`,
      });
      forecasts.set(index, {
        ...id,
        asOf: item.asOf,
        target: served.path[0]?.target ?? null,
        forecast: served.forecast,
        intervals: served.intervals,
        path: served.path,
        ...(served.clampedAtZero === undefined ? {} : { clampedAtZero: served.clampedAtZero }),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Serving an item fails only on the item's own months (a history ending so late that a
      // forecast month would pass 9999-12): that is the item's problem, not the request body's.
      const itemError =
        error.problem.type === problemType('invalid-body')
          ? problem('invalid-item', error.problem.detail, error.problem.errors)
          : error.problem;
      forecasts.set(index, { ...id, error: itemError });
    }
  });
  return parsed.map((item, index) =>
    item.ok ? (forecasts.get(index) as BatchResult) : { ...withId(item.id), error: item.error },
  );
}
