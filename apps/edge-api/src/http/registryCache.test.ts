import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { describe, expect, it } from 'vitest';
import type { AppEnv, Startup } from '../appEnv.js';
import type { ServingState } from '../serving/servingState.js';
import { CACHE_POLICIES, registryCache } from './registryCache.js';

const ETAG = '"0123456789abcdef0123456789abcdef"';

/** A two-route app behind `registryCache`, with the serving state reduced to its ETag. */
function appWith(startup: Startup) {
  return new Hono<AppEnv>()
    .use('*', cors({ origin: '*', exposeHeaders: ['ETag'] }))
    .use('*', async (c, next) => {
      c.set('startup', startup);
      await next();
    })
    .get('/ok', registryCache('registry'), (c) => c.json({ hello: 'world' }))
    .get('/missing', registryCache('registry'), (c) => c.json({ detail: 'nothing here' }, 404));
}

const serving = appWith({ ok: true, state: { etag: ETAG } as ServingState });

describe('registryCache', () => {
  it('sets the serving state’s ETag and the policy’s Cache-Control on a 200', async () => {
    const response = await serving.request('/ok');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(ETAG);
    expect(response.headers.get('cache-control')).toBe(CACHE_POLICIES.registry);
  });

  it.each([
    ['the same tag', ETAG],
    ['the weak form', `W/${ETAG}`],
    ['a list holding it', `"other", ${ETAG}`],
    ['*', '*'],
  ])('answers 304 without a body to %s', async (_label, ifNoneMatch) => {
    const response = await serving.request('/ok', {
      headers: { 'If-None-Match': ifNoneMatch, Origin: 'https://example.org' },
    });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(ETAG);
    expect(response.headers.get('cache-control')).toBe(CACHE_POLICIES.registry);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 200 to a different tag', async () => {
    const response = await serving.request('/ok', { headers: { 'If-None-Match': '"other"' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'world' });
  });

  it('leaves an error response alone, even when If-None-Match matches', async () => {
    const response = await serving.request('/missing', { headers: { 'If-None-Match': ETAG } });
    expect(response.status).toBe(404);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('sets nothing when start-up failed', async () => {
    const failed = appWith({ ok: false, reason: 'registry refused', preferredEngine: 'wasm' });
    const response = await failed.request('/ok', { headers: { 'If-None-Match': '*' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBeNull();
  });
});
