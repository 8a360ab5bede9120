import type { MiddlewareHandler } from 'hono';
import { ApiError } from './problem.js';

/** Names that reach Object.prototype's machinery rather than a field. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * 422 `invalid-parameters` for a query parameter named `__proto__`, `constructor` or
 * `prototype`. Hono collects query parameters into a plain object, where `__proto__` sets the
 * object's prototype instead of a key, so a strict query schema never sees it as unknown; this
 * refuses it as one, before any route runs.
 *
 * @throws {ApiError} `invalid-parameters`
 */
export const rejectPrototypeQueryKeys: MiddlewareHandler = async (c, next) => {
  const query = c.req.url.indexOf('?');
  if (query >= 0) {
    for (const name of new URLSearchParams(c.req.url.slice(query + 1)).keys()) {
      if (PROTOTYPE_KEYS.has(name)) {
        const detail = `unknown field: ${name}`;
        throw new ApiError('invalid-parameters', `query: ${detail}`, {
          errors: [{ pointer: '', detail }],
        });
      }
    }
  }
  await next();
};
