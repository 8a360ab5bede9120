import { logGamma } from './logGamma.js';

const EPS = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

function checkArguments(name: string, a: number, x: number): void {
  if (!(Number.isFinite(a) && a > 0)) {
    throw new Error(`${name}: a must be a positive finite number, got ${a}`);
  }
  if (!(x >= 0)) throw new Error(`${name}: x must be ≥ 0, got ${x}`);
}

/** `e^{−x} x^a / Γ(a)`, the factor both expansions share, in logs to avoid overflow. */
function front(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** P(a, x) by its series (Numerical Recipes, 3rd ed., §6.2 `gser`); converges for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * front(a, x);
  }
  throw new Error(`regularizedGamma: series did not converge for a=${a}, x=${x}`);
}

/**
 * Q(a, x) by its continued fraction, modified Lentz (Numerical Recipes, 3rd ed., §6.2 `gcf`);
 * converges for x ≥ a + 1.
 */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) return h * front(a, x);
  }
  throw new Error(`regularizedGamma: continued fraction did not converge for a=${a}, x=${x}`);
}

/**
 * Regularized lower incomplete gamma function `P(a, x) = γ(a, x) / Γ(a)`, the CDF at x of a
 * Gamma(a, 1) variable. Series for x < a + 1, else `1 − Q` by the continued fraction
 * (Numerical Recipes, 3rd ed., §6.2).
 *
 * @see https://dlmf.nist.gov/8.2
 * @param a - Shape, > 0.
 * @param x - Upper limit, ≥ 0 (`Infinity` gives 1).
 * @returns `P(a, x)` in [0, 1].
 * @throws Error if `a` is not a positive finite number or `x` is negative or NaN.
 * @example
 * regularizedGammaP(1, 1); // => 0.6321205588285578 (1 − e^{−1})
 */
export function regularizedGammaP(a: number, x: number): number {
  checkArguments('regularizedGammaP', a, x);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/**
 * Regularized upper incomplete gamma function `Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x)`, computed
 * directly where it is small (x ≥ a + 1), so far upper tails keep their relative precision.
 *
 * @see https://dlmf.nist.gov/8.2
 * @param a - Shape, > 0.
 * @param x - Lower limit, ≥ 0 (`Infinity` gives 0).
 * @returns `Q(a, x)` in [0, 1].
 * @throws Error if `a` is not a positive finite number or `x` is negative or NaN.
 * @example
 * regularizedGammaQ(1, 1); // => 0.3678794411714422 (e^{−1})
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkArguments('regularizedGammaQ', a, x);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

/**
 * Survival function of the chi-square distribution: `P(X > x)` for `X ~ χ²(df)`, i.e.
 * `Q(df/2, x/2)`.
 *
 * @param x - Point, ≥ 0.
 * @param df - Degrees of freedom, > 0.
 * @returns The upper-tail probability in [0, 1].
 * @throws Error if `df` is not a positive finite number or `x` is negative or NaN.
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // => 0.050000000000000086 (the 95th percentile)
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(Number.isFinite(df) && df > 0)) {
    throw new Error(`chiSquareSurvival: df must be a positive finite number, got ${df}`);
  }
  if (!(x >= 0)) throw new Error(`chiSquareSurvival: x must be ≥ 0, got ${x}`);
  return regularizedGammaQ(df / 2, x / 2);
}
