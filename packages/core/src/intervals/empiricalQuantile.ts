/**
 * Rule that turns a finite sample into a quantile estimate.
 *
 * - `'conformal'`: the ⌈(n+1)·p⌉-th smallest value (1-based), the split-conformal rule of
 *   Lei et al. (2018). It is `+Infinity` when that rank exceeds n, i.e. when
 *   `n < p / (1 − p)`: fewer than 4 values at p = 0.8, 19 at 0.95, 99 at 0.99.
 * - `'inverted-cdf'`: the ⌈n·p⌉-th smallest value (the first at least p of the sample is at or
 *   below), Hyndman & Fan type 1, numpy's `method='inverted_cdf'`; the smallest value at p = 0.
 *   The rule Gibbs & Candès (2021) write for adaptive conformal inference.
 * - `'linear'`: linear interpolation between order statistics at position (n−1)·p (0-based),
 *   Hyndman & Fan type 7, numpy's and R's default (`np.quantile(x, p)`).
 *
 * Ranks are taken with a relative tolerance of 1e-9 so that a product such as (99+1)·0.7, which
 * floats to 70.00000000000001, gives rank 70 as it does in exact arithmetic.
 *
 * @see Hyndman & Fan (1996), "Sample quantiles in statistical packages", The American
 *   Statistician 50(4), 361–365.
 * @see Lei, G'Sell, Rinaldo, Tibshirani & Wasserman (2018), "Distribution-free predictive
 *   inference for regression", JASA 113(523), 1094–1111.
 */
export type QuantileMethod = 'conformal' | 'inverted-cdf' | 'linear';

/** Options of {@link empiricalQuantile}. */
export interface EmpiricalQuantileOptions {
  /** The quantile rule; there is no default, so that every caller states it. */
  method: QuantileMethod;
  /** Set when `values` is already sorted ascending, to skip the copy and sort. Default false. */
  sorted?: boolean;
  /**
   * `'conformal'` only: when the rank exceeds n, return the largest value instead of
   * `+Infinity`. Keeps bounds finite, but forfeits the finite-sample coverage guarantee at that
   * level. Default false.
   */
  capAtLargest?: boolean;
}

const RANK_TOLERANCE = 1e-9;

/** ⌈x⌉ with a relative tolerance, so that float noise above an integer does not add one. */
function ceilRank(x: number): number {
  return Math.ceil(x - RANK_TOLERANCE * Math.max(1, Math.abs(x)));
}

/**
 * The values sorted ascending, as a new array, after checking that all are finite.
 *
 * @throws {RangeError} when a value is not finite
 */
export function sortedAscending(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i])) {
      throw new RangeError(`values[${i}] is not finite (${sorted[i]})`);
    }
  }
  return sorted.sort();
}

/**
 * The p-quantile of a sample under an explicit rule (see {@link QuantileMethod}), in the units
 * of the values.
 *
 * @param values - The sample, `[n]`, finite; any order unless `sorted` is set.
 * @param p - Probability: in (0, 1) for `'conformal'`, in [0, 1] for the other rules.
 * @param options - `method` (required), `sorted`, `capAtLargest`.
 * @returns The quantile; `+Infinity` for `'conformal'` when ⌈(n+1)p⌉ > n (including n = 0)
 *   unless `capAtLargest`.
 * @throws {RangeError} when p is out of range, the sample is empty (except `'conformal'`, which
 *   returns `+Infinity` for no values), or a value is not finite.
 * @example
 * empiricalQuantile([4, 1, 3, 2], 0.5, { method: 'linear' }); // => 2.5
 * empiricalQuantile([4, 1, 3, 2], 0.5, { method: 'conformal' }); // => 3 (⌈5·0.5⌉ = 3rd smallest)
 * empiricalQuantile([4, 1, 3, 2], 0.9, { method: 'conformal' }); // => Infinity (rank 5 > 4)
 */
export function empiricalQuantile(
  values: ArrayLike<number>,
  p: number,
  options: EmpiricalQuantileOptions,
): number {
  const { method, sorted: isSorted = false, capAtLargest = false } = options;
  const sorted = isSorted ? values : sortedAscending(values);
  const n = sorted.length;
  switch (method) {
    case 'conformal': {
      if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
      const rank = ceilRank((n + 1) * p);
      if (rank > n) {
        return capAtLargest && n > 0 ? (sorted[n - 1] as number) : Number.POSITIVE_INFINITY;
      }
      return sorted[rank - 1] as number;
    }
    case 'inverted-cdf': {
      checkClosedP(p, n);
      return sorted[Math.max(1, ceilRank(n * p)) - 1] as number;
    }
    case 'linear': {
      checkClosedP(p, n);
      const position = (n - 1) * p;
      const below = Math.floor(position);
      const fraction = position - below;
      const low = sorted[below] as number;
      return fraction === 0 ? low : low + fraction * ((sorted[below + 1] as number) - low);
    }
    default:
      throw new RangeError(`unknown quantile method ${JSON.stringify(method)}`);
  }
}

function checkClosedP(p: number, n: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (n === 0) throw new RangeError('no values to take a quantile of');
}
