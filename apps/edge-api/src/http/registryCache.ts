import type { MiddlewareHandler } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import type { AppEnv } from '../appEnv.js';

/** Cache policies of the GET routes. */
export const CACHE_POLICIES = {
  /** Registry content: fixed for a deployment, so shared caches may keep it a while. */
  registry: 'public, max-age=300, stale-while-revalidate=3600',
  /** Status: always revalidated, so a changed engine or model set shows at once. */
  status: 'no-cache',
} as const;

/**
 * Hono's ETag middleware, comparing `If-None-Match` with the ETag the route set (weakly, in lists,
 * `*` included: RFC 9110 §13.1.2). A 304 keeps the CORS headers beside the validators, so that a
 * cross-origin revalidation can read it.
 */
const conditionalGet = etag({
  retainedHeaders: [
    ...RETAINED_304_HEADERS,
    'access-control-allow-origin',
    'access-control-expose-headers',
  ],
});

/**
 * Sets `ETag` (the serving state's, keyed by the registry version, engine and served models) and
 * `Cache-Control` on successful GET/HEAD responses, and turns them into `304 Not Modified` when
 * `If-None-Match` matches (Hono's `etag`). Without a serving state (start-up failed) nothing is
 * set.
 *
 * @param options.etag derives a route's ETag from the state's, for content the state's does not
 *   key (the backtest routes add the backtest file's sha256)
 */
export function registryCache(
  policy: keyof typeof CACHE_POLICIES,
  options: { etag?: (stateEtag: string) => string } = {},
): MiddlewareHandler<AppEnv> {
  const cacheControl = CACHE_POLICIES[policy];
  return async (c, next) => {
    const startup = c.var.startup;
    if (!startup.ok) return next();
    return conditionalGet(c, async () => {
      await next();
      if (c.res.status === 200) {
        c.header('ETag', options.etag?.(startup.state.etag) ?? startup.state.etag);
        c.header('Cache-Control', cacheControl);
      }
    });
  };
}
