// Lanczos coefficients of Numerical Recipes, 3rd ed., §6.1 `gammln` (relative error < 1e-15),
// written as the doubles they round to (the book prints 18 digits).
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 1.580887032249125e-4,
  -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];

/**
 * Natural logarithm of the gamma function, `ln Γ(x)` for x > 0, by the Lanczos approximation
 * (Numerical Recipes, 3rd ed., §6.1).
 *
 * @see https://en.wikipedia.org/wiki/Lanczos_approximation
 * @param x - Argument, > 0.
 * @returns `ln Γ(x)`.
 * @throws Error if `x` is not a positive finite number.
 * @example
 * logGamma(10); // => 12.801827480081469 (ln 9!)
 */
export function logGamma(x: number): number {
  if (!(Number.isFinite(x) && x > 0)) {
    throw new Error(`logGamma: x must be a positive finite number, got ${x}`);
  }
  let tmp = x + 5.2421875;
  tmp = (x + 0.5) * Math.log(tmp) - tmp;
  let series = 0.9999999999999971;
  let y = x;
  for (const c of LANCZOS) {
    y += 1;
    series += c / y;
  }
  return tmp + Math.log((2.5066282746310007 * series) / x);
}
