import { describe, expect, it } from 'vitest';
import { FIXTURE_SCORES, fixtureRegistry } from '../testing/fixtureRegistry.js';
import { DATA_FILE, HAVE_REGISTRY, REGISTRY_DIR } from '../testing/paths.js';
import { intervalScoreTable } from './intervalScores.js';
import { readSiteInputs } from './readRegistry.js';

describe('intervalScoreTable', () => {
  const { manifest, intervals } = fixtureRegistry();
  const table = intervalScoreTable(manifest, intervals);

  it('has every model under its served method, then every baseline', () => {
    expect(table.rows.map((r) => r.id)).toEqual([
      ...manifest.models.map((m) => m.id),
      'naive',
      'drift',
      'ar1',
      'naiveEwma',
    ]);
    const lstm = table.rows.find((r) => r.id === 'lstm-32@relative');
    expect(lstm).toMatchObject({
      kind: 'model',
      label: 'LSTM(32)',
      protocol: 'relative',
      method: 'rolling conformal',
      methodDetail: 'W = 60, absolute scores',
    });
    expect(table.rows.find((r) => r.id === 'lstm-32@reference')).toMatchObject({
      method: 'static split-conformal',
      methodDetail: 'absolute scores',
    });
  });

  it('takes horizon 1’s test scores and the registry’s DM p-values', () => {
    // lstm-32@relative is the fixture's model 5: 750 at 80%, 1150 at 95%.
    const lstm = table.rows.find((r) => r.id === 'lstm-32@relative');
    expect(lstm?.levels['80']).toEqual({
      coverage: 0.75,
      meanWidth: 600,
      intervalScore: FIXTURE_SCORES.model(5)['80'],
      dmPValue: 0.1234,
    });
    expect(lstm?.levels['95'].intervalScore).toBe(1150);
    expect(lstm?.levels['95'].dmPValue).toBe(0.0004);
    expect(lstm?.pinball).toBe(41);
    expect(table.rows.find((r) => r.id === 'ar1')?.levels['95']).toEqual({
      coverage: 1,
      meanWidth: 1100,
      intervalScore: 1200,
      dmPValue: null,
    });
  });

  it('spans coverage over every horizon (0.01 less per month ahead in the fixture)', () => {
    const [lo, hi] = table.rows[0]?.horizonCoverage['80'] ?? [];
    expect(hi).toBe(0.75);
    expect(lo).toBeCloseTo(0.64, 12);
  });

  it('names the best baseline at each level and marks the models that beat it', () => {
    expect(table.bestBaseline).toEqual({ '80': 'Naive', '95': 'Drift' });
    // 700 + 10i < 720 only for models 0 and 1; 1100 + 10i < 1000 for none.
    const beating = table.rows.filter((r) => r.beatsBaselines?.['80']).map((r) => r.id);
    expect(beating).toEqual(['simplernn-32@reference', 'gru-32@reference']);
    expect(table.rows.some((r) => r.beatsBaselines?.['95'])).toBe(false);
  });

  it('refuses DM p-values computed against another baseline than the best', () => {
    const { manifest: m, intervals: i } = fixtureRegistry();
    const model = i.models[0];
    if (!model) throw new Error('fixture has no model');
    model.dmVsBestBaseline['80'] = { baseline: 'ar1', statistic: 0, pValue: 0.5 };
    expect(() => intervalScoreTable(m, i)).toThrow(
      /DM tests at 80% ran against ar1, not a baseline with the lowest interval score \(720\)/,
    );
    const other = fixtureRegistry();
    const second = other.intervals.models[1];
    if (second) second.dmVsBestBaseline['95'] = { baseline: 'ar1', statistic: 0, pValue: 0.5 };
    expect(() => intervalScoreTable(other.manifest, other.intervals)).toThrow(
      /gru-32@reference: DM at 95% against ar1, the other models' against drift/,
    );
  });

  it('accepts a DM baseline tied with another for the lowest score', () => {
    const { manifest: m, intervals: i } = fixtureRegistry();
    // Give drift naive's 80% scores: the registry's naive stays a best baseline.
    const [naive, drift] = i.baselines;
    if (!naive || !drift) throw new Error('fixture baselines missing');
    drift.table = structuredClone(naive.table);
    expect(intervalScoreTable(m, i).bestBaseline['80']).toBe('Naive');
  });
});

describe.skipIf(!HAVE_REGISTRY)('intervalScoreTable on the committed registry', () => {
  it('has a row per model and per baseline with finite horizon-1 scores', () => {
    const { manifest, intervals } = readSiteInputs({
      registryDir: REGISTRY_DIR,
      dataFile: DATA_FILE,
    });
    const table = intervalScoreTable(manifest, intervals);
    expect(table.rows.length).toBe(manifest.models.length + intervals.baselines.length);
    for (const row of table.rows) {
      for (const level of ['80', '95'] as const) {
        expect(row.levels[level].coverage).toBeGreaterThan(0);
        expect(Number.isFinite(row.levels[level].intervalScore)).toBe(true);
      }
    }
  });
});
