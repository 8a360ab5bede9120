import {
  coverage,
  type HorizonScores,
  intervalScore,
  intervalScores,
  meanWidth,
  pinballLoss,
  REPORT_LEVELS,
  type ScoreTable,
} from '@gatecast/core';
import type { BandSet } from './candidateBands.js';
import { type ScoredSplit, scoredOrigins, type Timeline } from './timeline.js';

/** Index of a report level (percent) in `REPORT_LEVELS`. */
export function levelIndex(level: number): number {
  const i = (REPORT_LEVELS as readonly number[]).indexOf(level);
  if (i < 0) throw new RangeError(`${level} is not a report level`);
  return i;
}

/** The bands, targets and origins a split scores at horizon h. */
export function splitSlice(bands: BandSet, timeline: Timeline, split: ScoredSplit, h: number) {
  const [from, to] = scoredOrigins(timeline, split, h);
  const count = Math.max(0, to - from + 1);
  const start = from - bands.from;
  if (start < 0) throw new Error(`bands start at ${bands.from}, the ${split} split at ${from}`);
  const actual = timeline.values.slice(from + h, to + h + 1);
  const lower = (bands.lower[h - 1] ?? []).map((row) => row.subarray(start, start + count));
  const upper = (bands.upper[h - 1] ?? []).map((row) => row.subarray(start, start + count));
  return { from, to, count, actual, lower, upper };
}

/**
 * A split's scores at horizon h and every report level (core's `coverage`, `meanWidth`,
 * `intervalScore`), and the pinball loss over the 2 × 7 quantiles of the report levels.
 */
export function horizonScores(
  bands: BandSet,
  timeline: Timeline,
  split: ScoredSplit,
  h: number,
): HorizonScores {
  const { count, actual, lower, upper } = splitSlice(bands, timeline, split, h);
  if (count === 0) throw new Error(`no ${split} months at h = ${h}`);
  const levels: HorizonScores['levels'] = {};
  const quantiles: { probability: number; values: Float64Array }[] = [];
  REPORT_LEVELS.forEach((level, li) => {
    const lo = lower[li] as Float64Array;
    const hi = upper[li] as Float64Array;
    levels[String(level)] = {
      coverage: coverage({ actual, lower: lo, upper: hi }),
      meanWidth: meanWidth({ lower: lo, upper: hi }),
      intervalScore: intervalScore({ actual, lower: lo, upper: hi, level: level / 100 }),
    };
    quantiles.push({ probability: (100 - level) / 200, values: lo });
    quantiles.push({ probability: (100 + level) / 200, values: hi });
  });
  return { horizon: h, months: count, levels, pinball: pinballLoss({ actual, quantiles }) };
}

/** Scores of both splits at every horizon. */
export function scoreTable(bands: BandSet, timeline: Timeline): ScoreTable {
  const rows = (split: ScoredSplit) =>
    Array.from({ length: timeline.horizon }, (_, i) =>
      horizonScores(bands, timeline, split, i + 1),
    );
  return { validation: rows('validation'), test: rows('test') };
}

/** `[months]` per-month interval (Winkler) scores of a split at horizon h and one level. */
export function monthlyIntervalScores(
  bands: BandSet,
  timeline: Timeline,
  split: ScoredSplit,
  h: number,
  level: number,
): number[] {
  const { actual, lower, upper } = splitSlice(bands, timeline, split, h);
  const li = levelIndex(level);
  return intervalScores({
    actual,
    lower: lower[li] as Float64Array,
    upper: upper[li] as Float64Array,
    level: level / 100,
  });
}

/**
 * Nominal vs observed coverage on test at every report level: at h = 1, and pooled over every
 * horizon's months (inside / scored, summed over h).
 */
export function calibrationCurve(table: ScoreTable) {
  return REPORT_LEVELS.map((level) => {
    const key = String(level);
    let inside = 0;
    let months = 0;
    for (const row of table.test) {
      const scores = row.levels[key];
      if (!scores) continue;
      inside += scores.coverage * row.months;
      months += row.months;
    }
    return {
      level,
      h1: table.test[0]?.levels[key]?.coverage ?? 0,
      pooled: months === 0 ? 0 : inside / months,
    };
  });
}
