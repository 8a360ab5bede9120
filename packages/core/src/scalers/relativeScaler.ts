import type { Scaler } from './scaler.js';

/**
 * The scale-free protocol: each value becomes its log ratio to the window's last value, divided by
 * the training standard deviation σ of one-month log returns.
 *
 * inputs `x̃_t = ln(x_t / x_last) / σ` (so the last input is 0), target `ỹ = ln(y / x_last) / σ`,
 * inverse `y = x_last · exp(σ · ỹ)`.
 *
 * @param logReturnStd σ, from {@link fitLogReturnStd} on training data only
 * @throws {RangeError} when σ is not a positive finite number
 */
export function relativeScaler(logReturnStd: number): Scaler {
  if (!(Number.isFinite(logReturnStd) && logReturnStd > 0)) {
    throw new RangeError(`logReturnStd must be positive and finite, got ${logReturnStd}`);
  }
  const sigma = logReturnStd;
  const anchor = (window: readonly number[]): number => {
    const last = window[window.length - 1];
    if (last === undefined || !(last > 0)) {
      throw new RangeError('relative scaling needs a non-empty window ending in a positive value');
    }
    return last;
  };
  return {
    params: { kind: 'relative', logReturnStd: sigma },
    scaleWindow(window) {
      const last = anchor(window);
      return window.map((x) => Math.log(x / last) / sigma);
    },
    scaleTarget: (target, window) => Math.log(target / anchor(window)) / sigma,
    unscaleTarget: (scaled, window) => anchor(window) * Math.exp(sigma * scaled),
  };
}

/**
 * Sample standard deviation (n−1) of one-month log returns `ln(v[t] / v[t−1])` of a series.
 *
 * Pass the training span only (the values the training windows cover), never test months.
 *
 * @throws {RangeError} with fewer than 3 values or a non-positive value
 * @example fitLogReturnStd([100, 110, 99]) // => 0.1698… (returns ln 1.1 and ln 0.9)
 */
export function fitLogReturnStd(values: readonly number[]): number {
  if (values.length < 3) throw new RangeError('need at least 3 values to fit a return std');
  const returns: number[] = [];
  for (let t = 1; t < values.length; t++) {
    const a = values[t - 1] as number;
    const b = values[t] as number;
    if (!(a > 0 && b > 0)) throw new RangeError(`value at ${a > 0 ? t : t - 1} is not positive`);
    returns.push(Math.log(b / a));
  }
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const ss = returns.reduce((s, r) => s + (r - mean) ** 2, 0);
  return Math.sqrt(ss / (returns.length - 1));
}
