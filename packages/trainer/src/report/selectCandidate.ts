import type { Candidate, ScoreTable } from '@gatecast/core';
import type { IntervalCandidate } from './intervalCandidates.js';

/** The levels (percent) the selection rule averages the interval score over. */
export const SELECTION_LEVELS = [80, 95] as const;

/** Largest |observed − nominal| coverage, in shares, that passes the selection guard. */
export const COVERAGE_GUARD = 0.05;

/**
 * A candidate as judged on the validation tail's selection half (`table.validation`): its mean
 * interval score over levels 80 and 95 and horizons 1 .. H (points), its coverage at 80 and 95
 * pooled over horizons, and whether both are within ±5 points of nominal.
 */
export function judgeCandidate(candidate: IntervalCandidate, table: ScoreTable): Candidate {
  let total = 0;
  let terms = 0;
  const coverage = {} as Candidate['coverage'];
  for (const level of SELECTION_LEVELS) {
    const key = String(level) as '80' | '95';
    let inside = 0;
    let months = 0;
    for (const row of table.validation) {
      const scores = row.levels[key];
      if (!scores) throw new Error(`no ${key}% scores at h = ${row.horizon}`);
      total += scores.intervalScore;
      terms += 1;
      inside += scores.coverage * row.months;
      months += row.months;
    }
    coverage[key] = inside / months;
  }
  return {
    id: candidate.id,
    method: candidate.method,
    scores: candidate.scores,
    ...(candidate.window !== undefined ? { window: candidate.window } : {}),
    ...(candidate.gamma !== undefined ? { gamma: candidate.gamma } : {}),
    servable: candidate.servable,
    meanIntervalScore: total / terms,
    coverage,
    withinGuard: SELECTION_LEVELS.every(
      (level) => Math.abs(coverage[String(level) as '80' | '95'] - level / 100) <= COVERAGE_GUARD,
    ),
  };
}

/**
 * The selection rule, on validation only: among the candidates whose pooled coverage at 80 and
 * 95 is within ±5 points of nominal, the lowest mean interval score; when none is, the lowest
 * mean interval score of all. Ties go to the earlier candidate (static before rolling, absolute
 * before signed, shorter windows first).
 *
 * @throws {Error} for no candidates
 */
export function chooseCandidate(judged: readonly Candidate[]): Candidate {
  const guarded = judged.filter((c) => c.withinGuard);
  const pool = guarded.length > 0 ? guarded : judged;
  const first = pool[0];
  if (!first) throw new Error('no candidates to choose from');
  return pool.reduce((best, c) => (c.meanIntervalScore < best.meanIntervalScore ? c : best), first);
}
