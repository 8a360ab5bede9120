/**
 * `@gatecast/core/registry/testing`: a small, complete registry of the current format, made up
 * (not trained), for the worker's and the site's tests: `manifest.json`, `results.json` and
 * `intervals.json` as objects, each parsed with the schema on every call. Two served models
 * (`gru-8@relative` with a `rolling` calibration, `gru-8@reference` with a `static` one), the four
 * baselines, a 6-month test period ending 2026-05, horizons 1 .. 12. File hashes are placeholders
 * (`"a"` × 64), so only readers that do not check hashes can use it as is.
 */
import {
  INTERVAL_LEVELS,
  INTERVALS_FORMAT,
  MANIFEST_FORMAT,
  MAX_HORIZON,
  PROTOCOL_ROLES,
  type Protocol,
  REGISTRY_FORMAT_VERSION,
  REPORT_LEVELS,
  RESULTS_FORMAT,
  WINDOW_LENGTH,
} from '../../constants.js';
import { pathBands } from '../../forecast/pathBands.js';
import type { Calibration } from '../calibration.js';
import type { HorizonScores, HorizonSummary, PathPoint } from '../intervalScores.js';
import type { Intervals, IntervalsModel, ScoreTable } from '../intervals.js';
import type { Manifest, ManifestBaseline } from '../manifest.js';
import type { ManifestModel } from '../manifestModel.js';
import { parseIntervals, parseManifest, parseResults } from '../parse.js';
import type { Results } from '../results.js';

const HASH = 'a'.repeat(64);
const AS_OF = '2026-05-01';
const LAST = 7412.55;
const TEST_DATES = ['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', AS_OF];
const TEST_ACTUAL = [6850.1, 6940.2, 6878.5, 7050.4, 7210.9, LAST];
const TEST_LAST = [6700, 6850.1, 6940.2, 6878.5, 7050.4, 7210.9];

/** `YYYY-MM-01` h months after `AS_OF`. */
function monthAfter(h: number): string {
  const index = 2026 * 12 + 4 + h;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Made-up scores of one horizon at one level: wider and slightly under-covering as h grows. */
function levelScores(level: number, h: number) {
  const width = (0.9 + level / 100) * 300 * Math.sqrt(h);
  return {
    coverage: Math.max(0, level / 100 - 0.002 * h),
    meanWidth: width,
    intervalScore: width * 1.25,
  };
}

function summary(scale = 1): HorizonSummary[] {
  return Array.from({ length: MAX_HORIZON }, (_, i) => ({
    horizon: i + 1,
    months: 184 - i,
    levels: Object.fromEntries(
      INTERVAL_LEVELS.map((l) => {
        const s = levelScores(Number(l), i + 1);
        return [
          l,
          { ...s, meanWidth: s.meanWidth * scale, intervalScore: s.intervalScore * scale },
        ];
      }),
    ) as HorizonSummary['levels'],
  }));
}

function table(scale = 1): ScoreTable {
  const rows = (months: number): HorizonScores[] =>
    Array.from({ length: MAX_HORIZON }, (_, i) => ({
      horizon: i + 1,
      months: months - i,
      levels: Object.fromEntries(
        REPORT_LEVELS.map((l) => {
          const s = levelScores(l, i + 1);
          return [
            String(l),
            { ...s, meanWidth: s.meanWidth * scale, intervalScore: s.intervalScore * scale },
          ];
        }),
      ),
      pinball: 40 * scale * Math.sqrt(i + 1),
    }));
  return { validation: rows(54), test: rows(184) };
}

function calibrationOf(protocol: Protocol): Calibration {
  const unit = protocol === 'relative' ? 0.01 : 60;
  return {
    method: protocol === 'relative' ? 'rolling' : 'static',
    scores: protocol === 'relative' ? 'signed' : 'absolute',
    ...(protocol === 'relative' ? { window: 60 } : {}),
    horizons: Array.from({ length: MAX_HORIZON }, (_, i) => {
      const n = 60 - i;
      const spread = unit * Math.sqrt(i + 1);
      const scores = Array.from({ length: n }, (_, k) =>
        protocol === 'relative' ? spread * (2 * (k / (n - 1)) - 1) * 2 : spread * (k / (n - 1)) * 3,
      );
      return { horizon: i + 1, size: n, scores };
    }),
  };
}

function path(values: number[], calibration: Calibration, protocol: Protocol): PathPoint[] {
  return pathBands({
    calibration,
    path: { values },
    levels: INTERVAL_LEVELS.map(Number),
    protocol,
  }).map((b) => ({ target: monthAfter(b.horizon), value: b.value, quantiles: b.quantiles }));
}

function pointPath(start: number, monthly: number): number[] {
  return Array.from({ length: MAX_HORIZON }, (_, i) => start * Math.exp(monthly * (i + 1)));
}

const DM = {
  '80': { baseline: 'naive', statistic: -1.2, pValue: 0.23 },
  '95': { baseline: 'drift', statistic: 0.8, pValue: 0.42 },
};

function model(protocol: Protocol): ManifestModel {
  const id = `gru-8@${protocol}`;
  const calibration = calibrationOf(protocol);
  const values = protocol === 'relative' ? pointPath(LAST, 0.004) : pointPath(2100, -0.01);
  const forecastPath = path(values, calibration, protocol);
  const first = forecastPath[0] as PathPoint;
  const metrics =
    protocol === 'relative'
      ? { rmse: 120.25, mae: 77.9, mase: 6.958, mape: 3.1, directionalAccuracy: 0.63 }
      : { rmse: 3476.69, mae: 3100.28, mase: 276.926, mape: 70.2, directionalAccuracy: 0.5 };
  return {
    id,
    configName: 'gru-8',
    cell: 'gru',
    units: 8,
    protocol,
    role: PROTOCOL_ROLES[protocol],
    spec: {
      windowLength: WINDOW_LENGTH,
      recurrent: [{ cell: 'gru', units: 8, returnSequences: false }],
      head: [
        { units: 16, activation: 'relu' },
        { units: 1, activation: 'linear' },
      ],
      protocol,
    },
    parameterCount: 401,
    scaler:
      protocol === 'relative' ? { kind: 'relative', logReturnStd: 0.0421 } : { kind: 'identity' },
    servedSeed: 2,
    validationRmse: metrics.rmse * 0.8,
    test: metrics,
    summary: Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [k, { mean: v, sd: v / 100 }]),
    ) as ManifestModel['summary'],
    seeds: [1, 2].map((seed) => ({
      seed,
      validationRmse: metrics.rmse * (0.8 + seed / 100),
      test: metrics,
      trainingSeconds: 1.5,
      finalLoss: 0.9,
    })),
    dmVsNaive: { statistic: -1.9, pValue: 0.051 },
    trainingSeconds: 1.5,
    calibration,
    intervalSummary: { method: calibration.method, test: summary(), dmVsBestBaseline: DM },
    selection: {
      firstTarget: '2006-08-01',
      lastTarget: '2011-01-01',
      served: protocol === 'relative' ? 'rolling/signed/w60' : 'static/absolute',
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
          id: 'rolling/signed/w60',
          method: 'rolling',
          scores: 'signed',
          window: 60,
          servable: true,
          meanIntervalScore: 598.1,
          coverage: { '80': 0.79, '95': 0.94 },
          withinGuard: true,
        },
        {
          id: 'aci/absolute/g0.01',
          method: 'aci',
          scores: 'absolute',
          gamma: 0.01,
          servable: false,
          meanIntervalScore: 601.7,
          coverage: { '80': 0.8, '95': 0.95 },
          withinGuard: true,
        },
      ],
    },
    forecast: {
      asOf: AS_OF,
      target: first.target,
      value: first.value,
      scaledValue: protocol === 'relative' ? 0.095 : first.value,
      intervals: {
        '80': [first.quantiles['0.1'] as number, first.quantiles['0.9'] as number],
        '95': [first.quantiles['0.025'] as number, first.quantiles['0.975'] as number],
      },
      path: forecastPath,
    },
    files: {
      modelJson: `${id}/model.json`,
      weights: `${id}/weights.bin`,
      modelJsonSha256: HASH,
      weightsSha256: HASH,
    },
  };
}

function baseline(description: string, values: number[], scale: number): ManifestBaseline {
  return {
    description,
    test: { rmse: 126.01 * scale, mae: 85.96, mase: 7.678, mape: 3.4, directionalAccuracy: 0.4 },
    forecast: values[0] as number,
    path: path(values, calibrationOf('relative'), 'relative'),
    intervalSummary: { test: summary(scale) },
  };
}

function manifest(models: ManifestModel[]): Manifest {
  return {
    format: MANIFEST_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-28T09:00:00.000Z',
    data: {
      file: 'sp500_monthly.csv',
      sha256: HASH,
      first: '1950-01-01',
      last: AS_OF,
      months: 917,
    },
    split: {
      windowLength: WINDOW_LENGTH,
      fit: { count: 613, firstTarget: '1951-01-01', lastTarget: '2002-01-01' },
      validation: { count: 108, firstTarget: '2002-02-01', lastTarget: '2011-01-01' },
      test: { count: TEST_DATES.length, firstTarget: TEST_DATES[0] as string, lastTarget: AS_OF },
    },
    training: {
      epochs: 40,
      batchSize: 32,
      seeds: [1, 2],
      optimizer: 'adam',
      learningRate: 0.001,
      loss: 'meanSquaredError',
      loop: 'fused',
    },
    tfjsVersion: '4.22.0',
    backend: { backend: 'wasm', tfjsBackend: 'wasm', skipped: [] },
    workers: 2,
    sweepSeconds: 60,
    defaultModel: 'gru-8@relative',
    baselines: {
      naive: baseline('next month = this month', pointPath(LAST, 0), 1),
      drift: {
        ...baseline(
          'this month × exp(h × mean fitted-span log return)',
          pointPath(LAST, 0.0066),
          1.01,
        ),
        meanLogReturn: 0.0066,
      },
      ar1: {
        ...baseline('AR(1) on log returns', pointPath(LAST, 0.006), 0.99),
        c: 0.00521,
        phi: 0.225,
      },
      naiveEwma: {
        ...baseline('naive with EWMA-volatility Gaussian bands', pointPath(LAST, 0), 1.02),
        lambda: 0.94,
        variance: 0.0016,
      },
    },
    models,
    files: { 'results.json': HASH, 'intervals.json': HASH },
  };
}

function results(models: ManifestModel[]): Results {
  const bands = (scale: number) =>
    TEST_ACTUAL.map((_, i) => [TEST_LAST[i] as number, TEST_LAST[i] as number]).map(
      ([lo, hi]) =>
        [(lo as number) * (1 - scale), (hi as number) * (1 + scale)] as [number, number],
    );
  return {
    format: RESULTS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-28T09:00:00.000Z',
    test: { dates: TEST_DATES, actual: TEST_ACTUAL, lastValues: TEST_LAST },
    models: models.map((m) => ({
      id: m.id,
      predictions: TEST_LAST.map((v) => v * 1.004),
      intervals: { '80': bands(0.05), '95': bands(0.08) },
      seedRmse: m.seeds.map((s) => s.test.rmse),
    })),
    baselines: {
      naive: {
        predictions: TEST_LAST,
        test: { rmse: 126.01, mae: 85.96, mase: 7.678, mape: 3.4, directionalAccuracy: 0.4 },
      },
      drift: {
        predictions: TEST_LAST.map((v) => v * Math.exp(0.0066)),
        test: { rmse: 121.19, mae: 80.13, mase: 7.158, mape: 3.3, directionalAccuracy: 0.6 },
      },
    },
  };
}

function calibrationChart(): IntervalsModel['calibration'] {
  return REPORT_LEVELS.map((level) => ({
    level,
    h1: Math.min(1, level / 100 + 0.01),
    pooled: Math.max(0, level / 100 - 0.02),
  }));
}

function intervals(models: ManifestModel[]): Intervals {
  const band = (i: number, scale: number): [number, number] => [
    (TEST_LAST[i] as number) * (1 - scale),
    (TEST_LAST[i] as number) * (1 + scale),
  ];
  return {
    format: INTERVALS_FORMAT,
    formatVersion: REGISTRY_FORMAT_VERSION,
    createdAt: '2026-11-28T09:00:00.000Z',
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
        firstOrigin: '2025-11-01',
        lastOrigin: '2026-04-01',
        firstTarget: TEST_DATES[0] as string,
        lastTarget: AS_OF,
      },
    },
    testDates: TEST_DATES,
    models: models.map((m) => ({
      id: m.id,
      servedMethod: m.calibration.method,
      methods: [
        {
          method: 'static',
          candidate: 'static/absolute',
          scores: 'absolute',
          served: m.calibration.method === 'static',
          table: table(1.05),
        },
        {
          method: 'rolling',
          candidate: 'rolling/signed/w60',
          scores: 'signed',
          window: 60,
          served: m.calibration.method === 'rolling',
          table: table(1),
        },
        {
          method: 'aci',
          candidate: 'aci/absolute/g0.01',
          scores: 'absolute',
          gamma: 0.01,
          served: false,
          table: table(1.02),
        },
        {
          method: 'volatility',
          candidate: 'volatility/absolute/w120',
          scores: 'absolute',
          window: 120,
          served: false,
          table: table(0.98),
        },
      ],
      dmVsBestBaseline: DM,
      testBands: {
        '80': TEST_LAST.map((_, i) => band(i, 0.05)),
        '95': TEST_LAST.map((_, i) => band(i, 0.08)),
      },
      calibration: calibrationChart(),
    })),
    baselines: (['naive', 'drift', 'ar1', 'naiveEwma'] as const).map((id, i) => ({
      id,
      description: `${id} baseline`,
      table: table(1 + i / 50),
      calibration: calibrationChart(),
    })),
  };
}

/**
 * A made-up registry of the current format: `{ manifest, results, intervals }`, each already
 * parsed with its schema (so a fresh, valid copy on every call; edit freely).
 *
 * @example const { manifest } = registryFixture(); manifest.models[0].calibration.method // => 'rolling'
 */
export function registryFixture(): { manifest: Manifest; results: Results; intervals: Intervals } {
  const models = [model('relative'), model('reference')];
  return {
    manifest: parseManifest(JSON.parse(JSON.stringify(manifest(models)))),
    results: parseResults(JSON.parse(JSON.stringify(results(models)))),
    intervals: parseIntervals(JSON.parse(JSON.stringify(intervals(models)))),
  };
}
