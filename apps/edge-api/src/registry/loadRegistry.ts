import {
  type ModelWeights,
  nextMonth,
  parseMonthlyCsv,
  type Scaler,
  scalerFromParams,
  weightsFromList,
} from '@gatecast/core';
import {
  type Manifest,
  type ManifestModel,
  parseManifest as parseManifestJson,
  RegistryFormatError,
} from '@gatecast/core/registry';
import type { RegistryBundle } from './bundle.js';
import { decodeWeights, WeightsFormatError } from './decodeWeights.js';
import { sha256Hex } from './sha256.js';

/** Raised when the registry as a whole cannot be served (bad manifest or series). */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

/** A model whose files matched the manifest: ready for an engine. */
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
 * Parses the manifest with core's registry schema: strict, and only the format version this
 * worker was built with (any other is refused, with that as the reason).
 */
function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RegistryError('manifest.json is not valid JSON');
  }
  try {
    return parseManifestJson(json);
  } catch (error) {
    // `manifest.json is invalid: <path>: <message>`
    if (error instanceof RegistryFormatError) throw new RegistryError(error.message);
    throw error;
  }
}

async function loadSeries(
  bundle: RegistryBundle,
  manifest: Manifest,
): Promise<LoadedRegistry['latest']> {
  if ((await sha256Hex(bundle.seriesCsv)) !== manifest.data.sha256) {
    throw new RegistryError('the bundled series does not match the manifest data sha256');
  }
  // The hash matches, so this is the file the trainer parsed and validated in full: only the
  // header and the last windowLength rows need parsing (all 917 rows cost ~3 ms in a cold isolate).
  const lines = bundle.seriesCsv.trimEnd().split(/\r?\n/);
  const length = manifest.split.windowLength;
  if (lines.length - 1 !== manifest.data.months || lines.length - 1 < length) {
    throw new RegistryError(
      `the bundled series has ${lines.length - 1} months, the manifest says ${manifest.data.months}`,
    );
  }
  const tail = parseMonthlyCsv([lines[0], ...lines.slice(-length)].join('\n'));
  const asOf = tail.dates[tail.dates.length - 1] as string;
  if (asOf !== manifest.data.last) {
    throw new RegistryError(
      `the bundled series ends ${asOf}, the manifest says ${manifest.data.last}`,
    );
  }
  return { asOf, target: nextMonth(asOf), window: [...tail.values] };
}

/**
 * Checks one model's files against its manifest entry and decodes its weights.
 *
 * @throws {WeightsFormatError} with a client-safe reason on the first mismatch.
 */
async function verifyModel(bundle: RegistryBundle, entry: ManifestModel): Promise<VerifiedModel> {
  const modelJson = bundle.files[entry.files.modelJson];
  const weightsBin = bundle.files[entry.files.weights];
  if (typeof modelJson !== 'string') throw new WeightsFormatError('model.json is missing');
  if (!(weightsBin instanceof ArrayBuffer)) throw new WeightsFormatError('weights.bin is missing');
  const [jsonHash, weightsHash] = await Promise.all([sha256Hex(modelJson), sha256Hex(weightsBin)]);
  if (jsonHash !== entry.files.modelJsonSha256) {
    throw new WeightsFormatError('model.json does not match its sha256 in the manifest');
  }
  if (weightsHash !== entry.files.weightsSha256) {
    throw new WeightsFormatError('weights.bin does not match its sha256 in the manifest');
  }
  const expectedScaler = entry.spec.protocol === 'relative' ? 'relative' : 'identity';
  if (entry.scaler.kind !== expectedScaler || entry.protocol !== entry.spec.protocol) {
    throw new WeightsFormatError(
      `scaler '${entry.scaler.kind}' does not fit protocol '${entry.protocol}'`,
    );
  }
  const list = decodeWeights(entry.spec, modelJson, weightsBin);
  return {
    entry,
    weights: weightsFromList(entry.spec, list),
    scaler: scalerFromParams(entry.scaler),
  };
}

/**
 * Parses and verifies a bundled registry: the manifest against its schema, the series against the
 * manifest's data sha256, and each model's `model.json` and `weights.bin` against the sha256 the
 * manifest records (with `crypto.subtle.digest`). A model that fails any check is refused, not
 * served; the others are unaffected.
 *
 * @throws {RegistryError} when the manifest or the series is unusable (nothing can be served).
 */
export async function loadRegistry(bundle: RegistryBundle): Promise<LoadedRegistry> {
  const manifest = parseManifest(bundle.manifestText);
  const latest = await loadSeries(bundle, manifest);
  const seen = new Set<string>();
  const outcomes = await Promise.all(
    manifest.models.map(async (entry) => {
      if (seen.has(entry.id)) return { id: entry.id, reason: 'duplicate model id in the manifest' };
      seen.add(entry.id);
      try {
        return await verifyModel(bundle, entry);
      } catch (error) {
        const reason =
          error instanceof WeightsFormatError ? error.message : 'weights do not fit the spec';
        return { id: entry.id, reason };
      }
    }),
  );
  return {
    manifest,
    version: {
      formatVersion: manifest.formatVersion,
      createdAt: manifest.createdAt,
      dataSha256: manifest.data.sha256,
    },
    models: outcomes.filter((o): o is VerifiedModel => 'entry' in o),
    refused: outcomes.filter((o): o is RefusedModel => 'reason' in o),
    latest,
  };
}
