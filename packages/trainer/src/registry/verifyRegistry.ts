import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelForward } from '@gatecast/core';
import { type Manifest, parseManifest, RegistryFormatError } from '@gatecast/core/registry';
import {
  type CheckedModel,
  checkModelFiles,
  checkRecordedForecast,
  checkRegistry,
  ModelFilesError,
  REPLAY_TOLERANCE,
  RegistryCheckError,
} from '@gatecast/core/registry/verify';
import * as tf from '@tensorflow/tfjs';
import { type LayersArtifacts, loadLayersArtifacts } from './layersArtifacts.js';
import { sha256 } from './sha256.js';

/** Raised when a registry on disk does not match its manifest. */
export class RegistryVerificationError extends Error {
  override readonly name = 'RegistryVerificationError';
}

export interface VerifyRegistryOptions {
  /**
   * The series trained on, as text. With it the registry gets core's whole `checkRegistry` (the
   * one codegen runs before every build and the worker at start-up): every test prediction in
   * `results.json` is reproduced too. Without it, every check but that one.
   */
  seriesCsv?: string;
  /** Relative tolerance of reproduced outputs; core's `REPLAY_TOLERANCE` by default. */
  tolerance?: number;
}

/** |a − b| within `tolerance` relative to max(1, |b|). */
function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

/**
 * Checks a registry directory end to end with core's registry check (`@gatecast/core/registry/
 * verify`, shared with codegen and the worker): the manifest against core's schema, the sha256 of
 * every listed file, each model's weights (format, names, shapes, all finite) and its recorded
 * forecast from `latestWindow` reproduced by core's forward pass — and, given the series, every
 * recorded test prediction. Then, beyond what the worker needs, that `tf.loadLayersModel` loads
 * each model and agrees with core on the latest window (to 1e-5).
 *
 * @param latestWindow the last `windowLength` months of the data, in points
 * @returns the parsed manifest
 * @throws {RegistryVerificationError} naming the first failing file or model and why
 */
export async function verifyRegistry(
  dir: string,
  latestWindow: readonly number[],
  options: VerifyRegistryOptions = {},
): Promise<Manifest> {
  const tolerance = options.tolerance ?? REPLAY_TOLERANCE;
  const fail = (message: string): never => {
    throw new RegistryVerificationError(`${dir}: ${message}`);
  };
  const manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
  let manifest: Manifest;
  try {
    manifest = parseManifest(JSON.parse(manifestText));
  } catch (error) {
    if (!(error instanceof RegistryFormatError || error instanceof SyntaxError)) throw error;
    return fail(error.message);
  }
  for (const [file, hash] of Object.entries(manifest.files)) {
    if (sha256(await readFile(join(dir, file))) !== hash) fail(`${file} does not match its sha256`);
  }
  const files: Record<string, string | Uint8Array> = {};
  for (const entry of manifest.models) {
    files[entry.files.modelJson] = await readFile(join(dir, entry.files.modelJson), 'utf8');
    files[entry.files.weights] = await readFile(join(dir, entry.files.weights));
  }

  let models: CheckedModel[];
  if (options.seriesCsv !== undefined) {
    try {
      const checked = await checkRegistry(
        {
          manifestText,
          resultsText: await readFile(join(dir, 'results.json'), 'utf8'),
          seriesCsv: options.seriesCsv,
          files,
        },
        { sha256, tolerance },
      );
      const [refused] = checked.refused;
      if (refused) fail(`${refused.id}: ${refused.reason}`);
      models = checked.models;
    } catch (error) {
      if (error instanceof RegistryCheckError) fail(error.message);
      throw error;
    }
  } else {
    models = [];
    for (const entry of manifest.models) {
      try {
        const model = await checkModelFiles(entry, files, {
          sha256,
          windowLength: manifest.split.windowLength,
        });
        checkRecordedForecast(model, latestWindow, tolerance);
        models.push(model);
      } catch (error) {
        if (error instanceof ModelFilesError) fail(`${entry.id}: ${error.message}`);
        throw error;
      }
    }
  }

  for (const { entry, weights, scaler } of models) {
    const scaled = Float32Array.from(scaler.scaleWindow(latestWindow));
    const modelJson = JSON.parse(files[entry.files.modelJson] as string);
    const model = await loadLayersArtifacts(
      modelJson as LayersArtifacts['modelJson'],
      files[entry.files.weights] as Uint8Array,
    );
    try {
      const viaTfjs = tf.tidy(() =>
        (model.predict(tf.tensor3d(scaled, [1, scaled.length, 1])) as tf.Tensor).dataSync(),
      )[0] as number;
      const viaCore = modelForward(entry.spec, weights, scaled);
      if (!close(viaCore, viaTfjs, 1e-5)) {
        fail(`${entry.id}: core forward ${viaCore} differs from tf.loadLayersModel's ${viaTfjs}`);
      }
    } finally {
      model.dispose();
    }
  }
  return manifest;
}
