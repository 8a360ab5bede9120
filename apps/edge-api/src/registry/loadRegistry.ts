import { type ModelWeights, nextMonth, type Scaler } from '@gatecast/core';
import type { Manifest, ManifestModel } from '@gatecast/core/registry';
import {
  checkRegistry,
  RegistryCheckError,
  type ReplayRunner,
} from '@gatecast/core/registry/verify';
import type { Engine } from '../engine/engine.js';
import type { RegistryBundle } from './bundle.js';
import { sha256Hex } from './sha256.js';

/** Raised when the registry as a whole cannot be served (bad manifest, results or series). */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** A model that passed every check of the registry: ready for an engine. */
export interface VerifiedModel {
  entry: ManifestModel;
  weights: ModelWeights;
  scaler: Scaler;
}

/** A model listed in the manifest that is not served, and why (safe to show to clients). */
export interface RefusedModel {
  id: string;
  reason: string;
}

/** Identifies a registry: what the API's ETags and `/health` are keyed by. */
export interface RegistryVersion {
  formatVersion: number;
  createdAt: string;
  /** sha256 of the series the models were trained on (`manifest.data.sha256`). */
  dataSha256: string;
}

/** The registry after every check: verified models, refused models, and the latest window. */
export interface LoadedRegistry {
  manifest: Manifest;
  version: RegistryVersion;
  /** In manifest order. */
  models: VerifiedModel[];
  refused: RefusedModel[];
  /** The last `windowLength` months of the series: the input of every canonical forecast. */
  latest: {
    /** Last month of the series, `YYYY-MM-01`. */
    asOf: string;
    /** The month forecast, `YYYY-MM-01`. */
    target: string;
    /** `[windowLength]` closes in index points, oldest first. */
    window: number[];
  };
}

/**
 * The replay on an engine: the model loaded, every window run in one batched call, its first
 * output per window kept, the model unloaded.
 */
function engineReplay(engine: Engine): ReplayRunner {
  return (model, windows, count) => {
    const runner = engine.load(model.entry.spec, model.weights);
    try {
      const outputs = runner.predict(windows, count);
      if (runner.outputs === 1) return outputs;
      return Float32Array.from({ length: count }, (_, i) => outputs[i * runner.outputs] as number);
    } finally {
      runner.dispose();
    }
  };
}

/**
 * Parses and verifies a bundled registry with core's `checkRegistry`, the same check codegen runs
 * before every build: the manifest and results against their schema (only the format version this
 * worker was built with), results and series against their sha256 in the manifest (with
 * `crypto.subtle.digest`), and each model's files (sha256, format, names, shapes, finite weights)
 * and outputs — the recorded next-month forecast and every test prediction in `results.json`
 * reproduced within core's `REPLAY_TOLERANCE`. A model that fails any check is refused, not
 * served; the others are unaffected.
 *
 * @param options.engine the engine that will serve the models: the replay runs on it, one batched
 *   call per model instead of core's window-by-window forward pass, and start-up checks what is
 *   served. Without it, core's forward pass (what codegen runs).
 * @throws {RegistryError} when the registry as a whole is unusable (nothing can be served).
 */
export async function loadRegistry(
  bundle: RegistryBundle,
  options: { engine?: Engine } = {},
): Promise<LoadedRegistry> {
  let checked: Awaited<ReturnType<typeof checkRegistry>>;
  try {
    checked = await checkRegistry(bundle, {
      sha256: sha256Hex,
      ...(options.engine ? { run: engineReplay(options.engine) } : {}),
    });
  } catch (error) {
    if (error instanceof RegistryCheckError) throw new RegistryError(error.message);
    throw error;
  }
  const { manifest, series, latestWindow } = checked;
  const asOf = series.dates[series.dates.length - 1] as string;
  return {
    manifest,
    version: {
      formatVersion: manifest.formatVersion,
      createdAt: manifest.createdAt,
      dataSha256: manifest.data.sha256,
    },
    models: checked.models,
    refused: checked.refused,
    latest: { asOf, target: nextMonth(asOf), window: latestWindow },
  };
}
