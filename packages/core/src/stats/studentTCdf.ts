import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';

/**
 * Cumulative distribution function of Student's t distribution: `P(T ≤ x)` for `T ~ t(df)`.
 * Uses `P(|T| > |x|) = I_z(df/2, 1/2)` with `z = df/(df + x²)`, and its complement
 * `P(|T| < |x|) = I_{1−z}(1/2, df/2)`, evaluating whichever the continued fraction computes
 * directly: far tails keep their relative precision and the centre does not round to 0.5.
 *
 * @see https://en.wikipedia.org/wiki/Student%27s_t-distribution#Cumulative_distribution_function
 * @param x - Point at which to evaluate; ±Infinity allowed.
 * @param df - Degrees of freedom, > 0 (need not be an integer).
 * @returns The probability, in [0, 1].
 * @throws Error if `x` is NaN or `df` is not a positive finite number.
 * @example
 * studentTCdf(-1, 1); // => 0.24999999999999978 (exactly 1/4)
 */
export function studentTCdf(x: number, df: number): number {
  if (Number.isNaN(x)) {
    throw new Error('studentTCdf: x is NaN');
  }
  if (!(Number.isFinite(df) && df > 0)) {
    throw new Error(`studentTCdf: df must be a positive finite number, got ${df}`);
  }
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  const x2 = x * x;
  const z = df / (df + x2);
  const oneMinusZ = x2 / (df + x2);
  const a = df / 2;
  const b = 0.5;
  if (z < (a + 1) / (a + b + 2)) {
    // the tail beyond |x| is the direct side (cf. the switch in regularizedIncompleteBeta)
    const tail = 0.5 * regularizedIncompleteBeta(z, a, b, oneMinusZ);
    return x < 0 ? tail : 1 - tail;
  }
  const centre = 0.5 * regularizedIncompleteBeta(oneMinusZ, b, a, z);
  return x < 0 ? 0.5 - centre : 0.5 + centre;
}
