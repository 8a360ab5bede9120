import type { Manifest, ManifestModel } from '@gatecast/core';
import type { ModelSummary } from '../schemas/outputs.js';

/** The GET /v1/models view of a manifest entry (figures copied, not recomputed). */
export function summarizeModel(entry: ManifestModel, manifest: Manifest): ModelSummary {
  const { summary, intervals } = entry;
  return {
    id: entry.id,
    configName: entry.configName,
    cell: entry.cell,
    units: entry.units,
    layers: entry.spec.recurrent.map(({ cell, units }) => ({ cell, units })),
    protocol: entry.protocol,
    parameterCount: entry.parameterCount,
    trainedAt: manifest.createdAt,
    servedSeed: entry.servedSeed,
    seeds: entry.seeds.length,
    test: { rmse: summary.rmse, mae: summary.mae, mase: summary.mase, mape: summary.mape },
    servedTest: { rmse: entry.test.rmse, mae: entry.test.mae },
    intervals: {
      '80': { coverage: intervals['80'].testCoverage, meanWidth: intervals['80'].meanTestWidth },
      '95': { coverage: intervals['95'].testCoverage, meanWidth: intervals['95'].meanTestWidth },
    },
    dmVsNaive: entry.dmVsNaive,
  };
}
