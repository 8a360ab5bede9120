import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../appEnv.js';

/** Cache policies of the GET routes. */
export const CACHE_POLICIES = {
  /** Registry content: fixed for a deployment, so shared caches may keep it a while. */
  registry: 'public, max-age=300, stale-while-revalidate=3600',
  /** Status: always revalidated, so a changed engine or model set shows at once. */
  status: 'no-cache',
} as const;

/** Whether an `If-None-Match` header value matches `etag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Sets `ETag` (the serving state's, keyed by the registry version, engine and served models) and
 * `Cache-Control` on successful GET/HEAD responses, and answers `304 Not Modified` without running
 * the handler when `If-None-Match` matches.
 */
export function registryCache(policy: keyof typeof CACHE_POLICIES): MiddlewareHandler<AppEnv> {
  const cacheControl = CACHE_POLICIES[policy];
  return async (c, next) => {
    const startup = c.var.startup;
    if (!startup.ok) return next();
    const { etag } = startup.state;
    if (matchesEtag(c.req.header('if-none-match'), etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl });
    }
    await next();
    if (c.res.status === 200) {
      c.header('ETag', etag);
      c.header('Cache-Control', cacheControl);
    }
  };
}
