import { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from '../http/problem.js';
import { CACHE_POLICIES } from '../http/registryCache.js';
import { ProblemSchema } from '../schemas/outputs.js';

type ProblemStatus = (typeof PROBLEMS)[keyof typeof PROBLEMS]['status'];

interface ProblemResponse {
  description: string;
  headers?: Record<string, { description: string; schema: { type: 'string' | 'integer' } }>;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
}

/** What a 429 carries beside its problem (src/http/rateLimit.ts). */
const RATE_LIMITED_HEADERS: NonNullable<ProblemResponse['headers']> = {
  'Retry-After': {
    description: 'Seconds to wait before retrying: the policy’s period (10).',
    schema: { type: 'integer' },
  },
  RateLimit: {
    description:
      'draft-ietf-httpapi-ratelimit-headers-10: the policy exhausted, nothing remaining, and ' +
      'when more quota comes, e.g. `"compute";r=0;t=10`.',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'The policy that counted the request (also on every counted answer): `"reads";q=100;w=10` ' +
      'for GET and HEAD, `"compute";q=20;w=10` for POST, per client address (IPv6: per /64).',
    schema: { type: 'string' },
  },
};

/**
 * OpenAPI `responses` entries for the given error statuses, each an RFC 9457 problem whose
 * description lists the problem types that status can carry.
 */
export function problemResponses<S extends ProblemStatus>(
  ...statuses: S[]
): Record<S, ProblemResponse> {
  const entries = statuses.map((status): [S, ProblemResponse] => {
    const slugs = Object.entries(PROBLEMS)
      .filter(([, p]) => p.status === status)
      .map(([slug, p]) => `${slug} (${p.title})`);
    return [
      status,
      {
        description: `Problem details: ${slugs.join('; ')}.`,
        ...(status === 429 ? { headers: RATE_LIMITED_HEADERS } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ];
  });
  return Object.fromEntries(entries) as Record<S, ProblemResponse>;
}

/** A JSON `200` response entry. */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

/** The validators a cached GET answers with (`src/http/registryCache.ts`). */
function cacheHeaders(policy: keyof typeof CACHE_POLICIES) {
  return {
    ETag: {
      description:
        'Strong validator of the representation: the registry version, the engine and the ' +
        'models served. Send it back as `If-None-Match` to revalidate.',
      schema: { type: 'string' as const, example: '"3f1d0c5a9b7e4c21d8e6f0a1b2c3d4e5"' },
    },
    'Cache-Control': {
      description: 'How long shared and private caches may keep the answer.',
      schema: { type: 'string' as const, enum: [CACHE_POLICIES[policy]] },
    },
  };
}

/**
 * `200` (JSON, with `ETag` and `Cache-Control`) and `304 Not Modified` entries of a GET that
 * `registryCache(policy)` serves. A 304 answers only a request that would otherwise have been
 * that 200: a request that fails validation gets its 4xx whatever `If-None-Match` says.
 */
export function cachedJsonOk<T extends z.ZodType>(
  schema: T,
  description: string,
  policy: keyof typeof CACHE_POLICIES = 'registry',
) {
  const headers = cacheHeaders(policy);
  return {
    200: { description, headers, content: { 'application/json': { schema } } },
    304: {
      description:
        'Not Modified: `If-None-Match` matches the current `ETag`. No body; the validators ' +
        'are repeated.',
      headers,
    },
  };
}

/** `If-None-Match` on a cached GET: the `ETag` of a copy the client holds (or `*`). */
export const ConditionalHeadersSchema = z.object({
  'If-None-Match': z
    .string()
    .optional()
    .openapi({
      description:
        'ETags of copies the client holds (RFC 9110 §13.1.2): a match answers 304 instead of ' +
        'the 200 the request would get.',
      example: '"3f1d0c5a9b7e4c21d8e6f0a1b2c3d4e5"',
    }),
});
