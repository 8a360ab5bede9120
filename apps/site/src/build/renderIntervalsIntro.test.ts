import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { intervalScoreTable } from './intervalScores.js';
import { levelVerdicts, renderIntervalsIntro, verdictSentence } from './renderIntervalsIntro.js';

describe('levelVerdicts', () => {
  const { manifest, intervals } = fixtureRegistry();
  const table = intervalScoreTable(manifest, intervals);

  it('judges the default model against the goals at each level', () => {
    // lstm-32@relative: 80% coverage 0.75 (5 points off), 64–75% over horizons, score 750 vs
    // naive's 720; 95% coverage 1 (5 points off), 89–100%, score 1150 vs drift's 1000.
    const [v80, v95] = levelVerdicts(table, 'lstm-32@relative');
    expect(v80).toMatchObject({
      level: '80',
      coverageMet: false,
      everyHorizonMet: false,
      intervalScore: 750,
      bestBaseline: 'Naive',
      bestBaselineScore: 720,
      beatsBaselines: false,
      dmPValue: 0.1234,
    });
    expect(v95).toMatchObject({ coverageMet: false, bestBaseline: 'Drift', beatsBaselines: false });
  });

  it('marks a score below the best baseline’s, and coverage within the goal’s points, as met', () => {
    // simplernn-32@reference is the fixture's model 0: 700 at 80%, below naive's 720.
    const [v80] = levelVerdicts(table, 'simplernn-32@reference');
    expect(v80?.beatsBaselines).toBe(true);
    if (!v80) throw new Error('no verdict');
    expect(verdictSentence(v80)).toContain(
      '(lower: goal met; DM p 0.123, not a significant difference)',
    );
    // 77% one month ahead is 3 points off 80; 75–85% over horizons is within 5.
    const rows = table.rows.map((r) =>
      r.id === 'lstm-32@relative'
        ? {
            ...r,
            levels: { ...r.levels, '80': { ...r.levels['80'], coverage: 0.77 } },
            horizonCoverage: { ...r.horizonCoverage, '80': [0.75, 0.85] as const },
          }
        : r,
    );
    const [met] = levelVerdicts({ ...table, rows }, 'lstm-32@relative');
    expect(met).toMatchObject({ coverageMet: true, everyHorizonMet: true });
    expect(verdictSentence(met ?? v80)).toContain(
      'held 77.0% of the test months one month ahead (goal within ±3 points: met; within ±5 at every horizon: met)',
    );
  });
});

describe('renderIntervalsIntro', () => {
  it('states the selection months and the default model’s verdicts', () => {
    const { manifest, intervals } = fixtureRegistry();
    const html = renderIntervalsIntro(manifest, intervalScoreTable(manifest, intervals));
    expect(html).toContain('(2006-08 to 2011-01)');
    expect(html).toContain(
      'The default model, <code>lstm-32@relative</code>, serves rolling conformal.',
    );
    expect(html).toContain(
      '80% band: the band held 75.0% of the test months one month ahead (goal within ±3 points: missed;',
    );
    expect(html).toContain('750.0 points against 720.0 for the best baseline, Naive');
    expect(html).toContain("beats every baseline's: 0 of 3 at 80% and 0 of 3 at 95%.");
  });
});
