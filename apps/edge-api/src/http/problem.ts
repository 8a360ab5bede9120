/**
 * Error responses as RFC 9457 problem details (`application/problem+json`).
 *
 * Problem types are tag URIs (RFC 4151): stable identifiers, not meant to be dereferenced
 * (RFC 9457 §3.1.1). The catalogue below is the whole list; the OpenAPI document repeats it.
 */

/** Media type of every error body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TYPE_PREFIX = 'tag:gatecast,2026:problem:';

/** Every problem the API reports: its slug (end of the type URI), HTTP status and title. */
export const PROBLEMS = {
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  'malformed-request': { status: 400, title: 'Malformed request' },
  'unknown-path': { status: 404, title: 'Not found' },
  'unknown-model': { status: 404, title: 'Unknown model' },
  'backtest-unavailable': { status: 404, title: 'Backtest unavailable' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  'body-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'invalid-body': { status: 422, title: 'Invalid request body' },
  'invalid-parameters': { status: 422, title: 'Invalid parameters' },
  'invalid-item': { status: 422, title: 'Invalid batch item' },
  'forecast-not-finite': { status: 422, title: 'Forecast not finite' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'Request header fields too large' },
  internal: { status: 500, title: 'Internal error' },
  'model-unavailable': { status: 503, title: 'Model unavailable' },
  'registry-unavailable': { status: 503, title: 'Registry unavailable' },
  'runtime-unavailable': { status: 503, title: 'Runtime unavailable' },
} as const;

export type ProblemSlug = keyof typeof PROBLEMS;

/** One field-level error: an RFC 6901 JSON pointer into the request, and what is wrong there. */
export interface FieldError {
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem details object. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Field-level errors, when the request failed validation. */
  errors?: FieldError[];
}

/** The type URI of a problem slug, e.g. `tag:gatecast,2026:problem:unknown-model`. */
export function problemType(slug: ProblemSlug): string {
  return `${TYPE_PREFIX}${slug}`;
}

/** Builds a problem object from the catalogue. */
export function problem(slug: ProblemSlug, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEMS[slug];
  return { type: problemType(slug), title, status, detail, ...(errors ? { errors } : {}) };
}

/** A problem to answer with, thrown from handlers and middleware and rendered by `onError`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    slug: ProblemSlug,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.problem = problem(slug, detail, options.errors);
    this.headers = options.headers ?? {};
  }
}

/** Renders a problem as a response with `Content-Type: application/problem+json`. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}
