import { dieboldMarianoLosses } from './dieboldMarianoLosses.js';

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
 * Harvey, Leybourne & Newbold (1997), on a squared or absolute loss of forecast errors. For any
 * other per-month loss (interval scores, pinball losses) use {@link dieboldMarianoLosses}, which
 * this delegates to.
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
  const { horizon = 1, loss = 'squared', alternative = 'two-sided' } = options;
  const n = errorsA.length;
  if (n !== errorsB.length) {
    throw new Error(`dieboldMariano: length mismatch (errorsA ${n}, errorsB ${errorsB.length})`);
  }
  if (loss !== 'squared' && loss !== 'absolute') {
    throw new Error(`dieboldMariano: unknown loss '${loss}'`);
  }
  const lossOf = loss === 'squared' ? (e: number) => e * e : Math.abs;
  for (let t = 0; t < n; t++) {
    if (!(Number.isFinite(errorsA[t]) && Number.isFinite(errorsB[t]))) {
      throw new Error(`dieboldMariano: non-finite error at index ${t}`);
    }
  }
  return dieboldMarianoLosses(Array.from(errorsA, lossOf), Array.from(errorsB, lossOf), {
    horizon,
    alternative,
  });
}
