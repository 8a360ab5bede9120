import {
  type Calibration,
  ewmaVolatility,
  forecastPaths,
  parseMonthlyCsv,
  pathBands,
  rollingConformal,
  volatilityScaledOnline,
} from '@gatecast/core';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { describe, expect, it } from 'vitest';
import { registryBundle } from '../registry.generated.js';
import {
  calibrateOnHistory,
  HISTORY_CALIBRATION_MONTHS,
  historyWindow,
} from './historyCalibration.js';
import type { ServedModel } from './modelPool.js';
import { buildServingState } from './servingState.js';

const state = await buildServingState(registryBundle, { preferred: 'wasm', wasmModule });
const series = parseMonthlyCsv(registryBundle.seriesCsv);

function served(id: string): ServedModel {
  const found = state.models.lookup(id);
  if (!found || !('served' in found)) throw new Error(`${id} is not served`);
  return found.served;
}

/** A calibration of `method` with made-up scores (only its method, kind, W and λ matter here). */
function calibrationOf(
  method: Calibration['method'],
  scores: Calibration['scores'],
  window?: number,
): Calibration {
  return {
    method,
    scores,
    ...(window === undefined ? {} : { window }),
    ...(method === 'volatility' ? { volatility: { lambda: 0.94, variance: 1e-3 } } : {}),
    horizons: Array.from({ length: 12 }, (_, i) => ({ horizon: i + 1, size: 2, scores: [0, 1] })),
  };
}

/**
 * The model's `[origins][H]` paths from every origin of `values` that has a full window
 * (11 .. n − 1), computed here independently of the code under test (one batch per origin set).
 */
function everyOriginPath(model: ServedModel, values: readonly number[], horizon: number) {
  const origins = Array.from({ length: values.length - 11 }, (_, k) => 11 + k);
  const paths = forecastPaths({
    windows: origins.map((s) => values.slice(s - 11, s + 1)),
    horizon,
    scaler: model.scaler,
    predict: (inputs, count) => model.runner.predict(inputs, count),
    outputs: model.runner.outputs,
  });
  return { origins, values: paths.values };
}

/** `[origins]` h-month log errors ln(y_{s+h} / ŷ_{s+h|s}); NaN where the target is after the end. */
function logErrors(values: readonly number[], origins: number[], paths: number[][], h: number) {
  return origins.map((s, k) =>
    s + h < values.length
      ? Math.log((values[s + h] as number) / ((paths[k] as number[])[h - 1] as number))
      : Number.NaN,
  );
}

/** calibrateOnHistory, failing the test when the history cannot calibrate. */
function fit(options: Parameters<typeof calibrateOnHistory>[0]) {
  const fitted = calibrateOnHistory(options);
  if (!fitted.calibration) throw new Error('the history did not calibrate');
  return { calibration: fitted.calibration, live: fitted.live };
}

const model = served('gru-32@relative');
const history = series.values.slice(-100);
const H = 6;
const levels = [50, 80, 95];
const all = everyOriginPath(model, history, H);
const live = all.values[all.values.length - 1] as number[];

describe('calibrateOnHistory', () => {
  it('forecasts the live path from the history’s last 12 months', () => {
    const fitted = fit({
      model,
      values: history,
      calibration: calibrationOf('rolling', 'absolute', 24),
      horizon: H,
    });
    fitted.live.values.forEach((v, i) => {
      expect(v).toBeCloseTo(live[i] as number, 6);
    });
  });

  it.each([24, 40])(
    'gives the bands core’s rollingConformal gives at the last origin (absolute, W = %i)',
    (window) => {
      const fitted = fit({
        model,
        values: history,
        calibration: calibrationOf('rolling', 'absolute', window),
        horizon: H,
      });
      const bands = pathBands({
        calibration: fitted.calibration,
        path: fitted.live,
        levels,
        protocol: 'relative',
      });
      for (let h = 1; h <= H; h++) {
        const errors = logErrors(history, all.origins, all.values, h);
        expect(fitted.calibration.horizons[h - 1]?.size).toBe(window);
        for (const level of levels) {
          const { halfWidths } = rollingConformal({
            errors,
            level: level / 100,
            horizon: h,
            window,
            capAtLargest: true,
          });
          const q = halfWidths[halfWidths.length - 1] as number;
          const point = live[h - 1] as number;
          const band = bands[h - 1]?.intervals[String(level)] as [number, number];
          expect(band[0]).toBeCloseTo(point * Math.exp(-q), 6);
          expect(band[1]).toBeCloseTo(point * Math.exp(q), 6);
        }
      }
    },
  );

  it('gives the bands core’s volatilityScaledOnline gives at the last origin', () => {
    const window = 30;
    const fitted = fit({
      model,
      values: history,
      calibration: calibrationOf('volatility', 'absolute', window),
      horizon: H,
    });
    const sigmas = ewmaVolatility(history, { lambda: 0.94 });
    expect(fitted.calibration.volatility?.variance).toBeCloseTo((sigmas[99] as number) ** 2, 12);
    const bands = pathBands({
      calibration: fitted.calibration,
      path: fitted.live,
      levels,
      protocol: 'relative',
    });
    // σ starts after the 12-month warm-up (origin 12): the online method runs from there.
    const from = 1; // all.origins[1] = 12
    for (let h = 1; h <= H; h++) {
      const errors = logErrors(history, all.origins, all.values, h).slice(from);
      const hSigmas = all.origins.slice(from).map((s) => (sigmas[s] as number) * Math.sqrt(h));
      for (const level of levels) {
        const { halfWidths } = volatilityScaledOnline({
          recalibration: 'rolling',
          errors,
          sigmas: hSigmas,
          level: level / 100,
          horizon: h,
          window,
          capAtLargest: true,
        });
        const q = halfWidths[halfWidths.length - 1] as number;
        const point = live[h - 1] as number;
        const band = bands[h - 1]?.intervals[String(level)] as [number, number];
        expect(band[0]).toBeCloseTo(point * Math.exp(-q), 6);
        expect(band[1]).toBeCloseTo(point * Math.exp(q), 6);
      }
    }
  });

  it('keeps signed scores signed, and a static calibration’s rolling variant as large as its set', () => {
    const registry = model.entry.calibration;
    const fitted = fit({
      model,
      values: history,
      calibration: { ...calibrationOf('static', 'signed'), horizons: registry.horizons },
      horizon: H,
    });
    const window = historyWindow({
      ...calibrationOf('static', 'signed'),
      horizons: registry.horizons,
    });
    expect(window).toBe(registry.horizons[0]?.size);
    expect(fitted.calibration.window).toBe(window);
    for (let h = 1; h <= H; h++) {
      // Origins 11 .. 99 − h have known h-month errors; the window keeps the last W of them.
      const expected = logErrors(history, all.origins, all.values, h)
        .filter((e) => !Number.isNaN(e))
        .slice(-window)
        .sort((a, b) => a - b);
      const scores = fitted.calibration.horizons[h - 1]?.scores as number[];
      expect(scores).toHaveLength(expected.length);
      scores.forEach((score, i) => {
        expect(score).toBeCloseTo(expected[i] as number, 9);
      });
      expect(scores.some((s) => s < 0)).toBe(true);
    }
  });

  it('runs one batch of W + H windows per month (the engine sees H calls)', () => {
    let calls = 0;
    let largest = 0;
    const counting: ServedModel = {
      ...model,
      runner: {
        ...model.runner,
        outputs: model.runner.outputs,
        predict: (inputs, count) => {
          calls++;
          largest = Math.max(largest, count);
          return model.runner.predict(inputs, count);
        },
        dispose: () => {},
      },
    };
    fit({
      model: counting,
      values: series.values.slice(-600),
      calibration: calibrationOf('rolling', 'absolute', 48),
      horizon: 12,
    });
    expect(calls).toBe(12);
    expect(largest).toBe(48 + 12);
  });

  it('needs 60 months: enough for every level up to 95 at every horizon', () => {
    expect(HISTORY_CALIBRATION_MONTHS).toBe(60);
    const fitted = fit({
      model,
      values: series.values.slice(-HISTORY_CALIBRATION_MONTHS),
      calibration: calibrationOf('volatility', 'absolute', 120),
      horizon: 12,
    });
    for (const { horizon, size } of fitted.calibration.horizons) {
      // 19 scores serve 95 %; origins 12 .. 59 − h have σ and a known target.
      expect(size).toBe(59 - horizon - 12 + 1);
      expect(size).toBeGreaterThanOrEqual(19);
    }
  });

  it('leaves a history of constant closes to the registry’s calibration (no volatility)', () => {
    const flat = Array.from({ length: 80 }, () => 5000);
    const fitted = calibrateOnHistory({
      model,
      values: flat,
      calibration: calibrationOf('volatility', 'absolute', 24),
      horizon: 3,
    });
    expect(fitted.calibration).toBeUndefined();
    expect(fitted.live.values).toHaveLength(3);
  });
});
