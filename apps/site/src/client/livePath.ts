/**
 * The fan chart's live refresh: `GET /v1/forecast?horizon=12&level=50&level=80&level=95` for the
 * default model, read into the same path shape the registry's extract carries.
 */
import { bandsFromQuantiles } from '../shared/quantileBands.js';
import type { SitePathMonth } from '../shared/siteData.js';
import { ApiProblem, send } from './api.js';

/** The levels the fan chart asks the API for, in percent. */
export { FAN_LEVELS } from '../shared/fanLevels.js';

/** A forecast path as the page uses it. */
export interface LivePath {
  model: string;
  asOf: string | null;
  /** The interval method the API served with, when it says. */
  intervalMethod: string | undefined;
  /** Where the API's calibration came from (`registry` or `history`), when it says. */
  calibration: string | undefined;
  engine: string | undefined;
  path: SitePathMonth[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isQuantiles(value: unknown): value is Record<string, number> {
  return (
    isRecord(value) &&
    Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)
  );
}

const unexpected = (detail: string) => new ApiProblem(0, 'Unexpected answer', detail);

/**
 * Reads a forecast response's `path` (`[{ horizon, target, forecast, quantiles: { "0.25": …,
 * "0.75": … } }]`) into months with central bands at `levels`.
 *
 * @param horizon the path length asked for
 * @throws {ApiProblem} (status 0) if the path is missing, of another length, out of order, or
 *   lacks a level's quantiles
 */
export function parseForecastPath(
  body: unknown,
  levels: readonly number[],
  horizon: number,
): LivePath {
  if (!isRecord(body) || typeof body.model !== 'string' || !Array.isArray(body.path)) {
    throw unexpected('the API answered without a forecast path');
  }
  if (body.path.length !== horizon) {
    throw unexpected(`the path holds ${body.path.length} months, not ${horizon}`);
  }
  const path = body.path.map((entry: unknown, i): SitePathMonth => {
    if (
      !isRecord(entry) ||
      entry.horizon !== i + 1 ||
      typeof entry.target !== 'string' ||
      typeof entry.forecast !== 'number' ||
      !isQuantiles(entry.quantiles)
    ) {
      throw unexpected(`path month ${i + 1} is not a forecast`);
    }
    try {
      return {
        horizon: i + 1,
        target: entry.target,
        value: entry.forecast,
        bands: bandsFromQuantiles(entry.quantiles, levels),
      };
    } catch (error) {
      throw unexpected(error instanceof Error ? error.message : String(error));
    }
  });
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    model: body.model,
    asOf: text(body.asOf) ?? null,
    intervalMethod: text(body.intervalMethod),
    calibration: text(body.calibration),
    engine: text(body.engine),
    path,
  };
}

/**
 * `GET /v1/forecast` for `model`'s path over `horizon` months at `levels`.
 *
 * @throws {ApiProblem} on an error answer, when unreachable, or for an answer without the path
 */
export async function getForecastPath(options: {
  model: string;
  horizon: number;
  levels: readonly number[];
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}): Promise<LivePath> {
  const { model, horizon, levels, fetchImpl = fetch, signal } = options;
  const query = new URLSearchParams({ model, horizon: String(horizon) });
  for (const level of levels) query.append('level', String(level));
  const body = await send(() =>
    fetchImpl(`/v1/forecast?${query}`, {
      headers: { accept: 'application/json' },
      signal: signal ?? null,
    }),
  );
  return parseForecastPath(body, levels, horizon);
}
