import { studentTCdf } from './studentTCdf.js';

/** Loss applied to each forecast error before the two models are compared. */
export type DieboldMarianoLoss = 'squared' | 'absolute';

/**
 * Alternative hypothesis, about the expected loss differential `E[d] = E[L(eA) − L(eB)]`:
 * `'less'` — A is more accurate (`E[d] < 0`); `'greater'` — B is more accurate (`E[d] > 0`);
 * `'two-sided'` — they differ.
 */
export type DieboldMarianoAlternative = 'two-sided' | 'less' | 'greater';

export interface DieboldMarianoOptions {
  /** Forecast horizon h in steps (1 for one-month-ahead); autocovariances up to lag h − 1 enter. */
  horizon?: number;
  /** Loss function L. Default `'squared'`. */
  loss?: DieboldMarianoLoss;
  /** Alternative hypothesis. Default `'two-sided'`. */
  alternative?: DieboldMarianoAlternative;
}

export interface DieboldMarianoResult {
  /** HLN-corrected statistic DM*; negative means A had the smaller mean loss. */
  statistic: number;
  /** p-value from Student's t with n − 1 degrees of freedom, for the chosen alternative. */
  pValue: number;
  /** d̄ = mean(L(eA_t) − L(eB_t)), in loss units (squared or plain units of the series). */
  meanLossDifferential: number;
  /** Number of paired forecast errors. */
  n: number;
}

/**
 * Diebold–Mariano test of equal predictive accuracy, with the small-sample correction of
 * Harvey, Leybourne & Newbold (1997).
 *
 * With `d_t = L(eA_t) − L(eB_t)` and `γ_k = (1/n) Σ_{t>k} (d_t − d̄)(d_{t−k} − d̄)`:
 * `V̂ = γ_0 + 2 Σ_{k=1}^{h−1} γ_k`, `DM = d̄ / √(V̂/n)`,
 * `DM* = DM · √((n + 1 − 2h + h(h − 1)/n) / n)`, compared with Student's t on n − 1 df.
 *
 * Sign convention: a negative statistic means model A's forecasts had the smaller average loss
 * (A more accurate); test that direction with `alternative: 'less'`.
 *
 * @see Diebold & Mariano (1995), J. Business & Economic Statistics 13(3), 253–263.
 * @see Harvey, Leybourne & Newbold (1997), Int. J. Forecasting 13(2), 281–291,
 *   https://doi.org/10.1016/S0169-2070(96)00719-4
 * @param errorsA - Forecast errors of model A (actual − forecast), one per target.
 * @param errorsB - Forecast errors of model B on the same targets, in the same order.
 * @param options - `horizon` (default 1), `loss` (default `'squared'`), `alternative`
 *   (default `'two-sided'`).
 * @returns The corrected statistic, its p-value, d̄ and n.
 * @throws Error if the error series differ in length, n < 2, a value is not finite, `horizon`
 *   is not an integer in [1, n), `loss` or `alternative` is unknown, or the estimated variance
 *   V̂ is not positive (identical losses, or negative autocovariances outweighing γ_0 when h > 1).
 * @example
 * dieboldMariano([1, -1, 1, 0.5], [2, -2, 1.5, 1]).statistic; // => -3.4112114616897666
 */
export function dieboldMariano(
  errorsA: ArrayLike<number>,
  errorsB: ArrayLike<number>,
  options: DieboldMarianoOptions = {},
): DieboldMarianoResult {
  const { horizon: h = 1, loss = 'squared', alternative = 'two-sided' } = options;
  const n = errorsA.length;
  if (n !== errorsB.length) {
    throw new Error(`dieboldMariano: length mismatch (errorsA ${n}, errorsB ${errorsB.length})`);
  }
  if (n < 2) {
    throw new Error(`dieboldMariano: need at least two paired errors, got ${n}`);
  }
  if (!Number.isInteger(h) || h < 1 || h >= n) {
    throw new Error(`dieboldMariano: horizon must be an integer in [1, ${n}), got ${h}`);
  }
  if (loss !== 'squared' && loss !== 'absolute') {
    throw new Error(`dieboldMariano: unknown loss '${loss}'`);
  }
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new Error(`dieboldMariano: unknown alternative '${alternative}'`);
  }

  const lossOf = loss === 'squared' ? (e: number) => e * e : Math.abs;
  const d = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const a = errorsA[t] as number;
    const b = errorsB[t] as number;
    if (!(Number.isFinite(a) && Number.isFinite(b))) {
      throw new Error(`dieboldMariano: non-finite error at index ${t}`);
    }
    d[t] = lossOf(a) - lossOf(b);
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
