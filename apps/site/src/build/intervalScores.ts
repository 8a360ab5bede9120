/**
 * The interval-score table's rows, shaped at build time from the registry's `intervals.json`:
 * each served model under the method it serves, and each baseline, one month ahead on the test
 * months.
 */

import { INTERVAL_LEVELS, type IntervalLevel, type ModelRole, type Protocol } from '@gatecast/core';
import type { HorizonScores, Intervals, Manifest, ScoreTable } from '@gatecast/core/registry';
import {
  BASELINE_METHODS,
  baselineLabel,
  methodLabel,
  methodVariantDetail,
} from '../shared/methodLabels.js';
import { architectureLabel } from '../shared/modelLabel.js';

/** The levels the table shows (the API's defaults). */
export const TABLE_LEVELS = INTERVAL_LEVELS;

/** One level's test scores at horizon 1. */
export interface LevelScores {
  /** Share of test months inside the band. */
  coverage: number;
  /** Mean band width, in points. */
  meanWidth: number;
  /** Mean interval (Winkler) score, in points. */
  intervalScore: number;
  /** DM (HLN) p-value of the interval score against the best baseline; `null` for baselines. */
  dmPValue: number | null;
}

/** One row of the table. */
export interface IntervalScoreRow {
  /** Model id, or baseline name (`naive`, `drift`, `ar1`, `naiveEwma`). */
  id: string;
  kind: 'model' | 'baseline';
  /** e.g. `LSTM(32)` or `Naive`. */
  label: string;
  /** A baseline's description. */
  description?: string;
  /** A model's protocol. */
  protocol?: Protocol;
  /** A model's role. */
  role?: ModelRole;
  /** Interval method, as the page names it. */
  method: string;
  /** The variant of the method (window, score kind), when there is one to name. */
  methodDetail?: string;
  levels: Record<IntervalLevel, LevelScores>;
  /** Pinball loss at horizon 1, averaged over the quantiles of every report level, in points. */
  pinball: number;
  /** Lowest and highest test coverage over horizons 1..max, per level. */
  horizonCoverage: Record<IntervalLevel, readonly [number, number]>;
  /** A model's interval score is below every baseline's at that level. */
  beatsBaselines?: Record<IntervalLevel, boolean>;
}

/** The table: its rows and what its caption states. */
export interface IntervalScoreTable {
  rows: IntervalScoreRow[];
  /** The baseline with the lowest test interval score at each level (the DM reference). */
  bestBaseline: Record<IntervalLevel, string>;
  testCount: number;
  firstTarget: string;
  lastTarget: string;
  reportLevels: readonly number[];
  maxHorizon: number;
}

/** Relative difference under which two interval scores count as tied. */
const TIE = 1e-9;

function byTableLevel<T>(f: (level: IntervalLevel) => T): Record<IntervalLevel, T> {
  return Object.fromEntries(TABLE_LEVELS.map((level) => [level, f(level)])) as Record<
    IntervalLevel,
    T
  >;
}

/** The test scores at horizon 1 of a score table. */
function firstHorizon(table: ScoreTable, owner: string): HorizonScores {
  const h1 = table.test.find((h) => h.horizon === 1);
  if (!h1) throw new RangeError(`${owner}: no test scores at horizon 1`);
  return h1;
}

function levelOf(scores: HorizonScores, level: IntervalLevel, owner: string) {
  const s = scores.levels[level];
  if (!s) throw new RangeError(`${owner}: no ${level}% scores at horizon ${scores.horizon}`);
  return s;
}

/** Lowest and highest test coverage over every horizon of a table, per level. */
function horizonCoverage(table: ScoreTable, owner: string) {
  return byTableLevel((level) => {
    const coverages = table.test.map((h) => levelOf(h, level, owner).coverage);
    return [Math.min(...coverages), Math.max(...coverages)] as const;
  });
}

/**
 * Shapes the table from the registry: each model under its served method (from
 * `intervals.json`), then each baseline; the DM p-values are the registry's, against the
 * baseline with the lowest test interval score at h = 1, which this also names.
 *
 * @throws {RangeError} if a model lacks its served method or a horizon-1 score, or the registry's
 * DM reference is not the baseline with the lowest interval score
 */
export function intervalScoreTable(manifest: Manifest, intervals: Intervals): IntervalScoreTable {
  const baselineRows = intervals.baselines.map((baseline): IntervalScoreRow => {
    const h1 = firstHorizon(baseline.table, baseline.id);
    return {
      id: baseline.id,
      kind: 'baseline',
      label: baselineLabel(baseline.id),
      description: baseline.description,
      method: BASELINE_METHODS[baseline.id] ?? 'empirical quantiles',
      levels: byTableLevel((level) => ({ ...levelOf(h1, level, baseline.id), dmPValue: null })),
      pinball: h1.pinball,
      horizonCoverage: horizonCoverage(baseline.table, baseline.id),
    };
  });
  const lowest = byTableLevel((level) =>
    Math.min(...baselineRows.map((b) => b.levels[level].intervalScore)),
  );
  // The registry names the baseline its DM tests ran against; it must be one with the lowest
  // score (baselines may tie: naive and drift with empirical-quantile bands do).
  const best = byTableLevel((level) => {
    const named = intervals.models[0]?.dmVsBestBaseline[level]?.baseline;
    const row = baselineRows.find((b) => b.id === named);
    const score = row?.levels[level].intervalScore ?? Number.POSITIVE_INFINITY;
    if (!row || score > lowest[level] + TIE * Math.abs(lowest[level])) {
      throw new RangeError(
        `the DM tests at ${level}% ran against ${named}, not a baseline with the lowest interval score (${lowest[level]})`,
      );
    }
    return row;
  });
  const modelRows = intervals.models.map((entry): IntervalScoreRow => {
    const model = manifest.models.find((m) => m.id === entry.id);
    const served = entry.methods.find((m) => m.served);
    if (!model || !served) throw new RangeError(`${entry.id}: no manifest entry or served method`);
    const h1 = firstHorizon(served.table, entry.id);
    return {
      id: entry.id,
      kind: 'model',
      label: architectureLabel(model.spec),
      protocol: model.protocol,
      role: model.role,
      method: methodLabel(served.method),
      methodDetail: methodVariantDetail(served),
      levels: byTableLevel((level) => {
        const dm = entry.dmVsBestBaseline[level];
        if (dm?.baseline !== best[level].id) {
          throw new RangeError(
            `${entry.id}: DM at ${level}% against ${dm?.baseline}, the other models' against ${best[level].id}`,
          );
        }
        return { ...levelOf(h1, level, entry.id), dmPValue: dm.pValue };
      }),
      pinball: h1.pinball,
      horizonCoverage: horizonCoverage(served.table, entry.id),
      beatsBaselines: byTableLevel(
        (level) => levelOf(h1, level, entry.id).intervalScore < lowest[level],
      ),
    };
  });
  return {
    rows: [...modelRows, ...baselineRows],
    bestBaseline: byTableLevel((level) => best[level].label),
    testCount: manifest.split.test.count,
    firstTarget: manifest.split.test.firstTarget,
    lastTarget: manifest.split.test.lastTarget,
    reportLevels: intervals.levels,
    maxHorizon: intervals.maxHorizon,
  };
}
