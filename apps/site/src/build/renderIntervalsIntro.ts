/**
 * The words above the interval-score table: how the served methods were chosen, and — with the
 * figures read from the same rows the table shows — how the default model's bands did on the test
 * months against the goals (coverage within 3 points of nominal at horizon 1 and within 5
 * at every horizon; an interval score below every baseline's).
 */

import type { IntervalLevel } from '@gatecast/core';
import type { Manifest } from '@gatecast/core/registry';
import { formatNumber, formatPoints, formatPValue } from '../shared/format.js';
import { methodLabel } from '../shared/methodLabels.js';
import { escapeHtml } from './escapeHtml.js';
import { type IntervalScoreTable, TABLE_LEVELS } from './intervalScores.js';
import { formatPercent } from './renderIntervalTable.js';

/** Coverage goals, in percentage points from nominal: horizon 1, and every horizon. */
export const COVERAGE_GOALS = { horizon1: 3, everyHorizon: 5 } as const;

/** The DM p-value below which the page calls a difference in interval score significant. */
export const SIGNIFICANCE = 0.05;

/** One level's verdict for a model: coverage and interval score against the goals. */
export interface LevelVerdict {
  level: IntervalLevel;
  coverage: number;
  /** Coverage within ±3 points of nominal at horizon 1. */
  coverageMet: boolean;
  /** Coverage within ±5 points of nominal at every horizon. */
  everyHorizonMet: boolean;
  intervalScore: number;
  bestBaseline: string;
  bestBaselineScore: number;
  beatsBaselines: boolean;
  dmPValue: number | null;
}

/**
 * The default model's verdict at each table level, from the table's rows.
 *
 * @throws {RangeError} if the table has no row for `modelId`
 */
export function levelVerdicts(table: IntervalScoreTable, modelId: string): LevelVerdict[] {
  const row = table.rows.find((r) => r.kind === 'model' && r.id === modelId);
  if (!row) throw new RangeError(`no interval scores for ${modelId}`);
  const baselines = table.rows.filter((r) => r.kind === 'baseline');
  return TABLE_LEVELS.map((level) => {
    const nominal = Number(level) / 100;
    const s = row.levels[level];
    const lowest = Math.min(...baselines.map((b) => b.levels[level].intervalScore));
    const [lo, hi] = row.horizonCoverage[level];
    const within = (share: number, points: number) =>
      Math.abs(share - nominal) * 100 <= points + 1e-9;
    return {
      level,
      coverage: s.coverage,
      coverageMet: within(s.coverage, COVERAGE_GOALS.horizon1),
      everyHorizonMet:
        within(lo, COVERAGE_GOALS.everyHorizon) && within(hi, COVERAGE_GOALS.everyHorizon),
      intervalScore: s.intervalScore,
      bestBaseline: table.bestBaseline[level],
      bestBaselineScore: lowest,
      beatsBaselines: s.intervalScore < lowest,
      dmPValue: s.dmPValue,
    };
  });
}

/** One level's verdict as a sentence. */
export function verdictSentence(v: LevelVerdict): string {
  const coverage = `the band held ${formatPercent(v.coverage)} of the test months one month ahead (goal within ±${COVERAGE_GOALS.horizon1} points: ${v.coverageMet ? 'met' : 'missed'}; within ±${COVERAGE_GOALS.everyHorizon} at every horizon: ${v.everyHorizonMet ? 'met' : 'missed'})`;
  const p =
    v.dmPValue === null
      ? ''
      : `; DM p ${formatPValue(v.dmPValue)}${v.dmPValue >= SIGNIFICANCE ? ', not a significant difference' : ''}`;
  const score = `its interval score was ${formatPoints(v.intervalScore)} points against ${formatPoints(v.bestBaselineScore)} for the best baseline, ${v.bestBaseline} (${v.beatsBaselines ? 'lower: goal met' : 'not lower: goal missed'}${p})`;
  return `${v.level}% band: ${coverage}, and ${score}.`;
}

/**
 * Renders the paragraphs above the table.
 *
 * @throws {RangeError} if the default model is missing from the manifest or the table
 */
export function renderIntervalsIntro(manifest: Manifest, table: IntervalScoreTable): string {
  const model = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (!model) throw new RangeError(`default model ${manifest.defaultModel} not in the manifest`);
  const verdicts = levelVerdicts(table, model.id);
  const relative = table.rows.filter((r) => r.kind === 'model' && r.protocol === 'relative');
  const beating = TABLE_LEVELS.map(
    (level) =>
      `${relative.filter((r) => r.beatsBaselines?.[level]).length} of ${relative.length} at ${level}%`,
  ).join(' and ');
  const selection = model.selection;
  return `<p>Each model's bands come from the interval method chosen for it on validation months only: every candidate — static split-conformal, rolling conformal, volatility-scaled conformal and, for models whose head also outputs a scale, that learned scale, each with its window and score kind (adaptive conformal is scored beside them but cannot serve any level) — is calibrated up to the second half of the validation tail and judged on that half (${escapeHtml(selection.firstTarget.slice(0, 7))} to ${escapeHtml(selection.lastTarget.slice(0, 7))}) by its mean interval score over the 80% and 95% bands and horizons 1–${table.maxHorizon}; the test months only report. The baselines get their bands the same way on the same months. The interval (Winkler) score is a band's width plus ${formatNumber(2 / 0.2, 0)} (at 80%) or ${formatNumber(2 / 0.05, 0)} (at 95%) times the distance by which a month falls outside it: lower is better, and it rewards bands that are narrow and still hold.</p>
<p class="verdict">The default model, <code>${escapeHtml(model.id)}</code>, serves ${escapeHtml(methodLabel(model.calibration.method))}. ${verdicts.map((v) => escapeHtml(verdictSentence(v))).join(' ')} Relative-protocol models whose one-month interval score beats every baseline's: ${escapeHtml(beating)}.</p>`;
}
