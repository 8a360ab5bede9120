/**
 * A small, hand-made registry for unit tests: the lesson's three 32-unit cells under both
 * protocols, 3 seeds, a 4-month test period, paths and interval scores over 12 horizons. Figures
 * are chosen so their formatted text is easy to write down by hand in the tests (see
 * {@link FIXTURE_SCORES}). Parsed with core's registry schema on every call, so it is a registry
 * the trainer could have written.
 */
import {
  type CellKind,
  INTERVALS_FORMAT,
  MANIFEST_FORMAT,
  MAX_HORIZON,
  type ManifestModel,
  PROTOCOL_ROLES,
  type Protocol,
  pathBands,
  REGISTRY_FORMAT_VERSION,
  REPORT_LEVELS,
  RESULTS_FORMAT,
  WINDOW_LENGTH,
} from '@gatecast/core';
import {
  type Calibration,
  type HorizonScores,
  type Intervals,
  type Manifest,
  type ManifestBaseline,
  type PathPoint,
  parseIntervals,
  parseManifest,
  parseResults,
  type Results,
  type ScoreTable,
} from '@gatecast/core/registry';

const SEEDS = [1, 2, 3];
const TEST_DATES = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];

/**
 * The horizon-1 test scores the fixture records, for tests to compare against: model `i` (in
 * manifest order) scores `700 + 10i` at 80% and `1100 + 10i` at 95%; coverage 0.75 and 1 at
 * horizon 1, 0.01 less with each further horizon; width 600 and 1100. Baselines: naive 720 / 1050,
 * drift 730 / 1000, ar1 740 / 1200, naiveEwma 760 / 1300: the best is naive at 80%, drift at 95%.
 */
export const FIXTURE_SCORES = {
  model: (i: number) => ({ '80': 700 + 10 * i, '95': 1100 + 10 * i }),
  baselines: {
    naive: { '80': 720, '95': 1050 },
    drift: { '80': 730, '95': 1000 },
    ar1: { '80': 740, '95': 1200 },
    naiveEwma: { '80': 760, '95': 1300 },
  },
} as const;

/** `YYYY-MM-01`, h months after May 2026. */
function monthAfter(h: number): string {
  const index = 2026 * 12 + 4 + h;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

const horizons = <T>(f: (h: number) => T): T[] =>
  Array.from({ length: MAX_HORIZON }, (_, i) => f(i + 1));

/** Scores at `level` (percent) and horizon h from the horizon-1 interval scores at 80 and 95. */
function levelScores(scores: { '80': number; '95': number }, level: number, h: number) {
  const base = level >= 95 ? scores['95'] : scores['80'];
  const nominal = level >= 95 ? 1 : 0.75;
  return {
    coverage: Math.max(0, nominal - 0.01 * (h - 1)),
    meanWidth: level >= 95 ? 1100 : 600,
    intervalScore: base + 5 * (h - 1),
  };
}

function scoreTable(scores: { '80': number; '95': number }): ScoreTable {
  const rows = (): HorizonScores[] =>
    horizons((h) => ({
      horizon: h,
      months: TEST_DATES.length,
      levels: Object.fromEntries(REPORT_LEVELS.map((l) => [String(l), levelScores(scores, l, h)])),
      pinball: 40 + h,
    }));
  return { validation: rows(), test: rows() };
}

function summary(scores: { '80': number; '95': number }) {
  return horizons((h) => ({
    horizon: h,
    months: TEST_DATES.length,
    levels: { '80': levelScores(scores, 80, h), '95': levelScores(scores, 95, h) },
  }));
}

/**
 * A model's calibration: 19 absolute scores per horizon, `k·√h` hundredths of a log ratio
 * (relative, `rolling`, W = 60) or `50·k·h` points (reference, `static`), k = 1 .. 19. The conformal
 * rank ⌈20p⌉ picks k = 10, 16 and 19 at 50%, 80% and 95%: a relative month h's bands are
 * `ŷ·exp(∓0.10√h)`, `ŷ·exp(∓0.16√h)`, `ŷ·exp(∓0.19√h)`; a reference month's `ŷ ∓ 500h`, `∓ 800h`,
 * `∓ 950h`, clamped at 0. Paths forecast `value + 10(h − 1)`.
 */
function calibrationOf(protocol: Protocol): Calibration {
  const ks = Array.from({ length: 19 }, (_, i) => i + 1);
  return protocol === 'relative'
    ? {
        method: 'rolling',
        scores: 'absolute',
        window: 60,
        horizons: horizons((h) => ({
          horizon: h,
          size: 19,
          scores: ks.map((k) => (k / 100) * Math.sqrt(h)),
        })),
      }
    : {
        method: 'static',
        scores: 'absolute',
        horizons: horizons((h) => ({ horizon: h, size: 19, scores: ks.map((k) => 50 * k * h) })),
      };
}

/**
 * A baseline's path from `value`: month h forecasts `value + 10(h − 1)`, its 80% band ±(300 + 20(h − 1)),
 * its 95% band −(500 + 30(h − 1)) / +(600 + 30(h − 1)); bounds clamped at 0.
 */
function path(value: number): PathPoint[] {
  return horizons((h) => {
    const v = value + 10 * (h - 1);
    const clamp = (x: number) => Math.max(0, x);
    return {
      target: monthAfter(h),
      value: v,
      quantiles: {
        '0.025': clamp(v - 500 - 30 * (h - 1)),
        '0.1': clamp(v - 300 - 20 * (h - 1)),
        '0.9': v + 300 + 20 * (h - 1),
        '0.975': v + 600 + 30 * (h - 1),
      },
    };
  });
}

/** Calibration points: observed = nominal + 0.02 at h = 1 and nominal − 0.03 pooled. */
function calibrationPoints() {
  return REPORT_LEVELS.map((level) => ({
    level,
    h1: Math.min(1, level / 100 + 0.02),
    pooled: level / 100 - 0.03,
  }));
}

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
  index: number,
  configName: string,
  cell: CellKind,
  protocol: Protocol,
  rmse: number,
  seedRmse: number[],
): ManifestModel {
  const id = `${configName}@${protocol}`;
  const value = protocol === 'relative' ? 7500 : 300;
  const relative = protocol === 'relative';
  const calibration = calibrationOf(protocol);
  const forecastPath = pathBands({
    calibration,
    path: { values: horizons((h) => value + 10 * (h - 1)) },
    levels: [80, 95],
    protocol,
  }).map(
    (b, i): PathPoint => ({ target: monthAfter(i + 1), value: b.value, quantiles: b.quantiles }),
  );
  const q = forecastPath[0]?.quantiles ?? {};
  const metrics = { rmse, mae: rmse * 0.6, mase: rmse / 20, mape: 2.5, directionalAccuracy: 0.6 };
  return {
    id,
    configName,
    cell,
    units: 32,
    protocol,
    role: PROTOCOL_ROLES[protocol],
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
    calibration,
    intervalSummary: {
      method: relative ? 'rolling' : 'static',
      test: summary(FIXTURE_SCORES.model(index)),
      dmVsBestBaseline: {
        '80': { baseline: 'naive', statistic: -1.5, pValue: 0.1234 },
        '95': { baseline: 'drift', statistic: 2.5, pValue: 0.0004 },
      },
    },
    selection: {
      firstTarget: '2006-08-01',
      lastTarget: '2011-01-01',
      served: relative ? 'rolling/absolute/w60' : 'static/absolute',
      candidates: [
        {
          id: 'static/absolute',
          method: 'static',
          scores: 'absolute',
          servable: true,
          meanIntervalScore: 610.5,
          coverage: { '80': 0.83, '95': 0.96 },
          withinGuard: true,
        },
        {
          id: 'rolling/absolute/w60',
          method: 'rolling',
          scores: 'absolute',
          window: 60,
          servable: true,
          meanIntervalScore: relative ? 598.1 : 620.2,
          coverage: { '80': 0.79, '95': 0.94 },
          withinGuard: true,
        },
      ],
    },
    forecast: {
      asOf: '2026-05-01',
      target: '2026-06-01',
      value,
      scaledValue: relative ? 0.3 : 300,
      intervals: {
        '80': [q['0.1'] as number, q['0.9'] as number],
        '95': [q['0.025'] as number, q['0.975'] as number],
      },
      path: forecastPath,
    },
    files: {
      modelJson: `${id}/model.json`,
      weights: `${id}/weights.bin`,
      modelJsonSha256: 'cd'.repeat(32),
      weightsSha256: 'ef'.repeat(32),
    },
  };
}

function baseline(
  name: keyof typeof FIXTURE_SCORES.baselines,
  description: string,
  test: ManifestBaseline['test'],
  forecast: number,
): ManifestBaseline {
  return {
    description,
    test,
    forecast,
    path: path(forecast),
    intervalSummary: { test: summary(FIXTURE_SCORES.baselines[name]) },
  };
}

/**
 * The fixture manifest, results and interval scores. Returns fresh objects each call, so tests
 * may mutate them.
 */
export function fixtureRegistry(): { manifest: Manifest; results: Results; intervals: Intervals } {
  const models = [
    model(0, 'simplernn-32', 'simpleRNN', 'reference', 3350.26, [3300, 3350, 3400]),
    model(1, 'gru-32', 'gru', 'reference', 3323.3, [3330, 3310, 3330]),
    model(2, 'lstm-32', 'lstm', 'reference', 3294.2, [3290, 3300, 3292]),
    model(3, 'simplernn-32', 'simpleRNN', 'relative', 119.94, [118, 121, 120]),
    model(4, 'gru-32', 'gru', 'relative', 120.5, [120, 120.5, 121]),
    model(5, 'lstm-32', 'lstm', 'relative', 120.7, [119, 122, 121.1]),
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
      naive: baseline(
        'naive',
        'next month = this month',
        { rmse: 126.01, mae: 85.96, mase: 7.68, mape: 2.6, directionalAccuracy: 0 },
        7412.55,
      ),
      drift: {
        ...baseline(
          'drift',
          'next month = this month × exp(mean training log return)',
          { rmse: 121.19, mae: 80.13, mase: 7.16, mape: 2.4, directionalAccuracy: 0.69 },
          7456.53,
        ),
        meanLogReturn: 0.0059,
      },
      ar1: {
        ...baseline(
          'ar1',
          'AR(1) on one-month log returns',
          { rmse: 119.99, mae: 77.81, mase: 6.95, mape: 2.3, directionalAccuracy: 0.68 },
          7450.1,
        ),
        c: 0.005,
        phi: 0.22,
      },
      naiveEwma: {
        ...baseline(
          'naiveEwma',
          'naive with EWMA-volatility Gaussian bands',
          { rmse: 126.01, mae: 85.96, mase: 7.68, mape: 2.6, directionalAccuracy: 0 },
          7412.55,
        ),
        lambda: 0.94,
        variance: 0.0016,
      },
    },
    models,
    files: { 'results.json': '01'.repeat(32), 'intervals.json': '02'.repeat(32) },
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
  const intervals: Intervals = {
    format: INTERVALS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: manifest.createdAt,
    levels: [...REPORT_LEVELS],
    maxHorizon: MAX_HORIZON,
    months: {
      validation: {
        firstOrigin: '2006-07-01',
        lastOrigin: '2010-12-01',
        firstTarget: '2006-08-01',
        lastTarget: '2011-01-01',
      },
      test: {
        firstOrigin: '2026-01-01',
        lastOrigin: '2026-04-01',
        firstTarget: TEST_DATES[0] as string,
        lastTarget: TEST_DATES.at(-1) as string,
      },
    },
    testDates: TEST_DATES,
    models: models.map((m, i) => ({
      id: m.id,
      servedMethod: m.calibration.method,
      methods: [
        {
          method: 'static',
          candidate: 'static/absolute',
          scores: 'absolute',
          served: m.calibration.method === 'static',
          table: scoreTable(
            m.calibration.method === 'static' ? FIXTURE_SCORES.model(i) : { '80': 900, '95': 1400 },
          ),
        },
        {
          method: 'rolling',
          candidate: 'rolling/absolute/w60',
          scores: 'absolute',
          window: 60,
          served: m.calibration.method === 'rolling',
          table: scoreTable(
            m.calibration.method === 'rolling'
              ? FIXTURE_SCORES.model(i)
              : { '80': 950, '95': 1450 },
          ),
        },
      ],
      dmVsBestBaseline: m.intervalSummary.dmVsBestBaseline,
      testBands: {
        '80': TEST_DATES.map((_, t): [number, number] => [6500 + t, 7500 + t]),
        '95': TEST_DATES.map((_, t): [number, number] => [6300 + t, 7700 + t]),
      },
      calibration: calibrationPoints(),
    })),
    baselines: (['naive', 'drift', 'ar1', 'naiveEwma'] as const).map((id) => ({
      id,
      description: manifest.baselines[id].description,
      table: scoreTable(FIXTURE_SCORES.baselines[id]),
      calibration: calibrationPoints(),
    })),
  };
  return {
    manifest: parseManifest(manifest),
    results: parseResults(results),
    intervals: parseIntervals(intervals),
  };
}
