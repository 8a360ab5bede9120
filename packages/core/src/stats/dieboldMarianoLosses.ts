import type { DieboldMarianoAlternative, DieboldMarianoResult } from './dieboldMariano.js';
import { studentTCdf } from './studentTCdf.js';

/** Options of {@link dieboldMarianoLosses}. */
export interface DieboldMarianoLossesOptions {
  /** Forecast horizon h in steps (1 for one-month-ahead); autocovariances up to lag h − 1 enter. */
  horizon?: number;
  /** Alternative hypothesis about `E[lossA − lossB]`. Default `'two-sided'`. */
  alternative?: DieboldMarianoAlternative;
}

/**
 * Diebold–Mariano test with the Harvey–Leybourne–Newbold (1997) correction, on any per-month
 * losses: `d_t = lossA_t − lossB_t`, e.g. the interval scores of two forecasters
 * ({@link intervalScores}), their pinball losses, or squared errors (what
 * {@link dieboldMariano} computes from errors).
 *
 * With `γ_k = (1/n) Σ_{t>k} (d_t − d̄)(d_{t−k} − d̄)`: `V̂ = γ_0 + 2 Σ_{k=1}^{h−1} γ_k`,
 * `DM = d̄ / √(V̂/n)`, `DM* = DM · √((n + 1 − 2h + h(h − 1)/n) / n)`, Student's t on n − 1 df.
 * A negative statistic means A had the smaller mean loss; test that with `alternative: 'less'`.
 *
 * @see Diebold & Mariano (1995), J. Business & Economic Statistics 13(3), 253–263.
 * @see Harvey, Leybourne & Newbold (1997), Int. J. Forecasting 13(2), 281–291.
 * @param lossesA - `[n]` losses of forecaster A, one per month (any unit, e.g. index points).
 * @param lossesB - `[n]` losses of forecaster B on the same months, in the same order.
 * @param options - `horizon` (default 1), `alternative` (default `'two-sided'`).
 * @returns DM*, its p-value, d̄ (in loss units) and n.
 * @throws Error if the lengths differ, n < 2, a loss is not finite, `horizon` is not an integer
 *   in [1, n), `alternative` is unknown, or the long-run variance V̂ is not positive.
 * @example
 * dieboldMarianoLosses([1, 1, 1, 0.25], [4, 4, 2.25, 1]).statistic; // => -3.4112114616897666
 */
export function dieboldMarianoLosses(
  lossesA: ArrayLike<number>,
  lossesB: ArrayLike<number>,
  options: DieboldMarianoLossesOptions = {},
): DieboldMarianoResult {
  const { horizon: h = 1, alternative = 'two-sided' } = options;
  const n = lossesA.length;
  if (n !== lossesB.length) {
    throw new Error(`dieboldMariano: length mismatch (A ${n}, B ${lossesB.length})`);
  }
  if (n < 2) {
    throw new Error(`dieboldMariano: need at least two paired losses, got ${n}`);
  }
  if (!Number.isInteger(h) || h < 1 || h >= n) {
    throw new Error(`dieboldMariano: horizon must be an integer in [1, ${n}), got ${h}`);
  }
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new Error(`dieboldMariano: unknown alternative '${alternative}'`);
  }

  const d = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const a = lossesA[t] as number;
    const b = lossesB[t] as number;
    if (!(Number.isFinite(a) && Number.isFinite(b))) {
      throw new Error(`dieboldMariano: non-finite loss at index ${t}`);
    }
    d[t] = a - b;
  }
  const mean = d.reduce((s, v) => s + v, 0) / n;

  let variance = 0;
  for (let k = 0; k < h; k++) {
    let gamma = 0;
    for (let t = k; t < n; t++) {
      gamma += ((d[t] as number) - mean) * ((d[t - k] as number) - mean);
    }
    variance += (k === 0 ? 1 : 2) * (gamma / n);
  }
  if (!(variance > 0)) {
    throw new Error(
      `dieboldMariano: long-run variance of the loss differential is not positive (${variance})`,
    );
  }

  const dm = mean / Math.sqrt(variance / n);
  const statistic = dm * Math.sqrt((n + 1 - 2 * h + (h * (h - 1)) / n) / n);
  const df = n - 1;
  // Tails via symmetry, cdf(−x) rather than 1 − cdf(x), so small p-values keep their precision.
  const pValue =
    alternative === 'less'
      ? studentTCdf(statistic, df)
      : alternative === 'greater'
        ? studentTCdf(-statistic, df)
        : Math.min(1, 2 * studentTCdf(-Math.abs(statistic), df));
  return { statistic, pValue, meanLossDifferential: mean, n };
}
