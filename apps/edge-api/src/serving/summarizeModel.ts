import type { Manifest, ManifestModel } from '@gatecast/core';
import type { ModelSummary } from '../schemas/outputs.js';

/** The GET /v1/models view of a manifest entry (figures copied, not recomputed). */
export function summarizeModel(entry: ManifestModel, manifest: Manifest): ModelSummary {
  const { summary } = entry;
  const firstMonth = entry.intervalSummary.test[0]?.levels;
  if (!firstMonth) throw new Error(`${entry.id}: no h = 1 interval summary`);
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
      '80': { coverage: firstMonth['80'].coverage, meanWidth: firstMonth['80'].meanWidth },
      '95': { coverage: firstMonth['95'].coverage, meanWidth: firstMonth['95'].meanWidth },
    },
    dmVsNaive: entry.dmVsNaive,
  };
}
