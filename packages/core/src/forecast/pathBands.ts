import type { Protocol, ScoreKind } from '../constants.js';
import { empiricalQuantile } from '../intervals/empiricalQuantile.js';
import { multiplicativeBand } from '../intervals/multiplicativeBand.js';
import type { Calibration } from '../registry/calibration.js';

/**
 * The quantile probability of a central interval's bound, spelled as the registry's and the API's
 * JSON keys it: `(100 ∓ level) / 200` in the shortest decimal, e.g. `"0.1"` and `"0.9"` at 80,
 * `"0.025"` and `"0.975"` at 95.
 *
 * @param level - Coverage in percent, in (0, 100).
 * @returns `[lowerKey, upperKey]`.
 * @example quantileKeys(95) // => ['0.025', '0.975']
 */
export function quantileKeys(level: number): [string, string] {
  checkPercent(level);
  return [String((100 - level) / 200), String((100 + level) / 200)];
}

function checkPercent(level: number): void {
  if (!(level > 0 && level < 100)) {
    throw new RangeError(`level must be a coverage in percent in (0, 100), got ${level}`);
  }
}

/**
 * A calibration set's quantiles for a central interval at coverage `p` (a probability), with the
 * split-conformal rule, rank clipped to the sample: the offsets `[lo, hi]` to add to the forecast
 * (in the scores' units) and whether a rank had to be clipped.
 *
 * - `absolute` scores (|z|): `±q`, q the ⌈(n+1)·p⌉-th smallest.
 * - `signed` scores (z): `hi` the ⌈(n+1)·(1+p)/2⌉-th smallest, `lo` the as-many-th largest (the
 *   same rule on −z), so each tail holds at most (1 − p)/2.
 *
 * When the rank exceeds n (too few scores for the level: n < p/(1−p) for absolute, e.g. fewer
 * than 99 at 0.99) the largest (smallest) score is used instead, and `clipped` is true: the bound
 * is finite but has lost the finite-sample guarantee.
 *
 * @param sorted - `[n]` scores, ascending, n ≥ 1.
 * @param p - Coverage probability in (0, 1).
 * @throws {RangeError} for no scores or p outside (0, 1).
 * @example
 * conformalOffsets([1, 2, 3, 4], 'absolute', 0.5); // => { lo: -3, hi: 3, clipped: false }
 */
export function conformalOffsets(
  sorted: ArrayLike<number>,
  scores: ScoreKind,
  p: number,
): { lo: number; hi: number; clipped: boolean } {
  const n = sorted.length;
  if (n === 0) throw new RangeError('no calibration scores');
  const rank = conformalRank(n, scores === 'absolute' ? p : (1 + p) / 2);
  const clipped = rank > n;
  const k = clipped ? n : rank;
  const hi = sorted[k - 1] as number;
  // The k-th largest: the same rule on −z, read from the other end.
  return { lo: scores === 'absolute' ? -hi : (sorted[n - k] as number), hi, clipped };
}

const ranks = new Map<number, Float64Array>();

/**
 * The split-conformal rank ⌈(n+1)·p⌉ (1-based) as core's `empiricalQuantile` takes it (with its
 * float tolerance), `+Infinity` when it exceeds n: the rule applied to the ranks 1..n themselves.
 */
function conformalRank(n: number, p: number): number {
  let ladder = ranks.get(n);
  if (!ladder) {
    ladder = Float64Array.from({ length: n }, (_, i) => i + 1);
    if (ranks.size < 4096) ranks.set(n, ladder);
  }
  return empiricalQuantile(ladder, p, { method: 'conformal', sorted: true });
}

/** One horizon of {@link pathBands}' result. */
export interface PathBand {
  /** h, months ahead. */
  horizon: number;
  /** The point forecast ŷ_h, index points. */
  value: number;
  /**
   * Bounds in index points keyed by quantile probability ({@link quantileKeys}): for every
   * level its lower `(100 − level)/200` and upper `(100 + level)/200` quantile.
   */
  quantiles: Record<string, number>;
  /** `[lower, upper]` in index points, keyed by level in percent (`"80"`). */
  intervals: Record<string, [number, number]>;
  /** Scores the horizon's calibration holds. */
  calibrationSize: number;
  /** True when a level needed more scores than the calibration holds (rank clipped to n). */
  rankClipped: boolean;
  /** Reference protocol only: true when a lower bound fell below 0 and was raised to 0. */
  clamped: boolean;
}

/** Options of {@link pathBands}. */
export interface PathBandsOptions {
  /** The served method's state (a manifest's `calibration`, or one fitted to a posted history). */
  calibration: Calibration;
  /**
   * The path from one origin: `values` `[H]` ŷ_1..ŷ_H in index points (`forecastPaths`), and for
   * `learnedScale` its `scales` `[H]` (path scales s_h, protocol error units).
   */
  path: { values: readonly number[]; scales?: readonly number[] };
  /** Coverage levels in percent, in (0, 100), e.g. `[80, 95]`. */
  levels: readonly number[];
  /**
   * The model's protocol: `relative` bands are multiplicative, `ŷ·exp(m·lo) .. ŷ·exp(m·hi)`;
   * `reference` bands additive in points, `ŷ + m·lo .. ŷ + m·hi`, clamped at 0.
   */
  protocol: Protocol;
}

/**
 * Quantiles of a forecast path at any levels, from a stored calibration: per horizon h the
 * conformal offsets of its scores ({@link conformalOffsets}) times the method's scale m_h, around
 * ŷ_h. m_h is 1 for `static` and `rolling`, `σ_T·√h` for `volatility` (σ_T² the stored EWMA
 * variance at the origin), and the path scale s_h for `learnedScale`.
 *
 * Bounds are always finite: ranks are clipped to the calibration size (`rankClipped` says so),
 * relative bands are positive by construction, and reference bands are clamped at 0 (`clamped`).
 *
 * @param options - `calibration`, `path`, `levels`, `protocol`.
 * @returns One {@link PathBand} per horizon of the path (which may be shorter than the
 *   calibration's).
 * @throws {RangeError} when the path is longer than the calibration, a level is out of range or
 *   repeated, a `learnedScale` path has no scales, or a value is not usable.
 * @example
 * pathBands({ protocol: 'relative', levels: [50],
 *   calibration: { method: 'static', scores: 'absolute',
 *     horizons: [{ horizon: 1, size: 3, scores: [0.01, 0.02, 0.05] }] },
 *   path: { values: [100] } })[0].quantiles;
 * // => { '0.25': 98.019…, '0.75': 102.020… }  (100·e^∓0.02: ⌈4·0.5⌉ = 2nd smallest)
 */
export function pathBands(options: PathBandsOptions): PathBand[] {
  const { calibration, path, levels, protocol } = options;
  const H = path.values.length;
  if (H > calibration.horizons.length) {
    throw new RangeError(
      `a path of ${H} months but a calibration of ${calibration.horizons.length} horizons`,
    );
  }
  const seen = new Set<number>();
  for (const level of levels) {
    checkPercent(level);
    if (seen.has(level)) throw new RangeError(`level ${level} is given twice`);
    seen.add(level);
  }
  if (calibration.method === 'learnedScale' && (path.scales?.length ?? 0) < H) {
    throw new RangeError('a learnedScale calibration needs the path scales');
  }
  return path.values.map((value, i) => {
    const horizon = i + 1;
    const { size, scores } = calibration.horizons[i] as Calibration['horizons'][number];
    const multiplier = scaleMultiplier(calibration, horizon, path.scales?.[i]);
    if (!(Number.isFinite(value) && (protocol === 'reference' || value > 0))) {
      throw new RangeError(`path value ${value} at h = ${horizon} is not usable`);
    }
    const quantiles: Record<string, number> = {};
    const intervals: Record<string, [number, number]> = {};
    let rankClipped = false;
    let clamped = false;
    for (const level of levels) {
      const { lo, hi, clipped } = conformalOffsets(scores, calibration.scores, level / 100);
      rankClipped ||= clipped;
      let band: [number, number];
      if (protocol === 'relative') {
        const { lower, upper } = multiplicativeBand({
          last: value,
          sigma: multiplier,
          lowerScaled: lo,
          upperScaled: hi,
        });
        band = [lower, upper];
      } else {
        const lower = value + multiplier * lo;
        const upper = value + multiplier * hi;
        if (lower < 0) clamped = true;
        band = [Math.max(0, lower), Math.max(0, upper)];
      }
      const [lowerKey, upperKey] = quantileKeys(level);
      quantiles[lowerKey] = band[0];
      quantiles[upperKey] = band[1];
      intervals[String(level)] = band;
    }
    return { horizon, value, quantiles, intervals, calibrationSize: size, rankClipped, clamped };
  });
}

/**
 * The factor m_h that turns a calibration's scores into the protocol's error units at horizon h
 * from the origin the calibration describes: 1 (`static`, `rolling`), `σ_T·√h` (`volatility`),
 * the path scale s_h (`learnedScale`).
 *
 * @throws {RangeError} when the needed volatility or scale is missing or not positive.
 */
export function scaleMultiplier(
  calibration: Pick<Calibration, 'method' | 'volatility'>,
  horizon: number,
  pathScale?: number,
): number {
  let m = 1;
  if (calibration.method === 'volatility') {
    const variance = calibration.volatility?.variance;
    if (variance === undefined) throw new RangeError('a volatility calibration needs its variance');
    m = Math.sqrt(variance * horizon);
  } else if (calibration.method === 'learnedScale') {
    if (pathScale === undefined) throw new RangeError('a learnedScale calibration needs s_h');
    m = pathScale;
  }
  if (!(Number.isFinite(m) && m > 0)) throw new RangeError(`scale ${m} at h = ${horizon}`);
  return m;
}
