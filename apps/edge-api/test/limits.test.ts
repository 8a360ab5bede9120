/**
 * Limits and headers of every answer: the Workers Rate Limiting bindings as wrangler.jsonc
 * configures them for production (this pool runs its top level), counted per client address,
 * with the 429 and the RateLimit fields; the security headers; CORS. Requests here carry their
 * own `CF-Connecting-IP` (documentation addresses, RFC 5737 and RFC 3849), so they are counted
 * apart from the other test files' requests, which carry none and are not counted.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, jsonPost, latestWindow } from './support.js';

const policies = env.RATE_LIMIT_POLICIES;

function from(address: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('CF-Connecting-IP', address);
  return { ...init, headers };
}

/**
 * Waits, if need be, for the start of a fresh window of `period` seconds: Miniflare's counter
 * counts in windows aligned to the clock, so a run that crosses a boundary would start over.
 */
async function freshWindow(period: number, needMs: number): Promise<void> {
  const into = Date.now() % (period * 1000);
  if (into + needMs > period * 1000) {
    await new Promise((resolve) => setTimeout(resolve, period * 1000 - into + 50));
  }
}

/** Sends `request()` until it is refused; the answers that were not. */
async function untilRefused(request: () => Promise<Response>, most: number) {
  const statuses: number[] = [];
  for (let i = 0; i < most; i++) {
    const response = await request();
    if (response.status === 429) return { served: statuses, refused: response };
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  throw new Error(`no 429 in ${most} requests`);
}

describe('the configured limits', () => {
  it('are production’s: 100 GET/HEAD and 20 POST per 10 s per client', () => {
    expect(policies).toEqual({
      reads: { limit: 100, period: 10 },
      compute: { limit: 20, period: 10 },
    });
  });
});

describe('GET and HEAD over the limit', () => {
  it('serves exactly the policy’s limit in a window, then answers 429 with Retry-After and RateLimit', async () => {
    const { limit, period } = policies.reads;
    await freshWindow(period, 6_000);
    const address = '192.0.2.10';
    const { served, refused } = await untilRefused(
      () => api('/health', from(address, { method: 'GET' })),
      limit + 5,
    );
    expect(served).toHaveLength(limit);
    expect(new Set(served)).toEqual(new Set([200]));
    const problem = await expectProblem(refused, 429, /more than 100 GET or HEAD requests in 10 s/);
    expect(problem.type).toBe('tag:gatecast,2026:problem:rate-limited');
    expect(refused.headers.get('retry-after')).toBe(String(period));
    expect(refused.headers.get('ratelimit')).toBe(`"reads";r=0;t=${period}`);
    expect(refused.headers.get('ratelimit-policy')).toBe(`"reads";q=${limit};w=${period}`);
    // A browser on another origin can read the 429 and its fields.
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');

    // Another client is not affected, nor are this client's POSTs (their own policy).
    expect((await api('/health', from('192.0.2.11'))).status).toBe(200);
    const post = await api('/v1/forecast', from(address, jsonPost({ window: latestWindow })));
    expect(post.status).toBe(200);
    expect(post.headers.get('ratelimit-policy')).toBe('"compute";q=20;w=10');
  });
});

describe('POST over the limit', () => {
  it('counts an IPv6 client by its /64 and answers 429 problem+json', async () => {
    const { limit, period } = policies.compute;
    await freshWindow(period, 6_000);
    let n = 0;
    // Addresses of one /64 take turns: they share one count.
    const { served, refused } = await untilRefused(
      () =>
        api(
          '/v1/forecast',
          from(`2001:db8:1:2::${(n++ % 3) + 1}`, jsonPost({ window: latestWindow })),
        ),
      limit + 5,
    );
    expect(served).toHaveLength(limit);
    await expectProblem(refused, 429, /more than 20 POST requests in 10 s/);
    expect(refused.headers.get('ratelimit')).toBe(`"compute";r=0;t=${period}`);
    // Invalid bodies are counted too (the limit comes before any work).
    const third = await api('/v1/forecast/batch', from('2001:db8:1:2:ffff::9', jsonPost({})));
    expect(third.status).toBe(429);
    // The next /64 is another client.
    const next = await api(
      '/v1/forecast',
      from('2001:db8:1:3::1', jsonPost({ window: latestWindow })),
    );
    expect(next.status).toBe(200);
  });
});

describe('what is not counted', () => {
  it('a request without a client address, and a CORS preflight', async () => {
    const bare = await api('/v1/forecast');
    expect(bare.status).toBe(200);
    expect(bare.headers.get('ratelimit-policy')).toBeNull();
    const counted = await api('/v1/forecast', from('192.0.2.20'));
    expect(counted.headers.get('ratelimit-policy')).toBe('"reads";q=100;w=10');
    const preflight = await api(
      '/v1/forecast',
      from('192.0.2.20', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://example.org',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('ratelimit-policy')).toBeNull();
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,If-None-Match',
    );
    expect(preflight.headers.get('access-control-max-age')).toBe('86400');
  });
});

describe('CORS on an answer', () => {
  it('lets any origin read it and the headers a client needs, without credentials', async () => {
    const response = await api('/v1/models', { headers: { Origin: 'https://example.org' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'ETag,Retry-After,RateLimit,RateLimit-Policy',
    );
  });
});

describe('security headers', () => {
  const json = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'cross-origin',
    'content-security-policy':
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };

  it.each([
    ['GET', '/v1/forecast', 200],
    ['GET', '/v1/models', 200],
    ['GET', '/openapi.json', 200],
    ['GET', '/health', 200],
    ['GET', '/v1/nope', 404],
    ['PUT', '/v1/forecast', 405],
    ['GET', '/v1/forecast?horizon=99', 422],
    ['POST', '/v1/forecast', 200],
    ['POST', '/v1/forecast/batch', 422],
  ] as const)(
    'are on every answer: %s %s (%i), without HSTS over http',
    async (method, path, status) => {
      const init =
        method === 'POST'
          ? jsonPost(path.endsWith('batch') ? { items: [] } : { window: latestWindow })
          : { method };
      const response = await api(path, init);
      expect(response.status).toBe(status);
      for (const [name, value] of Object.entries(json))
        expect(response.headers.get(name)).toBe(value);
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('add Strict-Transport-Security over https', async () => {
    const { SELF } = await import('cloudflare:test');
    const response = await SELF.fetch('https://gatecast.test/v1/forecast');
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('leave /docs its own Content-Security-Policy', async () => {
    const response = await api('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the OpenAPI document', () => {
  it('declares a 429 with Retry-After and the RateLimit fields on every operation', async () => {
    const doc = (await (await api('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(7);
    for (const { path, method, op } of operations) {
      expect(Object.keys(op.responses), `${method} ${path}`).toContain('429');
      expect(Object.keys(op.responses['429']?.headers ?? {})).toEqual([
        'Retry-After',
        'RateLimit',
        'RateLimit-Policy',
      ]);
    }
  });
});
