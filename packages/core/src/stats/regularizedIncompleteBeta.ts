import { logGamma } from './logGamma.js';

const EPS = Number.EPSILON;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/**
 * Continued fraction of the incomplete beta function by the modified Lentz method
 * (Numerical Recipes, 3rd ed., §6.4 `betacf`). Converges fast for x < (a + 1) / (a + b + 2).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // even step
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) return h;
  }
  throw new Error(`regularizedIncompleteBeta: no convergence for a=${a}, b=${b}, x=${x}`);
}

/**
 * Regularized incomplete beta function: `I_x(a, b) = B(x; a, b) / B(a, b)`, the CDF at x of a
 * Beta(a, b) variable. Continued fraction of Numerical Recipes, 3rd ed., §6.4, using the symmetry
 * `I_x(a, b) = 1 − I_{1−x}(b, a)` where the fraction converges faster.
 *
 * @see https://dlmf.nist.gov/8.17
 * @param x - Upper limit, in [0, 1].
 * @param a - First shape parameter, > 0.
 * @param b - Second shape parameter, > 0.
 * @param oneMinusX - `1 − x`; pass it when it is known more precisely than the subtraction
 *   (x close to 1).
 * @returns `I_x(a, b)`, in [0, 1].
 * @throws Error if `x` is outside [0, 1], `a` or `b` is not a positive finite number, or the
 *   continued fraction fails to converge.
 * @example
 * regularizedIncompleteBeta(0.25, 1, 1); // => 0.25
 */
export function regularizedIncompleteBeta(
  x: number,
  a: number,
  b: number,
  oneMinusX: number = 1 - x,
): number {
  if (!(x >= 0 && x <= 1)) {
    throw new Error(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  }
  if (!(Number.isFinite(a) && a > 0 && Number.isFinite(b) && b > 0)) {
    throw new Error(`regularizedIncompleteBeta: a and b must be positive, got a=${a}, b=${b}`);
  }
  if (x === 0 || x === 1) return x;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(oneMinusX);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) {
    return (front * betaContinuedFraction(a, b, x)) / a;
  }
  return 1 - (front * betaContinuedFraction(b, a, oneMinusX)) / b;
}
