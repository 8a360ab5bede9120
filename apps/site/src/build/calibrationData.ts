/**
 * The calibration chart's data from `intervals.json`: nominal against observed test coverage at
 * every report level, one month ahead and pooled over horizons, for each model's served method
 * and each baseline.
 */

import type { Intervals, Manifest } from '@gatecast/core/registry';
import { BASELINE_METHODS, baselineLabel, methodLabel } from '../shared/methodLabels.js';
import { architectureLabel } from '../shared/modelLabel.js';
import type { SiteCalibration } from '../shared/siteData.js';

type Points = Intervals['models'][number]['calibration'];

/** Observed coverage at each of `levels`, from a forecaster's calibration points. */
function observed(points: Points, levels: readonly number[], owner: string) {
  const at = (level: number) => {
    const point = points.find((p) => p.level === level);
    if (!point) throw new RangeError(`${owner}: no calibration point at ${level}%`);
    return point;
  };
  return {
    horizon1: levels.map((level) => at(level).h1),
    pooled: levels.map((level) => at(level).pooled),
  };
}

/**
 * Shapes the chart's series: every model (labelled by architecture and protocol), then every
 * baseline, each with a point per report level.
 *
 * @throws {RangeError} if a forecaster lacks a report level or a model is not in the manifest
 */
export function calibrationData(manifest: Manifest, intervals: Intervals): SiteCalibration {
  const levels = [...intervals.levels].sort((a, b) => a - b);
  return {
    levels,
    series: [
      ...intervals.models.map((entry) => {
        const model = manifest.models.find((m) => m.id === entry.id);
        if (!model) throw new RangeError(`${entry.id} is not in the manifest`);
        return {
          id: entry.id,
          label: `${architectureLabel(model.spec)}, ${model.protocol}`,
          kind: 'model' as const,
          method: methodLabel(entry.servedMethod),
          ...observed(entry.calibration, levels, entry.id),
        };
      }),
      ...intervals.baselines.map((baseline) => ({
        id: baseline.id,
        label: baselineLabel(baseline.id),
        kind: 'baseline' as const,
        method: BASELINE_METHODS[baseline.id] ?? 'empirical quantiles',
        ...observed(baseline.calibration, levels, baseline.id),
      })),
    ],
  };
}
