import {
  adaptiveConformal,
  type Calibration,
  conformalOffsets,
  EWMA_LAMBDA,
  ewmaVolatility,
  multiplicativeBand,
  REPORT_LEVELS,
} from '@gatecast/core';
import type { ForecasterPaths } from './forecasterPaths.js';
import { pathErrors } from './forecasterPaths.js';
import type { IntervalCandidate } from './intervalCandidates.js';
import type { Timeline } from './timeline.js';

/**
 * A forecaster's intervals at every report level, for every horizon and every origin from
 * `from` (C, the start of the selection half) to the timeline's last month.
 */
export interface BandSet {
  /** First origin with bands. */
  from: number;
  /** `[H][REPORT_LEVELS.length][last − from + 1]` lower bounds, index points. */
  lower: Float64Array[][];
  /** Upper bounds, same shape. */
  upper: Float64Array[][];
}

/** Least usable errors before ACI starts updating (capped at the largest score below its rank). */
export const ACI_MIN_SCORES = 10;

/**
 * `[months]` the EWMA volatility (RiskMetrics, λ = 0.94) of one-month log returns at each month,
 * from the series up to that month only; initialised with the mean of the first 12 squared
 * returns (1950), so by the first validation origin (2002) the start has no weight left.
 */
export function volatilityAt(timeline: Timeline): number[] {
  return ewmaVolatility(timeline.values, { lambda: EWMA_LAMBDA });
}

/**
 * The origins whose h-step scores calibrate origin t, `[a, b]` inclusive, every one observed by t
 * (s + h ≤ t): a window W takes the last W (`max(o₀, t − h − W + 1) .. t − h`); without one, the
 * static set is the validation tail's calibration half (`o₀ .. C − h`) at selection-half origins
 * (t < V) and the whole validation tail (`o₀ .. V − h`) from the first test origin V on.
 */
export function calibrationRange(
  timeline: Timeline,
  window: number | undefined,
  h: number,
  t: number,
): [number, number] {
  const { firstOrigin, calibrationEnd, validationEnd } = timeline;
  if (window !== undefined) return [Math.max(firstOrigin, t - h - window + 1), t - h];
  return [firstOrigin, (t < validationEnd ? calibrationEnd : validationEnd) - h];
}

/** What a candidate's scores are divided by at origin t (and its band multiplied by). */
function normaliser(
  candidate: IntervalCandidate,
  paths: ForecasterPaths,
  sigmas: readonly number[],
  timeline: Timeline,
  h: number,
  t: number,
): number {
  if (candidate.method === 'volatility') return (sigmas[t] as number) * Math.sqrt(h);
  if (candidate.method === 'learnedScale') {
    const scale = paths.scales?.[h - 1]?.[t - timeline.firstOrigin];
    if (scale === undefined) throw new Error('learnedScale needs a model with a learned scale');
    return scale;
  }
  return 1;
}

/**
 * The band `ŷ ⊕ m·[lo, hi]`: multiplicative `ŷ·exp(m·lo) .. ŷ·exp(m·hi)` in log space (core's
 * `multiplicativeBand`), additive and clamped at 0 in points — as core's `pathBands` builds it.
 */
function band(space: ForecasterPaths['space'], point: number, m: number, lo: number, hi: number) {
  if (space === 'log') {
    const { lower, upper } = multiplicativeBand({
      last: point,
      sigma: m,
      lowerScaled: lo,
      upperScaled: hi,
    });
    return [lower, upper] as const;
  }
  return [Math.max(0, point + m * lo), Math.max(0, point + m * hi)] as const;
}

/**
 * `[origins]` a candidate's normalised scores at horizon h, `z_h(s) / m_h(s)` (absolute values for
 * `absolute`), one per origin o₀ .. last; `NaN` where the target is not yet observed.
 */
function normalisedScores(
  candidate: IntervalCandidate,
  paths: ForecasterPaths,
  errors: Float64Array[],
  sigmas: readonly number[],
  timeline: Timeline,
  h: number,
): Float64Array {
  const row = errors[h - 1] as Float64Array;
  return row.map((z, k) => {
    const u = z / normaliser(candidate, paths, sigmas, timeline, h, timeline.firstOrigin + k);
    return candidate.scores === 'absolute' ? Math.abs(u) : u;
  });
}

/** The sorted normalised scores calibrating origin t at horizon h (absolute or signed). */
function calibrationScores(
  candidate: IntervalCandidate,
  scores: Float64Array,
  timeline: Timeline,
  h: number,
  t: number,
): Float64Array {
  const [a, b] = calibrationRange(timeline, candidate.window, h, t);
  const set = scores.slice(a - timeline.firstOrigin, b - timeline.firstOrigin + 1);
  for (const [i, u] of set.entries()) {
    if (!Number.isFinite(u)) {
      throw new Error(`${candidate.id}: score at origin ${a + i}, h = ${h} is ${u}`);
    }
  }
  return set.sort();
}

/**
 * A candidate's bands at every report level, horizon and origin C .. last. Conformal methods
 * (`static`, `rolling`, `volatility`, `learnedScale`) take core's `conformalOffsets` of the
 * scores in {@link calibrationRange}; `aci` runs core's `adaptiveConformal` over the absolute
 * errors from o₀ on (delay h built in, `capAtLargest`, {@link ACI_MIN_SCORES}). Nothing at origin
 * t uses a value after month t.
 */
export function candidateBands(options: {
  candidate: IntervalCandidate;
  paths: ForecasterPaths;
  timeline: Timeline;
  sigmas: readonly number[];
}): BandSet {
  const { candidate, paths, timeline, sigmas } = options;
  const errors = pathErrors(paths, timeline);
  const from = timeline.calibrationEnd;
  const count = Math.max(0, timeline.last - from + 1);
  const lower: Float64Array[][] = [];
  const upper: Float64Array[][] = [];
  for (let h = 1; h <= timeline.horizon; h++) {
    const points = paths.points[h - 1] as Float64Array;
    const lows = REPORT_LEVELS.map(() => new Float64Array(count));
    const highs = REPORT_LEVELS.map(() => new Float64Array(count));
    if (candidate.method === 'aci') {
      REPORT_LEVELS.forEach((level, li) => {
        const { halfWidths } = adaptiveConformal({
          errors: errors[h - 1] as Float64Array,
          level: level / 100,
          horizon: h,
          gamma: candidate.gamma ?? 0.005,
          capAtLargest: true,
          minScores: ACI_MIN_SCORES,
        });
        for (let t = from; t <= timeline.last; t++) {
          const q = halfWidths[t - timeline.firstOrigin] as number;
          if (!Number.isFinite(q))
            throw new Error(`${candidate.id}: no ACI band at ${t}, h = ${h}`);
          const [l, u] = band(paths.space, points[t - timeline.firstOrigin] as number, 1, -q, q);
          (lows[li] as Float64Array)[t - from] = l;
          (highs[li] as Float64Array)[t - from] = u;
        }
      });
    } else {
      const scores = normalisedScores(candidate, paths, errors, sigmas, timeline, h);
      // A static set is the same for every origin of a phase: sort it once per range.
      let cached: { a: number; b: number; sorted: Float64Array } | undefined;
      for (let t = from; t <= timeline.last; t++) {
        const [a, b] = calibrationRange(timeline, candidate.window, h, t);
        if (!cached || cached.a !== a || cached.b !== b) {
          cached = { a, b, sorted: calibrationScores(candidate, scores, timeline, h, t) };
        }
        const { sorted } = cached;
        const m = normaliser(candidate, paths, sigmas, timeline, h, t);
        const point = points[t - timeline.firstOrigin] as number;
        REPORT_LEVELS.forEach((level, li) => {
          const { lo, hi } = conformalOffsets(sorted, candidate.scores, level / 100);
          const [l, u] = band(paths.space, point, m, lo, hi);
          (lows[li] as Float64Array)[t - from] = l;
          (highs[li] as Float64Array)[t - from] = u;
        });
      }
    }
    lower.push(lows);
    upper.push(highs);
  }
  return { from, lower, upper };
}

/**
 * A servable candidate's calibration state at the timeline's last month: what the registry
 * stores so that core's `pathBands` gives, from the live path, exactly the bands
 * {@link candidateBands} gives at that origin.
 *
 * @throws {Error} for `aci` (not servable)
 */
export function calibrationState(options: {
  candidate: IntervalCandidate;
  paths: ForecasterPaths;
  timeline: Timeline;
  sigmas: readonly number[];
}): Calibration {
  const { candidate, paths, timeline, sigmas } = options;
  if (candidate.method === 'aci') throw new Error('aci cannot be served');
  const errors = pathErrors(paths, timeline);
  const t = timeline.last;
  const sigma = sigmas[t] as number;
  return {
    method: candidate.method,
    scores: candidate.scores,
    ...(candidate.window !== undefined ? { window: candidate.window } : {}),
    ...(candidate.method === 'volatility'
      ? { volatility: { lambda: EWMA_LAMBDA, variance: sigma * sigma } }
      : {}),
    horizons: Array.from({ length: timeline.horizon }, (_, i) => {
      const normalised = normalisedScores(candidate, paths, errors, sigmas, timeline, i + 1);
      const scores = Array.from(calibrationScores(candidate, normalised, timeline, i + 1, t));
      return { horizon: i + 1, size: scores.length, scores };
    }),
  };
}
