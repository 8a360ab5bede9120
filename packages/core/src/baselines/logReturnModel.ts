import type { Ar1 } from './fitAr1.js';

/**
 * A point forecaster of log returns, as plain data (so it can be stored and sent to a worker):
 * naive (no change), drift (a constant mean log return μ per period) or AR(1) on one-period log
 * returns.
 */
export type LogReturnModel =
  | { kind: 'naive' }
  | { kind: 'drift' /** μ, mean log return per period. */; mu: number }
  | ({ kind: 'ar1' } & Ar1);

/**
 * The model's h-period mean log-return forecast from an origin: the expected
 * `ln(v[origin+h] / v[origin])`. Naive: 0. Drift: h·μ. AR(1): `Σ_{k=1}^{h} E[r_{t+k}]` with
 * `E[r_{t+k}] = c + φ·E[r_{t+k−1}]` started from the origin's own return
 * `r_t = ln(v_t / v_{t−1})`, i.e. the multi-step mean of the fitted recursion.
 *
 * @param model - The fitted model.
 * @param window - Values up to and including the origin, oldest first, positive (index points);
 *   at least 1 value (2 for AR(1)).
 * @param horizon - h ≥ 1, in periods.
 * @returns The mean log return over the h periods.
 * @throws {RangeError} when the window is too short or holds a non-positive value, or h is not a
 *   positive integer.
 * @example
 * forecastLogReturn({ kind: 'ar1', c: 0.01, phi: 0.5 }, [100, 110], 2);
 * // => 0.0964… (0.01 + 0.5·ln 1.1 = 0.0577, then 0.01 + 0.5·0.0577 = 0.0388)
 */
export function forecastLogReturn(
  model: LogReturnModel,
  window: readonly number[],
  horizon: number,
): number {
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  const last = window[window.length - 1];
  if (last === undefined || !(last > 0)) {
    throw new RangeError('the window must end in a positive value');
  }
  switch (model.kind) {
    case 'naive':
      return 0;
    case 'drift':
      return horizon * model.mu;
    case 'ar1': {
      const previous = window[window.length - 2];
      if (previous === undefined || !(previous > 0)) {
        throw new RangeError('an AR(1) forecast needs a window of two positive values');
      }
      let expected = Math.log(last / previous);
      let sum = 0;
      for (let k = 1; k <= horizon; k++) {
        expected = model.c + model.phi * expected;
        sum += expected;
      }
      return sum;
    }
    default:
      throw new RangeError(
        `unknown model kind ${JSON.stringify((model as { kind: unknown }).kind)}`,
      );
  }
}
