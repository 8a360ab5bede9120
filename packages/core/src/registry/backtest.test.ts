import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Backtest, type BacktestMetrics, backtestSchema, parseBacktest } from './backtest.js';
import { REGISTRY_FORMAT_VERSION, RegistryFormatError } from './index.js';

const committedPath = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../models/backtest.json',
);

/** Figures at H = 3, the third horizon without a target (n = 0, so null). */
function metrics(): BacktestMetrics {
  const three = (x: number) => [x, x + 1, null];
  return {
    n: [12, 11, 0],
    rmse: three(120),
    mae: three(80),
    coverage: { '80': [0.8, 0.75, null], '95': [1, 0.9, null] },
    meanWidth: { '80': three(280), '95': three(450) },
    intervalScore: { '80': three(380), '95': three(600) },
    pinball: three(30),
  };
}

function fixture(): Backtest {
  const dm = { statistic: [-1.2, 0.3, null], pValue: [0.24, 0.77, null] };
  const ranking = {
    ranks: [
      [1, 2],
      [2, 1],
    ],
    friedman: { statistic: 0, df: 1, pValue: 1, kendallW: 0, meanRanks: [1.5, 1.5] },
  };
  return {
    format: 'gatecast-backtest',
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-30T10:00:00.000Z',
    data: {
      file: 'sp500_monthly.csv',
      sha256: 'a'.repeat(64),
      first: '1950-01-01',
      last: '2026-05-01',
      months: 917,
    },
    design: {
      origins: ['2011-01-01', '2012-01-01'],
      windowLength: 12,
      validationFraction: 0.15,
      maxHorizon: 3,
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
    sweepSeconds: 500,
    wallSeconds: 560,
    summary: {
      forecasters: [
        {
          id: 'gru-32@relative',
          kind: 'model',
          metrics: metrics(),
          dm: { naive: { squaredError: dm, intervalScore: { '80': dm, '95': dm } } },
        },
        { id: 'naive', kind: 'baseline', metrics: metrics(), dm: {} },
      ],
      wins: [
        { id: 'gru-32@relative', rmse: { naive: 1, ar1: 0 }, intervalScore: { naive: 2, ar1: 1 } },
      ],
      ranking: {
        models: ['gru-32@relative', 'lstm-32@relative'],
        rmse: ranking,
        intervalScore: ranking,
      },
      lessonOrdering: null,
    },
    origins: ['2011-01-01', '2012-01-01'].map((origin) => ({
      origin,
      fit: { count: 612, firstTarget: '1951-01-01', lastTarget: '2001-12-01' },
      validation: { count: 108, firstTarget: '2002-01-01', lastTarget: '2010-12-01' },
      forecastOrigins: { first: '2010-12-01', last: '2011-11-01', count: 12 },
      logReturnStd: 0.042,
      models: [
        {
          id: 'gru-32@relative',
          servedSeed: 2,
          seedValidationRmse: [51.2, 50.1, 52],
          intervalMethod: { method: 'rolling', scores: 'signed', window: 60 },
          metrics: metrics(),
        },
      ],
      baselines: [{ id: 'naive', metrics: metrics() }],
    })),
  };
}

describe('backtest.json schema', () => {
  it('parses the fixture and round-trips it unchanged', () => {
    const json = fixture();
    expect(backtestSchema.parse(json)).toEqual(json);
    expect(parseBacktest(JSON.parse(JSON.stringify(json)))).toEqual(json);
  });

  it('refuses another format or version first, naming the file', () => {
    expect(() => parseBacktest({ ...fixture(), format: 'gatecast-registry' })).toThrow(
      /^backtest\.json is invalid: format: must be "gatecast-backtest"/,
    );
    expect(() => parseBacktest({ ...fixture(), formatVersion: 1 })).toThrow(RegistryFormatError);
  });

  it('refuses figures with a horizon missing, a null count, an unknown field, or a NaN', () => {
    const short = fixture();
    short.origins[0]?.models[0]?.metrics.rmse.pop();
    expect(() => parseBacktest(short)).toThrow(/one entry per horizon/);
    const nullCount = fixture() as unknown as {
      summary: { forecasters: { metrics: { n: unknown[] } }[] };
    };
    (nullCount.summary.forecasters[0] as { metrics: { n: unknown[] } }).metrics.n[2] = null;
    expect(() => parseBacktest(nullCount)).toThrow(RegistryFormatError);
    expect(() => parseBacktest({ ...fixture(), extra: 1 })).toThrow(/extra/);
    const nan = fixture();
    nan.wallSeconds = Number.NaN;
    expect(() => parseBacktest(nan)).toThrow(/wallSeconds/);
  });

  it.skipIf(!existsSync(committedPath))('parses the committed models/backtest.json', () => {
    const text = readFileSync(committedPath, 'utf8');
    const backtest = parseBacktest(JSON.parse(text));
    expect(backtest.origins.length).toBe(backtest.design.origins.length);
    // The part a worker bundles stays small.
    expect(JSON.stringify(backtest.summary).length).toBeLessThan(60_000);
  });
});
