/**
 * A small, hand-made registry for unit tests: the lesson's three 32-unit cells under both
 * protocols, 3 seeds, a 4-month test period. Figures are chosen so their formatted text is easy
 * to write down by hand in the tests. Parsed with core's registry schema on every call, so it is
 * a registry the trainer could have written.
 */
import {
  type CellKind,
  MANIFEST_FORMAT,
  type ManifestModel,
  type Protocol,
  REGISTRY_FORMAT_VERSION,
  RESULTS_FORMAT,
  WINDOW_LENGTH,
} from '@gatecast/core';
import { type Manifest, parseManifest, parseResults, type Results } from '@gatecast/core/registry';

const SEEDS = [1, 2, 3];
const TEST_DATES = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];

function spec(cell: CellKind, units: number, protocol: Protocol): ManifestModel['spec'] {
  return {
    windowLength: WINDOW_LENGTH,
    recurrent: [{ cell, units, returnSequences: false }],
    head: [
      { units: 16, activation: 'relu' },
      { units: 1, activation: 'linear' },
    ],
    protocol,
  };
}

/** Parameters of `cell(units) → Dense(16) → Dense(1)` on one input, as tfjs counts them. */
const PARAMETERS: Record<CellKind, number> = { simpleRNN: 1633, gru: 3809, lstm: 4897 };

function model(
  configName: string,
  cell: CellKind,
  protocol: Protocol,
  rmse: number,
  seedRmse: number[],
): ManifestModel {
  const id = `${configName}@${protocol}`;
  const metrics = { rmse, mae: rmse * 0.6, mase: rmse / 20, mape: 2.5, directionalAccuracy: 0.6 };
  return {
    id,
    configName,
    cell,
    units: 32,
    protocol,
    spec: spec(cell, 32, protocol),
    parameterCount: PARAMETERS[cell],
    scaler:
      protocol === 'relative' ? { kind: 'relative', logReturnStd: 0.04 } : { kind: 'identity' },
    servedSeed: 2,
    validationRmse: rmse * 0.8,
    test: metrics,
    summary: {
      rmse: { mean: rmse, sd: 1.25 },
      mae: { mean: rmse * 0.6, sd: 0.5 },
      mase: { mean: rmse / 20, sd: 0.01 },
      mape: { mean: 2.5, sd: 0.1 },
      directionalAccuracy: { mean: 0.6, sd: 0.01 },
    },
    seeds: SEEDS.map((seed, s) => ({
      seed,
      validationRmse: rmse * 0.8,
      test: { ...metrics, rmse: seedRmse[s] as number },
      trainingSeconds: 10,
      finalLoss: protocol === 'relative' ? 0.95 : 92640,
    })),
    dmVsNaive: {
      statistic: protocol === 'relative' ? -1.2 : 14,
      pValue: protocol === 'relative' ? 0.2346 : 1e-30,
    },
    trainingSeconds: 12.34,
    intervals: {
      '80': { halfWidthScaled: 1, testCoverage: 0.8, meanTestWidth: 500 },
      '95': { halfWidthScaled: 2, testCoverage: 0.95, meanTestWidth: 900 },
    },
    forecast: {
      asOf: '2026-05-01',
      target: '2026-06-01',
      value: protocol === 'relative' ? 7500 : 300,
      scaledValue: protocol === 'relative' ? 0.3 : 300,
      intervals: {
        '80': protocol === 'relative' ? [7200, 7800] : [-700, 1300],
        '95': protocol === 'relative' ? [7000, 8100] : [null, null],
      },
    },
    files: {
      modelJson: `${id}/model.json`,
      weights: `${id}/weights.bin`,
      modelJsonSha256: 'cd'.repeat(32),
      weightsSha256: 'ef'.repeat(32),
    },
  };
}

/** The fixture manifest and results. Returns fresh objects each call, so tests may mutate them. */
export function fixtureRegistry(): { manifest: Manifest; results: Results } {
  const models = [
    model('simplernn-32', 'simpleRNN', 'reference', 3350.26, [3300, 3350, 3400]),
    model('gru-32', 'gru', 'reference', 3323.3, [3330, 3310, 3330]),
    model('lstm-32', 'lstm', 'reference', 3294.2, [3290, 3300, 3292]),
    model('simplernn-32', 'simpleRNN', 'relative', 119.94, [118, 121, 120]),
    model('gru-32', 'gru', 'relative', 120.5, [120, 120.5, 121]),
    model('lstm-32', 'lstm', 'relative', 120.7, [119, 122, 121.1]),
  ];
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-24T08:13:05.985Z',
    data: {
      file: 'sp500_monthly.csv',
      sha256: 'ab'.repeat(32),
      first: '1950-01-01',
      last: '2026-05-01',
      months: 917,
    },
    split: {
      windowLength: WINDOW_LENGTH,
      fit: { count: 613, firstTarget: '1951-01-01', lastTarget: '2002-01-01' },
      validation: { count: 108, firstTarget: '2002-02-01', lastTarget: '2011-01-01' },
      test: {
        count: TEST_DATES.length,
        firstTarget: TEST_DATES[0] as string,
        lastTarget: TEST_DATES.at(-1) as string,
      },
    },
    training: {
      epochs: 40,
      batchSize: 32,
      seeds: SEEDS,
      optimizer: 'adam',
      learningRate: 0.001,
      loss: 'meanSquaredError',
      loop: 'fused',
    },
    tfjsVersion: '4.22.0',
    backend: { backend: 'wasm', tfjsBackend: 'wasm', skipped: [] },
    workers: 2,
    sweepSeconds: 66.6,
    defaultModel: 'lstm-32@relative',
    baselines: {
      naive: {
        description: 'next month = this month',
        test: { rmse: 126.01, mae: 85.96, mase: 7.68, mape: 2.6, directionalAccuracy: 0 },
        forecast: 7412.55,
      },
      drift: {
        description: 'next month = this month × exp(mean training log return)',
        test: { rmse: 121.19, mae: 80.13, mase: 7.16, mape: 2.4, directionalAccuracy: 0.69 },
        forecast: 7456.53,
        meanLogReturn: 0.0059,
      },
    },
    models,
    files: { 'results.json': '01'.repeat(32) },
  };
  const results: Results = {
    format: RESULTS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: manifest.createdAt,
    test: {
      dates: TEST_DATES,
      actual: [6800, 6900, 7000, 7412.55],
      lastValues: [6700, 6800, 6900, 7000],
    },
    models: models.map((m, i) => ({
      id: m.id,
      predictions:
        m.protocol === 'reference' ? [281.9, 281.9, 281.94, 281.9] : [6750, 6880 + i, 7010, 7300],
      intervals: {
        '80': TEST_DATES.map((): [number, number] => [6500, 7500]),
        '95': TEST_DATES.map((): [number | null, number | null] => [null, null]),
      },
      seedRmse: m.seeds.map((s) => s.test.rmse),
    })),
    baselines: {
      naive: { predictions: [6700, 6800, 6900, 7000], test: manifest.baselines.naive.test },
      drift: { predictions: [6740, 6840, 6940, 7040], test: manifest.baselines.drift.test },
    },
  };
  return { manifest: parseManifest(manifest), results: parseResults(results) };
}
