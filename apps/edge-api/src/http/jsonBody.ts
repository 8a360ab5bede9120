import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { ApiError } from './problem.js';
import { PROTOTYPE_KEYS } from './prototypeKeys.js';

/** Largest request body accepted, in bytes (64 KiB): 256 windows of 12 full-precision closes fit. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * `application/json`, optionally with parameters such as `charset=utf-8`; whitespace before the
 * `;` is allowed, as RFC 9110 §8.3.1 allows it.
 */
const JSON_MEDIA_TYPE = /^application\/json[ \t]*(;.*)?$/i;
/** A bare NaN or Infinity token, which JSON does not have. */
const NON_JSON_NUMBER = /(^|[\s,:[])[-+]?(NaN|Infinity)(?=[\s,\]}]|$)/;

/**
 * 415 unless the body is declared `application/json`. An accepted request then carries the bare
 * `application/json`, so that the route's generated validator, whose own media-type gate is
 * stricter about the header's spelling, accepts what was accepted here instead of answering a
 * second, generic 415.
 */
const jsonMediaType: MiddlewareHandler = async (c, next) => {
  const contentType = c.req.header('content-type');
  if (!contentType || !JSON_MEDIA_TYPE.test(contentType)) {
    throw new ApiError(
      'unsupported-media-type',
      contentType
        ? `send the body as application/json, not ${contentType.split(';')[0]?.trim()}`
        : 'send the body as application/json (the Content-Type header is missing)',
    );
  }
  if (contentType !== 'application/json') {
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json');
    c.req.raw = new Request(c.req.raw, { headers });
  }
  await next();
};

/**
 * A body that breaks off (the client disconnected mid-upload, or its chunked framing is
 * malformed) is the client's fault: reading it fails with a 400 `malformed-request` problem, not
 * an internal error, whichever middleware reads first.
 */
const completeBody: MiddlewareHandler = async (c, next) => {
  const body = c.req.raw.body;
  if (body) {
    const reader = body.getReader();
    const guarded = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          controller.error(
            new ApiError(
              'malformed-request',
              'the body ended before it was complete, or its chunked encoding is malformed',
            ),
          );
          return;
        }
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.req.raw = new Request(c.req.raw, { body: guarded });
  }
  await next();
};

/** 413 beyond `limit` bytes: from `Content-Length`, or counted while reading (Hono's `bodyLimit`). */
function sizeLimit(limit: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: limit,
    onError: (c) => {
      const declared = c.req.header('content-length');
      throw new ApiError(
        'body-too-large',
        declared === undefined
          ? `the body exceeds the limit of ${limit} bytes`
          : `the body declares ${declared} bytes; the limit is ${limit}`,
      );
    },
  });
}

/**
 * The first own key of a parsed JSON value, at any depth, that would reach an object's prototype
 * (`__proto__`, `constructor`, `prototype`), with the RFC 6901 pointer of the object holding it.
 * `JSON.parse` keeps `"__proto__"` as an own property, but a schema reading fields by name sees
 * the prototype there and lets the key through as if it were known.
 */
function prototypeKey(
  value: unknown,
  pointer: string,
): { key: string; pointer: string } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) return { key, pointer };
    const childPointer = `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const found = prototypeKey(child, childPointer);
    if (found) return found;
  }
  return undefined;
}

/**
 * 400 unless the body is UTF-8 JSON, naming bare `NaN`/`Infinity` tokens. The bytes read stay in
 * Hono's body cache, where the validator that follows parses them again (which cannot fail now).
 */
const jsonSyntax: MiddlewareHandler = async (c, next) => {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('malformed-json', 'the body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ApiError('malformed-json', 'the body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (NON_JSON_NUMBER.test(text)) {
      throw new ApiError(
        'malformed-json',
        'NaN and Infinity are not JSON numbers: every value must be a finite number',
      );
    }
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new ApiError('malformed-json', `the body is not valid JSON${reason}`);
  }
  const hidden = prototypeKey(parsed, '');
  if (hidden !== undefined) {
    const detail = `unknown field: ${hidden.key}`;
    throw new ApiError('invalid-body', `body${hidden.pointer || ''}: ${detail}`, {
      errors: [{ pointer: hidden.pointer, detail }],
    });
  }
  await next();
};

/**
 * The one check of a JSON request body, as problem details, in this order: media type (415), size
 * before any parsing (413), a body that breaks off (400), UTF-8 and JSON syntax (400), a key
 * that would reach a prototype (`__proto__`, `constructor`, `prototype`: 422, as any unknown
 * field). Mounted as route middleware, before the route's schema validator (422).
 *
 * @throws {ApiError} `unsupported-media-type`, `body-too-large`, `malformed-request`,
 *   `malformed-json` or `invalid-body`.
 */
export function jsonBody(limit = MAX_BODY_BYTES): MiddlewareHandler {
  return every(jsonMediaType, completeBody, sizeLimit(limit), jsonSyntax);
}
