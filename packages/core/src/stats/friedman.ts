import { averageRanks } from './averageRanks.js';
import { chiSquareSurvival } from './regularizedIncompleteGamma.js';

/** {@link friedmanTest}'s result. */
export interface FriedmanResult {
  /** Friedman's χ² statistic, corrected for ties. */
  statistic: number;
  /** Degrees of freedom, k − 1. */
  df: number;
  /** `P(χ²(k − 1) > statistic)`, the large-sample p-value (as scipy reports it). */
  pValue: number;
  /** `[k]` each treatment's mean rank over the blocks (1 = smallest value). */
  meanRanks: number[];
  /**
   * Kendall's coefficient of concordance `W = χ² / (n(k − 1))` in [0, 1]: 0 when the blocks'
   * rankings disagree completely, 1 when every block ranks the treatments alike.
   */
  kendallW: number;
  /** Blocks. */
  n: number;
  /** Treatments. */
  k: number;
}

/**
 * Friedman's rank test that k treatments measured in n blocks do not differ: within each block
 * the k values are ranked (ties take their mean rank), `R_j` is treatment j's rank sum, and
 *
 * `χ² = [12 / (n k (k + 1)) · Σ_j R_j² − 3 n (k + 1)] / C`,
 * `C = 1 − Σ_ties (t³ − t) / (n k (k² − 1))`,
 *
 * referred to χ² on k − 1 degrees of freedom. Exactly what `scipy.stats.friedmanchisquare`
 * computes (with the treatments as its arguments and the blocks as their entries). Here: blocks
 * are backtest origins, treatments are forecasters, values are errors.
 *
 * @see Friedman (1937), J. American Statistical Association 32(200), 675–701.
 * @see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.friedmanchisquare.html
 * @param blocks - `[n][k]` values, one row per block, the treatments in the same order in every
 *   row; finite. n ≥ 2, k ≥ 2.
 * @returns χ², df, p-value, mean ranks, Kendall's W, n and k.
 * @throws Error if there are fewer than 2 blocks or treatments, rows differ in length, a value is
 *   not finite, or every block is one tie (the statistic is undefined).
 * @example
 * friedmanTest([[1, 2, 3], [1, 3, 2], [1, 2, 3], [2, 1, 3]]).statistic; // => 4.5
 */
export function friedmanTest(blocks: readonly (readonly number[])[]): FriedmanResult {
  const n = blocks.length;
  const k = blocks[0]?.length ?? 0;
  if (n < 2) throw new Error(`friedmanTest: need at least 2 blocks, got ${n}`);
  if (k < 2) throw new Error(`friedmanTest: need at least 2 treatments, got ${k}`);
  const rankSums = new Array<number>(k).fill(0);
  let ties = 0;
  blocks.forEach((row, b) => {
    if (row.length !== k) {
      throw new Error(`friedmanTest: block ${b} has ${row.length} values, block 0 has ${k}`);
    }
    const ranks = averageRanks(row);
    ranks.forEach((r, j) => {
      rankSums[j] = (rankSums[j] as number) + r;
    });
    // a tie of t values shares one rank, which appears t times
    const counts = new Map<number, number>();
    for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const t of counts.values()) ties += t * t * t - t;
  });
  const correction = 1 - ties / (n * k * (k * k - 1));
  if (!(correction > 0)) {
    throw new Error('friedmanTest: every block is a single tie; the statistic is undefined');
  }
  const sumSquares = rankSums.reduce((s, r) => s + r * r, 0);
  const raw = (12 / (n * k * (k + 1))) * sumSquares - 3 * n * (k + 1);
  // Rounding can leave −1e-15 where the rank sums are all equal.
  const statistic = Math.max(0, raw / correction);
  const df = k - 1;
  return {
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
    meanRanks: rankSums.map((r) => r / n),
    kendallW: statistic / (n * df),
    n,
    k,
  };
}
