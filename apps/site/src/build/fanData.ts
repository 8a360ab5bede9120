/**
 * The fan chart's data from the manifest: the default model's forecast path from the series' end
 * (`forecast.path`, h = 1 .. H), with central bands at the fan's levels, and the interval method
 * it serves.
 */

import { pathBands } from '@gatecast/core';
import type { Manifest } from '@gatecast/core/registry';
import { FAN_LEVELS } from '../shared/fanLevels.js';
import { architectureLabel } from '../shared/modelLabel.js';
import { bandsFromQuantiles, levelsInQuantiles } from '../shared/quantileBands.js';
import type { SiteFan } from '../shared/siteData.js';

/** Months of history the fan chart draws before the path: five years. */
export const FAN_HISTORY_MONTHS = 60;

/** How far a recomputed bound may sit from the registry's, relative to it. */
const AGREEMENT = 1e-9;

type FanModel = Manifest['models'][number];

/**
 * Quantiles at the fan's levels for every month of `model`'s path, from its stored calibration
 * through core's `pathBands` — the function the trainer wrote the path's 80/95 quantiles with and
 * the worker serves any level with, so the static fan shows what `GET /v1/forecast` would.
 * `undefined` for a `learnedScale` model, whose path scales the manifest does not keep.
 *
 * @throws {RangeError} if the recomputed 80/95 bounds differ from the registry's
 */
function fanQuantiles(model: FanModel): Record<string, number>[] | undefined {
  if (model.calibration.method === 'learnedScale') return undefined;
  const { path } = model.forecast;
  const bands = pathBands({
    calibration: model.calibration,
    path: { values: path.map((m) => m.value) },
    levels: [...new Set([...FAN_LEVELS, ...levelsInQuantiles(path[0]?.quantiles ?? {})])],
    protocol: model.protocol,
  });
  for (const [i, month] of path.entries()) {
    for (const [key, recorded] of Object.entries(month.quantiles)) {
      const recomputed = bands[i]?.quantiles[key];
      if (
        recomputed === undefined ||
        Math.abs(recomputed - recorded) > AGREEMENT * Math.max(1, Math.abs(recorded))
      ) {
        throw new RangeError(
          `${model.id}: the calibration gives ${recomputed} for quantile ${key} of ${month.target}, the registry's path ${recorded}`,
        );
      }
    }
  }
  return bands.map((b) => b.quantiles);
}

/**
 * Shapes the default model's path for the fan chart: each month's forecast with central bands at
 * the fan's levels (50, 80, 95) computed from the model's calibration — checked to reproduce the
 * path's recorded 80/95 quantiles — or, for a model whose path scales are not kept, at the levels
 * the path records.
 *
 * @throws {RangeError} if the default model is missing, its path is empty or disagrees with its
 *   calibration, or a month lacks the first month's levels
 */
export function fanData(manifest: Manifest): SiteFan {
  const model = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (!model) throw new RangeError(`default model ${manifest.defaultModel} not in the manifest`);
  const { path } = model.forecast;
  const first = path[0];
  if (!first) throw new RangeError(`${model.id} has an empty forecast path`);
  const computed = fanQuantiles(model);
  const levels = computed ? [...FAN_LEVELS] : levelsInQuantiles(first.quantiles);
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
      bands: bandsFromQuantiles(computed?.[i] ?? month.quantiles, levels),
    })),
  };
}
