/**
 * Builds the browser's registry extract (`SiteData`) from the registry and the series.
 */

import { INTERVAL_LEVELS, type Interval, type IntervalLevel } from '@gatecast/core';
import { architectureLabel } from '../shared/modelLabel.js';
import type { SiteData } from '../shared/siteData.js';
import { calibrationData } from './calibrationData.js';
import { fanData } from './fanData.js';
import type { SiteInputs } from './readRegistry.js';
import { siteTrackRecord } from './trackRecord.js';

/** Chart data needs no more than 1/100 point; rounding halves the bundle. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `{ "80": f("80"), "95": f("95") }`: one entry per interval level. */
function byLevel<T>(f: (level: IntervalLevel) => T): Record<IntervalLevel, T> {
  return Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, f(level)])) as Record<
    IntervalLevel,
    T
  >;
}

const part = (p: { firstTarget: string; lastTarget: string }) => ({
  first: p.firstTarget,
  last: p.lastTarget,
});

function roundIntervals(intervals: Record<IntervalLevel, Interval[]>) {
  const round = (bound: number | null) => (bound === null ? null : round2(bound));
  return byLevel((level) => intervals[level].map(([lo, hi]): Interval => [round(lo), round(hi)]));
}

/**
 * The extract the charts, the live refresh and "Try it" use. Forecasts and RMSEs keep full
 * precision (the page prints them); chart series are rounded to 0.01 points. A model's test
 * bands and their coverage are its served interval method's, one month ahead (`intervals.json`).
 *
 * @throws {RangeError} if a manifest model has no results or no interval results
 */
export function buildSiteData(inputs: SiteInputs): SiteData {
  const { manifest, results, intervals, series } = inputs;
  return {
    createdAt: manifest.createdAt,
    defaultModel: manifest.defaultModel,
    windowLength: manifest.split.windowLength,
    seeds: [...manifest.training.seeds],
    models: manifest.models.map((model) => {
      const result = results.models.find((r) => r.id === model.id);
      if (!result) throw new RangeError(`no results for ${model.id}`);
      const interval = intervals.models.find((m) => m.id === model.id);
      const h1 = interval?.methods.find((m) => m.served)?.table.test.find((h) => h.horizon === 1);
      if (!interval || !h1) throw new RangeError(`no served interval scores for ${model.id}`);
      return {
        id: model.id,
        configName: model.configName,
        label: architectureLabel(model.spec),
        protocol: model.protocol,
        role: model.role,
        cell: model.cell,
        forecast: model.forecast,
        intervalMethod: interval.servedMethod,
        coverage: byLevel((level) => {
          const scores = h1.levels[level];
          if (!scores) throw new RangeError(`${model.id}: no ${level}% scores at horizon 1`);
          return scores.coverage;
        }),
        predictions: result.predictions.map(round2),
        intervals: roundIntervals(interval.testBands),
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
    split: {
      fit: part(manifest.split.fit),
      validation: part(manifest.split.validation),
      test: part(manifest.split.test),
    },
    fan: fanData(manifest),
    calibration: calibrationData(manifest, intervals),
    trackRecord: siteTrackRecord(inputs.backtest, manifest),
  };
}
