import { type EngineChoice, type EngineOptions, selectEngine } from '../engine/selectEngine.js';
import type { RegistryBundle } from '../registry/bundle.js';
import { type LoadedRegistry, loadRegistry } from '../registry/loadRegistry.js';
import { sha256Hex } from '../registry/sha256.js';
import { BaselinePaths } from './baselinePaths.js';
import { ModelPool } from './modelPool.js';

export type { ServedModel } from './modelPool.js';

/** Everything the routes read, built once per isolate on its first request. */
export interface ServingState {
  registry: LoadedRegistry;
  engine: EngineChoice;
  /** The verified models, each put on the engine on first use. */
  models: ModelPool;
  /** The four baselines' paths at any level, fitted on first use. */
  baselines: BaselinePaths;
  /** Strong ETag of every GET response: registry version, engine and verified models. */
  etag: string;
}

/**
 * Verifies the registry (manifest, series and weights sha256) and starts the engine. Models go on
 * the engine lazily, through {@link ModelPool}, and the baselines are fitted on first use, or both
 * at once with `loadAllModels`.
 *
 * @throws {RegistryError} when the registry cannot be served at all.
 */
export async function buildServingState(
  bundle: RegistryBundle,
  engineOptions: EngineOptions,
  options: { loadAllModels?: boolean } = {},
): Promise<ServingState> {
  // The engine first: the registry's start-up check replays every test prediction on it.
  const engine = await selectEngine(engineOptions);
  const registry = await loadRegistry(bundle, { engine: engine.engine });
  const models = new ModelPool(registry, engine.engine);
  const baselines = new BaselinePaths(registry.manifest, bundle.seriesCsv);
  if (options.loadAllModels) {
    models.all();
    baselines.prepare();
  }
  const key = JSON.stringify([registry.version, engine.engine.name, models.verifiedIds()]);
  const etag = `"${(await sha256Hex(key)).slice(0, 32)}"`;
  return { registry, engine, models, baselines, etag };
}
