import {
  ewmaNaiveBands,
  fitResidualQuantileBaseline,
  type LevelBand,
  type LogReturnModel,
  MAX_HORIZON,
  type Manifest,
  nextMonth,
  parseMonthlyCsv,
  quantileKeys,
  type ResidualQuantileBaseline,
  residualQuantileForecast,
} from '@gatecast/core';
import type { PathPoint, PathRequest, ServedPath } from './pathResponse.js';

/** The baselines the registry records, in the order the API lists them. */
export const BASELINE_IDS = ['naive', 'drift', 'ar1', 'naiveEwma'] as const;
export type BaselineId = (typeof BASELINE_IDS)[number];

/** How each baseline's intervals are made, as the API names it. */
export const BASELINE_INTERVAL_METHODS = {
  naive: 'empiricalQuantiles',
  drift: 'empiricalQuantiles',
  ar1: 'empiricalQuantiles',
  naiveEwma: 'ewmaGaussian',
} as const satisfies Record<BaselineId, string>;

type ResidualKind = Exclude<BaselineId, 'naiveEwma'>;

/**
 * The baselines' paths from the series' end at any levels, with core's baseline functions and the
 * parameters the manifest stores: drift's μ, AR(1)'s c and φ, naiveEwma's λ and σ² at the series'
 * end. naive, drift and AR(1) take their bands from the empirical quantiles of their h-month
 * log-return residuals over the fitted span (the months the fitting windows cover, from the
 * series' first month to the last fitted target, the span the relative scaler's σ is fitted on);
 * those residuals are not stored, so they are recomputed from the bundled series
 * (`fitResidualQuantileBaseline`, 3 kinds × 12 horizons), once, on first use. naiveEwma's bands
 * are Gaussian, `last · exp(± z·σ·√h)` (`ewmaNaiveBands`).
 */
export class BaselinePaths {
  readonly #manifest: Manifest;
  readonly #seriesCsv: string;
  #fitted: Record<ResidualKind, ResidualQuantileBaseline[]> | undefined;

  /**
   * @param seriesCsv - The bundled series, whose sha256 the registry's load checked against the
   *   manifest.
   */
  constructor(manifest: Manifest, seriesCsv: string) {
    this.#manifest = manifest;
    this.#seriesCsv = seriesCsv;
  }

  /** Fits the residual-quantile baselines now rather than on first use (eager start-up). */
  prepare(): void {
    this.#fit();
  }

  /**
   * One baseline's path from `window` (the series' last months, oldest first, index points).
   *
   * @returns The first month's point and intervals, and the path with its quantiles.
   */
  serve(id: BaselineId, window: readonly number[], asOf: string, request: PathRequest): ServedPath {
    const levels = [...request.levels].sort((a, b) => a - b);
    const probabilities = levels.map((level) => level / 100);
    const points: { point: number; bands: LevelBand[] }[] = [];
    for (let h = 1; h <= request.horizon; h++) {
      if (id === 'naiveEwma') {
        const { variance } = this.#manifest.baselines.naiveEwma;
        const last = window[window.length - 1] as number;
        points.push(
          ewmaNaiveBands({ last, sigma: Math.sqrt(variance), horizon: h, levels: probabilities }),
        );
      } else {
        const baseline = this.#fit()[id][h - 1] as ResidualQuantileBaseline;
        points.push(residualQuantileForecast({ baseline, window, levels: probabilities }));
      }
    }
    let target = asOf;
    const path = points.map(({ point, bands }, i): PathPoint => {
      target = nextMonth(target);
      const quantiles: Record<string, number> = {};
      for (const [j, band] of bands.entries()) {
        const [lower, upper] = quantileKeys(levels[j] as number);
        quantiles[lower] = band.lower;
        quantiles[upper] = band.upper;
      }
      const sorted = Object.keys(quantiles).sort((a, b) => Number(a) - Number(b));
      return {
        horizon: i + 1,
        target,
        forecast: point,
        quantiles: Object.fromEntries(sorted.map((key) => [key, quantiles[key] as number])),
      };
    });
    const first = points[0] as { point: number; bands: LevelBand[] };
    return {
      forecast: first.point,
      intervals: Object.fromEntries(
        first.bands.map((band, j) => [String(levels[j]), [band.lower, band.upper]]),
      ),
      path,
    };
  }

  #fit(): Record<ResidualKind, ResidualQuantileBaseline[]> {
    if (this.#fitted) return this.#fitted;
    const manifest = this.#manifest;
    const series = parseMonthlyCsv(this.#seriesCsv);
    const end = series.dates.indexOf(manifest.split.fit.lastTarget);
    if (end < 0) throw new Error(`the series lacks ${manifest.split.fit.lastTarget}`);
    const span = series.values.slice(0, end + 1);
    const { drift, ar1 } = manifest.baselines;
    const stored: Record<ResidualKind, LogReturnModel> = {
      naive: { kind: 'naive' },
      drift: { kind: 'drift', mu: drift.meanLogReturn },
      ar1: { kind: 'ar1', c: ar1.c, phi: ar1.phi },
    };
    const fitKind = (kind: ResidualKind) =>
      Array.from({ length: MAX_HORIZON }, (_, i) => {
        const fitted = fitResidualQuantileBaseline({
          kind,
          values: span,
          horizon: i + 1,
          ...(kind === 'drift' ? { mu: drift.meanLogReturn } : {}),
        });
        // The stored parameters forecast; the refit on the same span only supplies residuals.
        return { ...fitted, model: stored[kind] };
      });
    this.#fitted = { naive: fitKind('naive'), drift: fitKind('drift'), ar1: fitKind('ar1') };
    return this.#fitted;
  }
}
