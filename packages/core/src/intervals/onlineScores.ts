/** The validated errors of an online method. @internal */
export interface CheckedScores {
  /** `[n]` absolute errors; `NaN` only in the last `horizon` entries. */
  scores: Float64Array;
  horizon: number;
}

/**
 * Validates `errors` and `horizon` and takes absolute values.
 *
 * @throws {RangeError} when `horizon` is not a positive integer, or an error is infinite, or
 *   `NaN` outside the last `horizon` entries
 * @internal
 */
export function checkOnlineScores(errors: ArrayLike<number>, horizon: number): CheckedScores {
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new RangeError(`horizon must be a positive integer, got ${horizon}`);
  }
  const n = errors.length;
  const scores = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const e = errors[t] as number;
    if (Number.isNaN(e) && t >= n - horizon) {
      scores[t] = Number.NaN;
      continue;
    }
    if (!Number.isFinite(e)) {
      throw new RangeError(
        `errors[${t}] is ${e}: only the last ${horizon} errors (not yet observed) may be NaN`,
      );
    }
    scores[t] = Math.abs(e);
  }
  return { scores, horizon };
}

/**
 * Checks a rolling window length: a positive integer or `Infinity` (all scores so far).
 *
 * @throws {RangeError} otherwise
 * @internal
 */
export function checkWindow(window: number): void {
  if (!(window === Number.POSITIVE_INFINITY || (Number.isInteger(window) && window >= 1))) {
    throw new RangeError(`window must be a positive integer or Infinity, got ${window}`);
  }
}

/**
 * The usable scores at origin t, oldest first: `scores[s]` for
 * `max(0, t − h − window + 1) ≤ s ≤ t − h`.
 *
 * @internal
 */
export function usableScores(
  scores: Float64Array,
  t: number,
  horizon: number,
  window: number,
): Float64Array {
  const end = t - horizon + 1;
  if (end <= 0) return new Float64Array(0);
  const start = window === Number.POSITIVE_INFINITY ? 0 : Math.max(0, end - window);
  return scores.subarray(start, end);
}

/**
 * Half-widths an online method ({@link rollingConformal}, {@link adaptiveConformal},
 * {@link volatilityScaledOnline}) would have used, one per forecast origin.
 *
 * Timing convention, used by all of them: the sequence is indexed by forecast origin t (the last
 * month the forecast could see), one origin per month. `errors[t]` is the error of the h-step
 * forecast made at origin t; it becomes known at origin t + h, when its target arrives. So the
 * half-width at origin t may use only `errors[s]` with `s ≤ t − h`.
 *
 * The last h entries may be `NaN`: forecasts whose targets have not arrived, such as the live
 * forecast. Append `NaN` to get the half-width for an origin after the last observed error.
 */
export interface OnlineHalfWidths {
  /**
   * `[n]` half-width at each origin t, in the units of the errors, computed only from errors
   * whose targets are known at t (origins ≤ t − h); `+Infinity` where the rule cannot be met.
   */
  halfWidths: number[];
  /** `[n]` how many past errors the half-width at each origin was taken from. */
  scoresUsed: number[];
}
