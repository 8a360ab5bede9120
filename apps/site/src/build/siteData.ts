/**
 * Builds the browser's registry extract (`SiteData`) from the registry and the series.
 */
import { architectureLabel } from '../shared/modelLabel.js';
import type { Interval, IntervalLevel } from '../shared/registryTypes.js';
import type { SiteData } from '../shared/siteData.js';
import type { SiteInputs } from './readRegistry.js';

/** Chart data needs no more than 1/100 point; rounding halves the bundle. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundIntervals(intervals: Record<IntervalLevel, Interval[]>) {
  const round = (bound: number | null) => (bound === null ? null : round2(bound));
  return {
    '80': intervals['80'].map(([lo, hi]): Interval => [round(lo), round(hi)]),
    '95': intervals['95'].map(([lo, hi]): Interval => [round(lo), round(hi)]),
  };
}

/**
 * The extract the charts, the live refresh and "Try it" use. Forecasts and RMSEs keep full
 * precision (the page prints them); chart series are rounded to 0.01 points.
 *
 * @throws {RangeError} if a manifest model has no results
 */
export function buildSiteData(inputs: SiteInputs): SiteData {
  const { manifest, results, series } = inputs;
  return {
    createdAt: manifest.createdAt,
    defaultModel: manifest.defaultModel,
    windowLength: manifest.split.windowLength,
    seeds: [...manifest.training.seeds],
    models: manifest.models.map((model) => {
      const result = results.models.find((r) => r.id === model.id);
      if (!result) throw new RangeError(`no results for ${model.id}`);
      return {
        id: model.id,
        configName: model.configName,
        label: architectureLabel(model.spec),
        protocol: model.protocol,
        cell: model.cell,
        forecast: model.forecast,
        coverage: {
          '80': model.intervals['80'].testCoverage,
          '95': model.intervals['95'].testCoverage,
        },
        predictions: result.predictions.map(round2),
        intervals: roundIntervals(result.intervals),
        seedRmse: result.seedRmse,
      };
    }),
    baselines: {
      naive: {
        forecast: manifest.baselines.naive.forecast,
        rmse: manifest.baselines.naive.test.rmse,
      },
      drift: {
        forecast: manifest.baselines.drift.forecast,
        rmse: manifest.baselines.drift.test.rmse,
      },
    },
    test: { dates: [...results.test.dates], actual: [...results.test.actual] },
    series: { dates: [...series.dates], values: [...series.values] },
  };
}
