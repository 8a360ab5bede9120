import { describe, expect, it } from 'vitest';
import { createGatecastClient } from './createGatecastClient.js';

/** A stand-in origin: answers GETs with `body` and `etag`, 304 when If-None-Match matches. */
function origin(initial: { etag: string; body: unknown }) {
  const state = { ...initial };
  const seen: { method: string; url: string; ifNoneMatch: string | null }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const ifNoneMatch = request.headers.get('If-None-Match');
    seen.push({ method: request.method, url: request.url, ifNoneMatch });
    const headers = { ETag: state.etag, 'Cache-Control': 'public, max-age=300' };
    if (request.method === 'GET' && ifNoneMatch === state.etag) {
      return new Response(null, { status: 304, headers });
    }
    return Response.json(state.body, { headers });
  };
  return { state, seen, fetch };
}

const baseUrl = 'http://api.test';

describe('createGatecastClient revalidation', () => {
  it('sends the kept ETag and serves a 304 as the kept 200', async () => {
    const api = origin({ etag: '"v1"', body: { models: ['a'] } });
    const client = createGatecastClient({ baseUrl, fetch: api.fetch });
    const first = await client.GET('/v1/models');
    const second = await client.GET('/v1/models');
    expect(api.seen.map((s) => s.ifNoneMatch)).toEqual([null, '"v1"']);
    expect(first.data).toEqual({ models: ['a'] });
    expect(second.response.status).toBe(200);
    expect(second.data).toEqual({ models: ['a'] });
    expect(second.error).toBeUndefined();

    api.state.etag = '"v2"';
    api.state.body = { models: ['b'] };
    const third = await client.GET('/v1/models');
    expect(third.data).toEqual({ models: ['b'] });
    const fourth = await client.GET('/v1/models');
    expect(api.seen.at(-1)?.ifNoneMatch).toBe('"v2"');
    expect(fourth.data).toEqual({ models: ['b'] });
  });

  it('returns a 304 the caller asked for as neither data nor error', async () => {
    const api = origin({ etag: '"v1"', body: { models: [] } });
    const client = createGatecastClient({ baseUrl, fetch: api.fetch });
    const answer = await client.GET('/v1/models', {
      params: { header: { 'If-None-Match': '"v1"' } },
    });
    expect(answer.response.status).toBe(304);
    expect(answer.data).toBeUndefined();
    expect(answer.error).toBeUndefined();
  });

  it('keeps at most maxEntries URLs, and nothing when told not to revalidate', async () => {
    const api = origin({ etag: '"v1"', body: {} });
    const client = createGatecastClient({
      baseUrl,
      fetch: api.fetch,
      revalidate: { maxEntries: 1 },
    });
    await client.GET('/v1/models/{id}', { params: { path: { id: 'gru-8@relative' } } });
    await client.GET('/v1/models/{id}', { params: { path: { id: 'gru-32@relative' } } });
    await client.GET('/v1/models/{id}', { params: { path: { id: 'gru-8@relative' } } });
    expect(api.seen.map((s) => s.ifNoneMatch)).toEqual([null, null, null]);

    const plain = origin({ etag: '"v1"', body: {} });
    const uncached = createGatecastClient({ baseUrl, fetch: plain.fetch, revalidate: false });
    await uncached.GET('/v1/models');
    await uncached.GET('/v1/models');
    expect(plain.seen.map((s) => s.ifNoneMatch)).toEqual([null, null]);
  });
});
