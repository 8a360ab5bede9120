/**
 * Central bands from quantiles keyed by probability — the shape both the registry's
 * `forecast.path` and the API's `path` use (`{ "0.1": 6900, "0.9": 8100 }`) — for the build and
 * the browser alike.
 */

/** A central interval at one coverage level, in index points. */
export interface SiteBand {
  /** Coverage level in percent, e.g. 80. */
  level: number;
  lower: number;
  upper: number;
}

/** How far a key's probability may sit from `(1 ∓ l)/2` and still name it (keys are decimals). */
const TOLERANCE = 1e-9;

function quantileAt(quantiles: Readonly<Record<string, number>>, p: number): number | undefined {
  for (const [key, value] of Object.entries(quantiles)) {
    if (Math.abs(Number(key) - p) <= TOLERANCE) return value;
  }
  return undefined;
}

/**
 * The central band at each level from quantiles keyed by probability: level `l` (percent) takes
 * the quantiles at `(1 − l/100)/2` and `(1 + l/100)/2`. Keys are matched as numbers, so `"0.1"`
 * and `"0.10"` both name the 10% quantile (and `(1 − 0.8)/2`'s rounding does not matter).
 *
 * @param quantiles e.g. `{ "0.1": 6900, "0.9": 8100 }`, in points
 * @param levels coverage levels in percent, e.g. `[50, 80, 95]`
 * @returns one band per level, ascending by level
 * @throws {RangeError} if a level's lower or upper quantile is missing, or lower > upper
 * @example bandsFromQuantiles({ '0.1': 1, '0.9': 3 }, [80]) // => [{ level: 80, lower: 1, upper: 3 }]
 */
export function bandsFromQuantiles(
  quantiles: Readonly<Record<string, number>>,
  levels: readonly number[],
): SiteBand[] {
  return [...levels]
    .sort((a, b) => a - b)
    .map((level) => {
      const lower = quantileAt(quantiles, (1 - level / 100) / 2);
      const upper = quantileAt(quantiles, (1 + level / 100) / 2);
      if (lower === undefined || upper === undefined) {
        throw new RangeError(`no ${level}% quantiles among [${Object.keys(quantiles).join(', ')}]`);
      }
      if (lower > upper) throw new RangeError(`${level}% band [${lower}, ${upper}] is reversed`);
      return { level, lower, upper };
    });
}

/**
 * The levels whose two quantiles are both present, ascending.
 *
 * @example levelsInQuantiles({ '0.025': 1, '0.1': 2, '0.9': 3, '0.975': 4 }) // => [80, 95]
 */
export function levelsInQuantiles(quantiles: Readonly<Record<string, number>>): number[] {
  const levels = new Set<number>();
  for (const key of Object.keys(quantiles)) {
    const p = Number(key);
    if (!(p > 0.5 && p < 1)) continue;
    const level = Math.round((2 * p - 1) * 1000) / 10;
    if (quantileAt(quantiles, 1 - p) !== undefined) levels.add(level);
  }
  return [...levels].sort((a, b) => a - b);
}
