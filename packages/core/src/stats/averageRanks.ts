/**
 * Ranks of values, 1 for the smallest, ties given the mean of the ranks they span (scipy's
 * `rankdata(method='average')`, the ranks rank tests use).
 *
 * @param values - `[k]` finite values.
 * @returns `[k]` ranks in [1, k], in the input's order; they sum to k(k + 1)/2.
 * @throws Error if a value is not finite.
 * @example
 * averageRanks([3, 1, 3, 2]); // => [3.5, 1, 3.5, 2]
 */
export function averageRanks(values: readonly number[]): number[] {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`averageRanks: values[${i}] is not finite (${v})`);
  });
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) {
      end++;
    }
    // positions start .. end−1 hold equal values: ranks start+1 .. end, mean (start + 1 + end) / 2
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i] as number] = rank;
    start = end;
  }
  return ranks;
}
