import {
  type Calibration,
  type CalibrationHorizon,
  EWMA_LAMBDA,
  ewmaVolatility,
  type ForecastPaths,
} from '@gatecast/core';
import { type ForecastModel, modelPaths } from './modelPaths.js';

/**
 * Months a posted history must hold to calibrate the intervals on its own errors: 60 (five
 * years). Its first 12 months are the first window, so 60 months leave 48 one-month-ahead errors
 * and 37 twelve-month ones, enough for the conformal rank at every level up to 95 (19 scores) at
 * every horizon; higher levels clip the rank to the largest score, and the response says so
 * (`rankClipped`). Shorter histories use the registry's calibration.
 */
export const HISTORY_CALIBRATION_MONTHS = 60;

/** A calibration fitted to a history, and the live path from its last month. */
export interface HistoryCalibration {
  /**
   * The served method's state as of the history's last month, or `undefined` when the history
   * cannot calibrate it: a horizon left without a finite score, or a volatility of 0 (a history
   * of constant closes). The caller then uses the registry's.
   */
  calibration: Calibration | undefined;
  /** The path from the history's last month: `[H]` levels, and `[H]` scales for learnedScale. */
  live: { values: number[]; scales?: number[] };
}

/**
 * Scores of the rolling window W: the last W months of scores of this method known at the
 * history's end. A static calibration has no W; its rolling variant keeps as many scores as the
 * registry's static set holds at h = 1 (the validation tail's), so both sets are the same size.
 */
export function historyWindow(calibration: Calibration): number {
  return calibration.window ?? (calibration.horizons[0] as CalibrationHorizon).size;
}

/**
 * Calibrates the model's served interval method on a history's own errors, the way the registry
 * calibrated it on the bundled series, and forecasts from the history's end.
 *
 * The model's h-month paths are computed from the history's last origins in one batch (core's
 * `forecastPaths` through the engine: one batched call per month): every origin s whose h-month
 * error is known at the history's last month T (s + h ≤ T) and inside the rolling window
 * (s ≥ T − h − W + 1), plus T itself, whose path is the live forecast. The error of origin s at
 * horizon h is `z = ln(y_{s+h} / ŷ_{s+h|s})` (relative protocol) or `y_{s+h} − ŷ_{s+h|s}` (points,
 * reference protocol); the score is z for `static`/`rolling`, `z / (σ_s·√h)` for `volatility`
 * (σ_s the EWMA volatility of the history's one-month log returns at s, core's `ewmaVolatility`
 * with the registry's λ and its default 12-month warm-up; origins before it have no score), and
 * `z / s_h(s)` for `learnedScale` (the path scale); absolute or signed as the registry's
 * calibration keeps them. Each horizon keeps the scores of its last W origins, which are exactly
 * the errors core's `rollingConformal` takes its quantile of at T (the test checks the two agree).
 * `static` and `learnedScale` calibrations become their rolling-window variants (see
 * {@link historyWindow}); the method's name is kept.
 *
 * Cost: `W + H` windows per batched call, H calls.
 *
 * @param options.values - `[n]` closes in index points, oldest first, n ≥
 *   {@link HISTORY_CALIBRATION_MONTHS}, consecutive months (validated by the caller).
 * @param options.calibration - The registry's calibration of the model (method, score kind, W, λ).
 * @param options.horizon - H, 1 .. the registry's horizons.
 * @throws {ApiError} `forecast-not-finite` as {@link modelPaths}.
 */
export function calibrateOnHistory(options: {
  model: ForecastModel;
  values: readonly number[];
  calibration: Calibration;
  horizon: number;
}): HistoryCalibration {
  const { model, values, calibration, horizon } = options;
  const length = model.entry.spec.windowLength;
  const window = historyWindow(calibration);
  const last = values.length - 1;
  const firstOrigin = Math.max(length - 1, last - horizon - window + 1);
  const origins = Array.from({ length: last - firstOrigin + 1 }, (_, k) => firstOrigin + k);
  const paths: ForecastPaths = modelPaths(
    model,
    origins.map((s) => values.slice(s - length + 1, s + 1)),
    horizon,
  );
  const lambda = calibration.volatility?.lambda ?? EWMA_LAMBDA;
  const sigmas = calibration.method === 'volatility' ? ewmaVolatility(values, { lambda }) : [];
  const relative = model.entry.protocol === 'relative';
  const pathScales = paths.scales;
  if (calibration.method === 'learnedScale' && !pathScales) {
    throw new Error(`${model.entry.id}: a learnedScale calibration needs a learned-scale model`);
  }

  const horizons = Array.from({ length: horizon }, (_, i): CalibrationHorizon => {
    const h = i + 1;
    const scores: number[] = [];
    for (let k = 0; k < origins.length; k++) {
      const s = origins[k] as number;
      if (s + h > last || s < last - h - window + 1) continue;
      const forecast = (paths.values[k] as number[])[i] as number;
      const actual = values[s + h] as number;
      let score = relative ? Math.log(actual / forecast) : actual - forecast;
      if (calibration.method === 'volatility') {
        const sigma = sigmas[s] as number;
        if (!(sigma > 0)) continue; // before the EWMA's warm-up
        score /= sigma * Math.sqrt(h);
      } else if (calibration.method === 'learnedScale') {
        score /= pathScales?.[k]?.[i] ?? Number.NaN;
      }
      if (Number.isFinite(score)) {
        scores.push(calibration.scores === 'absolute' ? Math.abs(score) : score);
      }
    }
    scores.sort((a, b) => a - b);
    return { horizon: h, size: scores.length, scores };
  });

  const liveIndex = origins.length - 1;
  const liveSigma = sigmas[last];
  const usable =
    horizons.every((h) => h.size > 0) &&
    (calibration.method !== 'volatility' || (liveSigma as number) > 0);
  return {
    calibration: usable
      ? {
          method: calibration.method,
          scores: calibration.scores,
          window,
          ...(calibration.method === 'volatility'
            ? { volatility: { lambda, variance: (liveSigma as number) ** 2 } }
            : {}),
          horizons,
        }
      : undefined,
    live: {
      values: paths.values[liveIndex] as number[],
      ...(pathScales ? { scales: pathScales[liveIndex] as number[] } : {}),
    },
  };
}
