import { parseBacktest } from '@gatecast/core/registry';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_BACKTEST_ORIGINS,
  FIXTURE_ORIGIN_RMSE,
  fixtureBacktest,
} from '../testing/fixtureBacktest.js';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { siteTrackRecord, trackRecord } from './trackRecord.js';

describe('trackRecord', () => {
  const { manifest } = fixtureRegistry();
  const backtest = parseBacktest(fixtureBacktest());
  const record = trackRecord(backtest, manifest);

  it('lists the models (labelled as the page labels them), then the baselines', () => {
    expect(record.forecasters.map((f) => [f.id, f.label, f.kind])).toEqual([
      ['simplernn-32@relative', 'SimpleRNN(32)', 'model'],
      ['gru-32@relative', 'GRU(32)', 'model'],
      ['lstm-32@relative', 'LSTM(32)', 'model'],
      ['naive', 'Naive', 'baseline'],
      ['drift', 'Drift', 'baseline'],
      ['ar1', 'AR(1)', 'baseline'],
      ['naiveEwma', 'Naive + EWMA volatility', 'baseline'],
    ]);
  });

  it('takes the pooled figures one month ahead, the DM p-values of squared errors, wins and mean ranks', () => {
    const gru = record.forecasters[1];
    expect(gru?.pooled).toEqual({
      rmse: 135,
      mae: 105,
      coverage80: 0.8,
      intervalScore80: 435,
      coverage95: 0.95,
      intervalScore95: 635,
    });
    expect(gru?.dmPValue).toEqual({ naive: 0.02, ar1: 0.3 });
    expect(gru?.wins).toEqual({ naive: 2, ar1: 1 });
    expect(gru?.meanRank).toBe(1.67);
    const naive = record.forecasters.find((f) => f.id === 'naive');
    expect(naive?.dmPValue).toEqual({ naive: null, ar1: null });
    expect(naive?.wins).toBeUndefined();
    expect(naive?.meanRank).toBeUndefined();
  });

  it('gives every origin each forecaster’s one-month RMSE and 80% score, and the models’ ranks', () => {
    expect(record.origins).toEqual([...FIXTURE_BACKTEST_ORIGINS]);
    record.perOrigin.forEach((o, i) => {
      for (const [id, rmses] of Object.entries(FIXTURE_ORIGIN_RMSE)) {
        expect(o.figures[id]).toEqual({
          rmse: rmses[i],
          intervalScore80: (rmses[i] as number) + 300,
        });
      }
    });
    expect(record.perOrigin[0]?.ranks['gru-32@relative']).toEqual({ rmse: 2, intervalScore: 1.5 });
    expect(record.perOrigin[1]?.ranks['lstm-32@relative']).toEqual({ rmse: 3, intervalScore: 3 });
    expect(record.perOrigin.map((o) => o.forecastCount)).toEqual([12, 12, 5]);
  });

  it('carries Friedman’s tests and the lesson’s ordering, a missing test as null', () => {
    expect(record.friedman.rmse).toEqual({ statistic: 2.67, df: 2, pValue: 0.26, kendallW: 0.44 });
    expect(record.friedman.intervalScore?.pValue).toBe(0.03);
    expect(record.lesson).toEqual({
      cells: ['SimpleRNN(32)', 'GRU(32)', 'LSTM(32)'],
      holds: { rmse: 2, intervalScore: 1 },
      pValue: { rmse: 0.26, intervalScore: null },
    });
    expect(record.training).toEqual({ seeds: 3, epochs: 40 });
  });

  it('refuses an origin that lacks a forecaster of the summary', () => {
    const broken = fixtureBacktest();
    broken.origins[1]?.baselines.pop();
    expect(() => trackRecord(broken, manifest)).toThrow(/2025-01-01 lacks naiveEwma/);
  });
});

describe('siteTrackRecord', () => {
  const { manifest } = fixtureRegistry();
  it('passes a backtest on, and says why there is none', () => {
    expect(siteTrackRecord({ backtest: fixtureBacktest() }, manifest).available).toBe(true);
    expect(siteTrackRecord({ unavailable: 'none here' }, manifest)).toEqual({
      available: false,
      reason: 'none here',
    });
    expect(siteTrackRecord(undefined, manifest)).toEqual({
      available: false,
      reason: 'no backtest was read',
    });
  });
});
