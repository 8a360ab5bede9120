/**
 * Asks every route of a running local server one ordinary question and records what it answered:
 * status, content type, the headers a browser or cache acts on, and a sha256 of the body. Two
 * servers serve "identically" when these fingerprints match route for route. Only 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { VALID_WINDOW } from './hostileClient.ts';

/** One ordinary request and what a working server answers to it. */
interface RouteCheck {
  name: string;
  path: string;
  init?: RequestInit;
  status: number;
  /** Start of the expected Content-Type. */
  contentType: string;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every route, asked normally. */
export const ROUTE_CHECKS: readonly RouteCheck[] = [
  { name: 'GET /', path: '/', status: 200, contentType: 'text/html' },
  { name: 'GET /health', path: '/health', status: 200, contentType: 'application/json' },
  {
    name: 'GET /openapi.json',
    path: '/openapi.json',
    status: 200,
    contentType: 'application/json',
  },
  { name: 'GET /v1/models', path: '/v1/models', status: 200, contentType: 'application/json' },
  {
    name: 'GET /v1/models/{unknown}',
    path: '/v1/models/no-such-model',
    status: 404,
    contentType: 'application/problem+json',
  },
  { name: 'GET /v1/forecast', path: '/v1/forecast', status: 200, contentType: 'application/json' },
  {
    name: 'POST /v1/forecast',
    path: '/v1/forecast',
    init: json({ window: VALID_WINDOW }),
    status: 200,
    contentType: 'application/json',
  },
  {
    name: 'POST /v1/forecast/batch',
    path: '/v1/forecast/batch',
    init: json({
      items: [{ window: VALID_WINDOW }, { window: VALID_WINDOW.map((v) => v * 1.01) }],
    }),
    status: 200,
    contentType: 'application/json',
  },
  {
    name: 'POST /v1/forecast (invalid)',
    path: '/v1/forecast',
    init: json({ window: [1, 2, 3] }),
    status: 422,
    contentType: 'application/problem+json',
  },
  { name: 'GET /v1/compare', path: '/v1/compare', status: 200, contentType: 'application/json' },
  {
    name: 'GET /no/such/path',
    path: '/no/such/path',
    status: 404,
    contentType: 'application/problem+json',
  },
];

/** Headers compared between servers (security headers of the site, caching, CORS). */
const COMPARED_HEADERS = [
  'content-type',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cache-control',
  'etag',
  'access-control-allow-origin',
] as const;

/** What one route answered. */
export interface RouteAnswer {
  name: string;
  /** Status and content type are what a working server answers. */
  ok: boolean;
  status: number;
  headers: Record<string, string | null>;
  /** sha256 of the body, hex. */
  bodySha256: string;
  /** `engine` of a forecast answer, when there is one. */
  engine?: string;
}

/** Asks every route of the server at `origin` (http://127.0.0.1:port). */
export async function checkRoutes(origin: string): Promise<RouteAnswer[]> {
  if (new URL(origin).hostname !== '127.0.0.1')
    throw new Error('route checks run only on 127.0.0.1');
  const answers: RouteAnswer[] = [];
  for (const check of ROUTE_CHECKS) {
    try {
      const response = await fetch(`${origin}${check.path}`, {
        ...check.init,
        signal: AbortSignal.timeout(10_000),
      });
      const body = Buffer.from(await response.arrayBuffer());
      const headers = Object.fromEntries(COMPARED_HEADERS.map((h) => [h, response.headers.get(h)]));
      let engine: string | undefined;
      if (/json/.test(headers['content-type'] ?? '')) {
        const parsed = JSON.parse(body.toString('utf8')) as { engine?: unknown };
        if (typeof parsed.engine === 'string') engine = parsed.engine;
      }
      answers.push({
        name: check.name,
        ok:
          response.status === check.status &&
          (headers['content-type'] ?? '').startsWith(check.contentType),
        status: response.status,
        headers,
        bodySha256: createHash('sha256').update(body).digest('hex'),
        ...(engine ? { engine } : {}),
      });
    } catch (error) {
      answers.push({
        name: check.name,
        ok: false,
        status: 0,
        headers: {},
        bodySha256: `no answer: ${(error as Error).message}`,
      });
    }
  }
  return answers;
}

/** Names of the routes whose answers differ between two servers (status, headers or body). */
export function differences(a: RouteAnswer[], b: RouteAnswer[]): string[] {
  return a.flatMap((x) => {
    const y = b.find((r) => r.name === x.name);
    if (!y) return [x.name];
    const what: string[] = [];
    if (x.status !== y.status) what.push(`status ${x.status}/${y.status}`);
    for (const h of COMPARED_HEADERS) {
      if (x.headers[h] !== y.headers[h]) what.push(`${h} ${x.headers[h]} / ${y.headers[h]}`);
    }
    if (x.bodySha256 !== y.bodySha256) what.push('body');
    return what.length ? [`${x.name}: ${what.join(', ')}`] : [];
  });
}
