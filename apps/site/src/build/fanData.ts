/**
 * The fan chart's data from the manifest: the default model's forecast path from the series' end
 * (`forecast.path`, h = 1 .. H with the quantiles of its bands), and the interval method it serves.
 */

import type { Manifest } from '@gatecast/core/registry';
import { architectureLabel } from '../shared/modelLabel.js';
import { bandsFromQuantiles, levelsInQuantiles } from '../shared/quantileBands.js';
import type { SiteFan } from '../shared/siteData.js';

/** Months of history the fan chart draws before the path: five years. */
export const FAN_HISTORY_MONTHS = 60;

/**
 * Shapes the default model's path for the fan chart: each month's forecast and its central bands
 * at every level whose two quantiles the registry recorded (80 and 95).
 *
 * @throws {RangeError} if the default model is missing, its path is empty, or a month lacks the
 *   first month's levels
 */
export function fanData(manifest: Manifest): SiteFan {
  const model = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (!model) throw new RangeError(`default model ${manifest.defaultModel} not in the manifest`);
  const { path } = model.forecast;
  const first = path[0];
  if (!first) throw new RangeError(`${model.id} has an empty forecast path`);
  const levels = levelsInQuantiles(first.quantiles);
  return {
    model: model.id,
    label: architectureLabel(model.spec),
    method: model.calibration.method,
    asOf: model.forecast.asOf,
    historyMonths: FAN_HISTORY_MONTHS,
    path: path.map((month, i) => ({
      horizon: i + 1,
      target: month.target,
      value: month.value,
      bands: bandsFromQuantiles(month.quantiles, levels),
    })),
  };
}
