/**
 * The rate limits of a wrangler.jsonc environment, checked: the Rate Limiting bindings
 * (`ratelimits`) count, and `vars.RATE_LIMIT_POLICIES` tells the worker the same numbers for its
 * `RateLimit-Policy` header (the binding does not expose them). They must agree.
 */

/** Binding name → the policy name the worker reports it under (src/http/rateLimit.ts). */
const POLICY_OF_BINDING = { READ_LIMITER: 'reads', COMPUTE_LIMITER: 'compute' } as const;

interface Limit {
  limit: number;
  period: number;
}

/**
 * The limits of Miniflare worker options (as wrangler's `unstable_getMiniflareWorkerOptions`
 * derives them from wrangler.jsonc), by policy name.
 *
 * @throws Error naming the binding when a binding is missing or disagrees with
 *   `RATE_LIMIT_POLICIES`.
 */
export function checkedRateLimits(options: {
  ratelimits?: Record<string, { simple: Limit }>;
  bindings?: Record<string, unknown>;
}): Record<'reads' | 'compute', Limit> {
  const policies = options.bindings?.RATE_LIMIT_POLICIES as Record<string, Limit> | undefined;
  const checked: Partial<Record<'reads' | 'compute', Limit>> = {};
  for (const [binding, name] of Object.entries(POLICY_OF_BINDING)) {
    const counted = options.ratelimits?.[binding]?.simple;
    const told = policies?.[name];
    if (!counted || !told) {
      throw new Error(
        `wrangler.jsonc: ${binding} and RATE_LIMIT_POLICIES.${name} must both be set`,
      );
    }
    if (counted.limit !== told.limit || counted.period !== told.period) {
      throw new Error(
        `wrangler.jsonc: ${binding} counts ${counted.limit} per ${counted.period} s but ` +
          `RATE_LIMIT_POLICIES.${name} says ${told.limit} per ${told.period} s`,
      );
    }
    checked[name] = { limit: counted.limit, period: counted.period };
  }
  return checked as Record<'reads' | 'compute', Limit>;
}
