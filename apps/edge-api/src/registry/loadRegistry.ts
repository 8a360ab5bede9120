import { type ModelWeights, nextMonth, type Scaler } from '@gatecast/core';
import type { Manifest, ManifestModel } from '@gatecast/core/registry';
import { checkRegistry, RegistryCheckError } from '@gatecast/core/registry/verify';
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
 * Parses and verifies a bundled registry with core's `checkRegistry`, the same check codegen runs
 * before every build: the manifest and results against their schema (only the format version this
 * worker was built with), results and series against their sha256 in the manifest (with
 * `crypto.subtle.digest`), and each model's files (sha256, format, names, shapes, finite weights)
 * and outputs — the recorded next-month forecast and every test prediction in `results.json`
 * reproduced by core's forward pass. A model that fails any check is refused, not served; the
 * others are unaffected.
 *
 * @throws {RegistryError} when the registry as a whole is unusable (nothing can be served).
 */
export async function loadRegistry(bundle: RegistryBundle): Promise<LoadedRegistry> {
  let checked: Awaited<ReturnType<typeof checkRegistry>>;
  try {
    checked = await checkRegistry(bundle, { sha256: sha256Hex });
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
