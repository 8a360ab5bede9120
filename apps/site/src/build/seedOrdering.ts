/**
 * Is the ranking of models by test RMSE the same whatever the seed? (The lesson claims "numbers
 * move a little from run to run but the ordering is stable".)
 */
import type { Manifest, Results } from '@gatecast/core';

/** How a set of models ranks on each seed. */
export interface SeedOrdering {
  /** Model ids in the order given. */
  modelIds: string[];
  /** For each seed (manifest order), the model ids from lowest to highest test RMSE. */
  bySeed: { seed: number; ranked: string[] }[];
  /** Number of different rankings seen across seeds. */
  distinct: number;
  /** True when every seed ranks the models the same way. */
  stable: boolean;
}

/**
 * Ranks `modelIds` by test RMSE separately on each training seed, from `results.models[].seedRmse`.
 *
 * @throws {RangeError} if a model id has no results
 * @example seedOrdering(manifest, results, ['simplernn-32@relative', 'gru-32@relative'])
 * // => { bySeed: [{ seed: 1, ranked: ['gru-32@relative', 'simplernn-32@relative'] }, …], stable: … }
 */
export function seedOrdering(
  manifest: Pick<Manifest, 'training'>,
  results: Pick<Results, 'models'>,
  modelIds: readonly string[],
): SeedOrdering {
  const rmseOf = modelIds.map((id) => {
    const model = results.models.find((m) => m.id === id);
    if (!model) throw new RangeError(`no results for ${id}`);
    return model.seedRmse;
  });
  const bySeed = manifest.training.seeds.map((seed, s) => ({
    seed,
    ranked: modelIds
      .map((id, i) => ({ id, rmse: rmseOf[i]?.[s] as number }))
      .sort((a, b) => a.rmse - b.rmse)
      .map((entry) => entry.id),
  }));
  const distinct = new Set(bySeed.map((entry) => entry.ranked.join('<'))).size;
  return { modelIds: [...modelIds], bySeed, distinct, stable: distinct === 1 };
}

/**
 * Number of seeds on which every model in `challengers` has a lower test RMSE than `incumbent`.
 *
 * @example seedsAllBeat(results, 'simplernn-32@relative', ['gru-32@relative', 'lstm-32@relative']) // => 2
 */
export function seedsAllBeat(
  results: Pick<Results, 'models'>,
  incumbent: string,
  challengers: readonly string[],
): number {
  const seedRmse = (id: string) => {
    const model = results.models.find((m) => m.id === id);
    if (!model) throw new RangeError(`no results for ${id}`);
    return model.seedRmse;
  };
  const base = seedRmse(incumbent);
  const others = challengers.map(seedRmse);
  return base.filter((rmse, s) => others.every((o) => (o[s] as number) < rmse)).length;
}
