/** The two quantile probabilities that bound a central interval at one coverage level. */
export interface LevelProbabilities {
  /** Coverage probability of the interval, in (0, 1), e.g. 0.8. */
  level: number;
  /** Probability of the lower bound: (1 − level) / 2, e.g. 0.1. */
  lower: number;
  /** Probability of the upper bound: (1 + level) / 2, e.g. 0.9. */
  upper: number;
}

/**
 * Checks a coverage level: a probability strictly between 0 and 1 (0.8 for an 80% interval;
 * the registry and the API speak in percent, divide by 100 first).
 *
 * @throws {RangeError} otherwise, e.g. for 80
 */
export function checkLevel(level: number, name = 'level'): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`${name} must be a coverage probability in (0, 1), got ${level}`);
  }
}

/**
 * The lower and upper quantile probabilities of central (equal-tailed) intervals at the given
 * coverage levels: `(1 − l)/2` and `(1 + l)/2` for each level l.
 *
 * @param levels - Coverage probabilities in (0, 1), in any order, e.g. `[0.8, 0.95]`.
 * @returns One entry per level, in the order given.
 * @throws {RangeError} when a level is not in (0, 1) or appears twice.
 * @example
 * levelProbabilities([0.8, 0.95]);
 * // => [{ level: 0.8, lower: 0.09999999999999998, upper: 0.9 },
 * //     { level: 0.95, lower: 0.025000000000000022, upper: 0.975 }]
 */
export function levelProbabilities(levels: readonly number[]): LevelProbabilities[] {
  const seen = new Set<number>();
  return levels.map((level) => {
    checkLevel(level);
    if (seen.has(level)) throw new RangeError(`level ${level} is given twice`);
    seen.add(level);
    return { level, lower: (1 - level) / 2, upper: (1 + level) / 2 };
  });
}

/**
 * Every quantile probability the intervals at `levels` need, ascending, without repeats: the
 * set a pinball loss over those intervals averages over.
 *
 * @example quantileProbabilities([0.95, 0.8]) // => [0.025…, 0.1…, 0.9, 0.975]
 */
export function quantileProbabilities(levels: readonly number[]): number[] {
  const all = levelProbabilities(levels).flatMap(({ lower, upper }) => [lower, upper]);
  return [...new Set(all)].sort((a, b) => a - b);
}
