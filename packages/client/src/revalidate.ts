import type { Middleware } from 'openapi-fetch';

/** What a GET answered last, by URL: its validator and its 200 answer. */
interface Kept {
  etag: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: ArrayBuffer;
}

/** Headers a 304 repeats that replace the kept 200's (RFC 9110 §15.4.5). */
const REFRESHED = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

/**
 * openapi-fetch middleware that revalidates GETs with their ETags: it keeps the last 200 answer
 * of each GET URL that carried an `ETag` (at most `maxEntries`, least recently used dropped
 * first), sends that `ETag` as `If-None-Match` when the URL is asked again, and turns the API's
 * `304 Not Modified` back into the kept `200` (headers the 304 repeats replace the kept ones), so
 * the caller gets `data` as from any 200. openapi-fetch alone hands a 304 back as neither data
 * nor error: its types know only 2xx answers as data and 4xx/5xx as errors.
 *
 * A request that sets `If-None-Match` itself is left alone; its 304 comes back as
 * `{ data: undefined, error: undefined }` with `response.status === 304` (the body is made empty
 * so openapi-fetch does not read it as an error).
 */
export function revalidateWithEtags(options: { maxEntries?: number } = {}): Middleware {
  const maxEntries = options.maxEntries ?? 64;
  const kept = new Map<string, Kept>();
  const revalidating = new Set<string>();
  return {
    onRequest({ request, id }) {
      if (request.method !== 'GET' || request.headers.has('If-None-Match')) return undefined;
      const entry = kept.get(request.url);
      if (!entry) return undefined;
      revalidating.add(id);
      const conditional = new Request(request);
      conditional.headers.set('If-None-Match', entry.etag);
      return conditional;
    },
    async onResponse({ request, response, id }) {
      const ours = revalidating.delete(id);
      if (request.method !== 'GET') return undefined;
      if (response.status === 304) {
        const entry = ours ? kept.get(request.url) : undefined;
        if (!entry) return emptyNotModified(response);
        const headers = new Headers(entry.headers);
        for (const name of REFRESHED) {
          const value = response.headers.get(name);
          if (value !== null) headers.set(name, value);
        }
        if (headers.get('etag')) entry.etag = headers.get('etag') as string;
        kept.delete(request.url);
        kept.set(request.url, entry); // most recently used last
        return new Response(entry.body.slice(0), {
          status: entry.status,
          statusText: entry.statusText,
          headers,
        });
      }
      const etag = response.headers.get('ETag');
      if (response.status !== 200 || etag === null) return undefined;
      kept.delete(request.url);
      kept.set(request.url, {
        etag,
        status: response.status,
        statusText: response.statusText,
        headers: new Headers(response.headers),
        body: await response.clone().arrayBuffer(),
      });
      for (const url of kept.keys()) {
        if (kept.size <= maxEntries) break;
        kept.delete(url);
      }
      return undefined;
    },
    onError({ id }) {
      revalidating.delete(id);
    },
  };
}

/** A 304 with an empty body that says so, which openapi-fetch returns without reading it. */
function emptyNotModified(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Length', '0');
  return new Response(null, { status: 304, statusText: response.statusText, headers });
}
