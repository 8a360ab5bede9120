/**
 * A small `backtest.json` for the track record's unit tests: the fixture registry's three
 * relative models and the four baselines at three origins, H = 2, on the fixture's series. The
 * figures are made up (test data, never shown); tests state what they expect from them.
 */
import {
  BACKTEST_FORMAT,
  type Backtest,
  type BacktestMetrics,
  REGISTRY_FORMAT_VERSION,
} from '@gatecast/core/registry';

export const FIXTURE_BACKTEST_MODELS = [
  'simplernn-32@relative',
  'gru-32@relative',
  'lstm-32@relative',
] as const;
export const FIXTURE_BACKTEST_BASELINES = ['naive', 'drift', 'ar1', 'naiveEwma'] as const;
export const FIXTURE_BACKTEST_ORIGINS = ['2024-01-01', '2025-01-01', '2026-01-01'] as const;

/**
 * Figures with h = 1 RMSE `rmse`, MAE `rmse − 30`, 80% coverage 0.8 and score `rmse + 300`,
 * 95% coverage 0.95 and score `rmse + 500`; h = 2 adds 10 (or is null when `second` is false).
 */
export function fixtureMetrics(rmse: number, second = true): BacktestMetrics {
  const by = (x: number) => [x, second ? x + 10 : null];
  return {
    n: [12, second ? 11 : 0],
    rmse: by(rmse),
    mae: by(rmse - 30),
    coverage: { '80': [0.8, second ? 0.75 : null], '95': [0.95, second ? 0.9 : null] },
    meanWidth: { '80': by(rmse + 200), '95': by(rmse + 400) },
    intervalScore: { '80': by(rmse + 300), '95': by(rmse + 500) },
    pinball: by(rmse / 5),
  };
}

/** Per-origin h = 1 RMSE of each forecaster, origins in order. */
export const FIXTURE_ORIGIN_RMSE: Record<string, [number, number, number]> = {
  'simplernn-32@relative': [130, 95, 210],
  'gru-32@relative': [120, 90, 205],
  'lstm-32@relative': [110, 100, 200],
  naive: [125, 97, 215],
  drift: [124, 96, 214],
  ar1: [115, 92, 209],
  naiveEwma: [125, 97, 215],
};

const dm = (p: number) => ({ statistic: [-1.2, 0.4], pValue: [p, 0.7] });

/** The fixture backtest, on the series whose sha256 is `dataSha256`. Fresh each call. */
export function fixtureBacktest(dataSha256 = 'ab'.repeat(32)): Backtest {
  const rmseRanks = [
    [3, 2, 1],
    [2, 1, 3],
    [3, 2, 1],
  ];
  const scoreRanks = [
    [3, 1.5, 1.5],
    [2, 1, 3],
    [3, 2, 1],
  ];
  const friedman = (pValue: number) => ({
    statistic: 2.67,
    df: 2,
    pValue,
    kendallW: 0.44,
    meanRanks: [2.67, 1.67, 1.67],
  });
  return {
    format: BACKTEST_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-28T10:00:00.000Z',
    data: {
      file: 'sp500_monthly.csv',
      sha256: dataSha256,
      first: '1950-01-01',
      last: '2026-05-01',
      months: 917,
    },
    design: {
      origins: [...FIXTURE_BACKTEST_ORIGINS],
      windowLength: 12,
      validationFraction: 0.15,
      maxHorizon: 2,
      protocol: 'relative',
    },
    training: {
      epochs: 40,
      batchSize: 32,
      seeds: [1, 2, 3],
      optimizer: 'adam',
      learningRate: 0.001,
      loop: 'fused',
    },
    tfjsVersion: '4.22.0',
    backend: { backend: 'wasm', tfjsBackend: 'wasm', skipped: [] },
    workers: 2,
    sweepSeconds: 900,
    wallSeconds: 1000,
    summary: {
      forecasters: [
        ...FIXTURE_BACKTEST_MODELS.map((id, i) => ({
          id,
          kind: 'model' as const,
          metrics: fixtureMetrics(140 - 5 * i),
          dm: {
            naive: {
              squaredError: dm(0.01 * (i + 1)),
              intervalScore: { '80': dm(0.5), '95': dm(0.5) },
            },
            ar1: {
              squaredError: dm([0.2, 0.3, 0.4][i] as number),
              intervalScore: { '80': dm(0.5), '95': dm(0.5) },
            },
          },
        })),
        ...FIXTURE_BACKTEST_BASELINES.map((id, i) => ({
          id,
          kind: 'baseline' as const,
          metrics: fixtureMetrics(150 - i),
          dm: {},
        })),
      ],
      wins: FIXTURE_BACKTEST_MODELS.map((id, i) => ({
        id,
        rmse: { naive: 3 - i, ar1: i },
        intervalScore: { naive: 1, ar1: 0 },
      })),
      ranking: {
        models: [...FIXTURE_BACKTEST_MODELS],
        rmse: { ranks: rmseRanks, friedman: friedman(0.26) },
        intervalScore: { ranks: scoreRanks, friedman: friedman(0.03) },
      },
      lessonOrdering: {
        cells: ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'],
        rmse: { holds: 2, ranking: { ranks: rmseRanks, friedman: friedman(0.26) } },
        intervalScore: { holds: 1, ranking: { ranks: scoreRanks, friedman: null } },
      },
    },
    origins: FIXTURE_BACKTEST_ORIGINS.map((origin, o) => {
      const last = o === FIXTURE_BACKTEST_ORIGINS.length - 1;
      const metrics = (id: string) =>
        fixtureMetrics((FIXTURE_ORIGIN_RMSE[id] as number[])[o] as number, !last);
      return {
        origin,
        fit: { count: 600 + 12 * o, firstTarget: '1951-01-01', lastTarget: '2012-12-01' },
        validation: { count: 100 + 2 * o, firstTarget: '2013-01-01', lastTarget: '2023-12-01' },
        forecastOrigins: {
          first: `${2023 + o}-12-01`,
          last: `${2024 + o}-10-01`,
          count: last ? 5 : 12,
        },
        logReturnStd: 0.041,
        models: FIXTURE_BACKTEST_MODELS.map((id) => ({
          id,
          servedSeed: 1,
          seedValidationRmse: [50, 51, 52],
          intervalMethod: { method: 'static' as const, scores: 'signed' as const },
          metrics: metrics(id),
        })),
        baselines: FIXTURE_BACKTEST_BASELINES.map((id) => ({ id, metrics: metrics(id) })),
      };
    }),
  };
}
