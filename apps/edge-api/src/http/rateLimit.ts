import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../appEnv.js';
import { clientKey } from './clientKey.js';
import { problem, problemResponse } from './problem.js';

/** The two limits: GET and HEAD (`reads`), POST (`compute`). */
export const RATE_LIMIT_POLICY_NAMES = ['reads', 'compute'] as const;
export type RateLimitPolicyName = (typeof RATE_LIMIT_POLICY_NAMES)[number];

/** A limit as wrangler.jsonc states it: `limit` requests per `period` seconds per client. */
export interface RateLimitPolicy {
  limit: number;
  /** Seconds: 10 or 60 (the binding takes no other). */
  period: number;
}

/** The policy that counts a request of `method`; none for CORS preflights (`OPTIONS`). */
export function policyOf(method: string): RateLimitPolicyName | undefined {
  if (method === 'OPTIONS') return undefined;
  return method === 'POST' ? 'compute' : 'reads';
}

/**
 * `RateLimit-Policy` as draft-ietf-httpapi-ratelimit-headers-10 spells it: the policy's name,
 * its quota `q` (requests) and window `w` (seconds), e.g. `"reads";q=100;w=10`.
 */
export function rateLimitPolicyField(name: RateLimitPolicyName, policy: RateLimitPolicy): string {
  return `"${name}";q=${policy.limit};w=${policy.period}`;
}

const WHAT: Record<RateLimitPolicyName, string> = {
  reads: 'GET or HEAD requests',
  compute: 'POST requests',
};

/**
 * Rate limits with the Workers Rate Limiting binding: each request but a CORS preflight is
 * counted, under its client's key ({@link clientKey} of `CF-Connecting-IP`), by `READ_LIMITER`
 * (GET, HEAD and anything else) or `COMPUTE_LIMITER` (POST). Over the limit it answers 429
 * `rate-limited` (problem details) with `Retry-After` and the draft's `RateLimit` (`r=0`) — both
 * the policy's period: the binding says only yes or no, not when its count falls, and one whole
 * period always lets it fall. Every counted answer carries `RateLimit-Policy`.
 *
 * Nothing is counted without a binding and its policy in `RATE_LIMIT_POLICIES` (an app created
 * outside a worker, as unit tests do) or without a client address (a request that came neither
 * through Cloudflare's edge, which always sets `CF-Connecting-IP`, nor through the local front
 * door, which sets it from the socket). A binding that fails lets the request through and is
 * reported to `onError`: limits protect the service, they are not worth an outage.
 */
export function rateLimit(
  options: { onError?: (error: unknown) => void } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const name = policyOf(c.req.method);
    if (name === undefined) return next();
    const env = c.env as Partial<Env> | undefined;
    const limiter = name === 'reads' ? env?.READ_LIMITER : env?.COMPUTE_LIMITER;
    const policy: RateLimitPolicy | undefined = env?.RATE_LIMIT_POLICIES?.[name];
    const key = clientKey(c.req.header('CF-Connecting-IP'));
    if (!limiter || !policy || key === undefined) return next();
    const policyField = rateLimitPolicyField(name, policy);
    let allowed = true;
    try {
      allowed = (await limiter.limit({ key })).success;
    } catch (error) {
      options.onError?.(error);
    }
    if (!allowed) {
      const detail =
        `more than ${policy.limit} ${WHAT[name]} in ${policy.period} s from this address ` +
        `(policy "${name}"); retry after ${policy.period} s`;
      return problemResponse(problem('rate-limited', detail), {
        'Retry-After': String(policy.period),
        'RateLimit-Policy': policyField,
        RateLimit: `"${name}";r=0;t=${policy.period}`,
      });
    }
    await next();
    c.header('RateLimit-Policy', policyField);
  };
}
