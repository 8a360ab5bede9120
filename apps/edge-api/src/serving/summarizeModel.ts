import type { Manifest, ManifestModel } from '@gatecast/core';
import type { IntervalSummary, ModelSummary } from '../schemas/outputs.js';
import { BASELINE_INTERVAL_METHODS, type BaselineId } from './baselinePaths.js';

/** The GET /v1/models view of a manifest entry (figures copied, not recomputed). */
export function summarizeModel(entry: ManifestModel, manifest: Manifest): ModelSummary {
  const { summary } = entry;
  return {
    id: entry.id,
    configName: entry.configName,
    cell: entry.cell,
    units: entry.units,
    layers: entry.spec.recurrent.map(({ cell, units }) => ({ cell, units })),
    protocol: entry.protocol,
    role: entry.role,
    parameterCount: entry.parameterCount,
    trainedAt: manifest.createdAt,
    servedSeed: entry.servedSeed,
    seeds: entry.seeds.length,
    test: { rmse: summary.rmse, mae: summary.mae, mase: summary.mase, mape: summary.mape },
    servedTest: { rmse: entry.test.rmse, mae: entry.test.mae },
    intervalMethod: entry.calibration.method,
    intervalSummary: entry.intervalSummary,
    dmVsNaive: entry.dmVsNaive,
  };
}

/** The GET /v1/models and /v1/compare view of a baseline's interval scores. */
export function baselineIntervalSummary(manifest: Manifest, id: BaselineId): IntervalSummary {
  return {
    method: BASELINE_INTERVAL_METHODS[id],
    test: manifest.baselines[id].intervalSummary.test,
  };
}
