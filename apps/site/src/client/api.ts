/**
 * The edge API as the page uses it: same origin, JSON in and out, errors as RFC 9457
 * `application/problem+json`.
 */
import type { IntervalLevel } from '@gatecast/core';

/**
 * A forecast as `GET`/`POST /v1/forecast` return it; levels in index points. `asOf`/`target` are
 * null for a bare window (the API does not know its months); an interval is null when its
 * conformal half-width is infinite.
 */
export interface ForecastResponse {
  model: string;
  asOf: string | null;
  target: string | null;
  forecast: number;
  intervals: Record<IntervalLevel, [number, number] | null>;
  unit: string;
  engine: string;
}

/** One field-level error of a problem: a JSON pointer into the request and what is wrong there. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** An error answer of the API (or a network failure, with `status` 0). */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];

  constructor(status: number, title: string, detail?: string, errors: FieldProblem[] = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPair(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

function isBand(value: unknown): value is [number, number] | null {
  return value === null || isPair(value);
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) =>
    isRecord(entry) && typeof entry.detail === 'string'
      ? [{ pointer: typeof entry.pointer === 'string' ? entry.pointer : '', detail: entry.detail }]
      : [],
  );
}

/**
 * Reads an error response: the problem document's `title`/`detail` when there is one, else the
 * status line and whatever text came back.
 */
export async function readProblem(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body)) {
      const title = typeof body.title === 'string' ? body.title : fallbackTitle;
      const detail = typeof body.detail === 'string' ? body.detail : undefined;
      const status = typeof body.status === 'number' ? body.status : response.status;
      return new ApiProblem(status, title, detail, fieldProblems(body.errors));
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return new ApiProblem(response.status, fallbackTitle, text.trim() || undefined);
}

/**
 * Checks a forecast response's shape.
 *
 * @throws {ApiProblem} (status 0) if a field is missing or of the wrong type
 */
export function parseForecastResponse(body: unknown): ForecastResponse {
  if (
    !isRecord(body) ||
    typeof body.model !== 'string' ||
    typeof body.forecast !== 'number' ||
    !(typeof body.target === 'string' || body.target === null) ||
    !(typeof body.asOf === 'string' || body.asOf === null) ||
    !isRecord(body.intervals) ||
    !isBand(body.intervals['80']) ||
    !isBand(body.intervals['95'])
  ) {
    throw new ApiProblem(0, 'Unexpected answer', 'the API answered without a forecast');
  }
  return {
    model: body.model,
    asOf: body.asOf,
    target: body.target,
    forecast: body.forecast,
    intervals: {
      '80': body.intervals['80'] as [number, number] | null,
      '95': body.intervals['95'] as [number, number] | null,
    },
    unit: typeof body.unit === 'string' ? body.unit : 'points',
    engine: typeof body.engine === 'string' ? body.engine : 'unknown',
  };
}

/**
 * Runs a request and returns its JSON body.
 *
 * @throws {ApiProblem} with the API's title and detail on a 4xx/5xx, or status 0 when unreachable
 */
export async function send(request: () => Promise<Response>): Promise<unknown> {
  let response: Response;
  try {
    response = await request();
  } catch (error) {
    throw new ApiProblem(0, 'API unreachable', error instanceof Error ? error.message : undefined);
  }
  if (!response.ok) throw await readProblem(response);
  return response.json();
}

/**
 * `POST /v1/forecast`: next month from an explicit window.
 *
 * @param window monthly levels, oldest first, in points (the API checks their number and range)
 * @throws {ApiProblem} with the API's title and detail on a 4xx/5xx, or status 0 when unreachable
 */
export async function postForecast(
  body: { model?: string; window: number[] },
  fetchImpl: typeof fetch = fetch,
): Promise<ForecastResponse> {
  return parseForecastResponse(
    await send(() =>
      fetchImpl('/v1/forecast', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      }),
    ),
  );
}

/**
 * `GET /v1/compare`: every served model's next-month forecast beside naive and drift, unparsed.
 *
 * @throws {ApiProblem} on an error answer or when unreachable
 */
export async function getCompare(
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<unknown> {
  return send(() =>
    fetchImpl('/v1/compare', { headers: { accept: 'application/json' }, signal: signal ?? null }),
  );
}
