/**
 * Split-conformal half-width: the ⌈(n+1)·level⌉-th smallest absolute validation residual.
 *
 * With residuals from windows the model was not fitted on, `[ŷ − q, ŷ + q]` covers a new target
 * with probability at least `level` when residuals are exchangeable (Vovk et al.; Lei et al. 2018).
 * Residuals are in the protocol's scaled space.
 *
 * @param residuals absolute residuals `|y − ŷ|` on the validation windows
 * @param level coverage in (0, 1), e.g. 0.8
 * @returns the half-width; `Infinity` when there are too few residuals for that level
 * @example conformalHalfWidth([0.1, 0.4, 0.2, 0.3], 0.5) // => 0.3 (⌈5·0.5⌉ = 3rd smallest)
 */
export function conformalHalfWidth(residuals: readonly number[], level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const sorted = [...residuals].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length + 1) * level);
  return rank > sorted.length ? Number.POSITIVE_INFINITY : (sorted[rank - 1] as number);
}

/** Share of `actual[i]` inside `[lower[i], upper[i]]`. */
export function empiricalCoverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  let inside = 0;
  actual.forEach((y, i) => {
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  });
  return inside / actual.length;
}
