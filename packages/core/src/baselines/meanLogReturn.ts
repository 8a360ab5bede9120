/**
 * Mean one-step log return of a series: `mean(log(v_t / v_{t−1}))` for t = 1 .. n−1. Per step
 * (per month for monthly closes), unitless. Pass the training series only, so that no test
 * month leaks into the drift.
 *
 * The sum telescopes to `log(v_{n−1} / v_0)`, which is what is computed: exact, and free of the
 * rounding a long sum of small logs collects.
 *
 * @see https://otexts.com/fpp3/simple-methods.html#drift-method
 * @param values - The series, oldest first; at least two values, all positive and finite.
 * @returns The mean log return per step.
 * @throws Error if there are fewer than two values or a value is not positive and finite.
 * @example
 * meanLogReturn([100, 110, 121]); // => 0.09531017980432485 (log 1.1, to rounding)
 */
export function meanLogReturn(values: ArrayLike<number>): number {
  if (values.length < 2) {
    throw new Error(`meanLogReturn: need at least two values, got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new Error(`meanLogReturn: values[${i}] must be positive and finite, got ${v}`);
    }
  }
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  return Math.log(last / first) / (values.length - 1);
}
