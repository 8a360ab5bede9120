import type { MiddlewareHandler } from 'hono';
import { ApiError } from './problem.js';

/** Largest request body accepted, in bytes (64 KiB): 256 windows of 12 full-precision closes fit. */
export const MAX_BODY_BYTES = 64 * 1024;

/** `application/json`, optionally with parameters such as `charset=utf-8`. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;.*)?$/i;
/** A bare NaN or Infinity token, which JSON does not have. */
const NON_JSON_NUMBER = /(^|[\s,:[])[-+]?(NaN|Infinity)(?=[\s,\]}]|$)/;

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    throw new ApiError(
      'body-too-large',
      `the body declares ${declared} bytes; the limit is ${limit}`,
    );
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client disconnected mid-body, or its chunked framing is malformed: its fault.
      throw new ApiError(
        'malformed-request',
        'the body ended before it was complete, or its chunked encoding is malformed',
      );
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError('body-too-large', `the body exceeds the limit of ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Admits only a JSON body no larger than {@link MAX_BODY_BYTES}, checked in this order: media type
 * (415), size from `Content-Length` and then while reading, before any parsing (413), UTF-8 and
 * JSON syntax (400; bare `NaN`/`Infinity` tokens are named). The schema validator that follows
 * reads the same bytes again.
 *
 * @throws {ApiError} `unsupported-media-type`, `body-too-large`, `malformed-request` (a body that
 *   cannot be read to its end) or `malformed-json`.
 */
export function jsonBody(limit = MAX_BODY_BYTES): MiddlewareHandler {
  return async (c, next) => {
    const contentType = c.req.header('content-type');
    if (!contentType || !JSON_MEDIA_TYPE.test(contentType)) {
      throw new ApiError(
        'unsupported-media-type',
        contentType
          ? `send the body as application/json, not ${contentType.split(';')[0]}`
          : 'send the body as application/json (the Content-Type header is missing)',
      );
    }
    const bytes = await readLimited(c.req.raw, limit);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new ApiError('malformed-json', 'the body is not valid UTF-8');
    }
    if (text.trim() === '') throw new ApiError('malformed-json', 'the body is empty');
    try {
      JSON.parse(text);
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
    // The stream is consumed: hand the validator that follows a request carrying the same bytes.
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}
