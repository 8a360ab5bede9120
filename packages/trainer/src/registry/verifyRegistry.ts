import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { modelForward, scalerFromParams, weightsFromList } from '@gatecast/core';
import { type Manifest, parseManifest, RegistryFormatError } from '@gatecast/core/registry';
import * as tf from '@tensorflow/tfjs';
import { type LayersArtifacts, loadLayersArtifacts } from './layersArtifacts.js';
import { sha256 } from './sha256.js';

/** Raised when a registry on disk does not match its manifest. */
export class RegistryVerificationError extends Error {
  override readonly name = 'RegistryVerificationError';
}

/** |a − b| within `tolerance` relative to max(1, |b|). */
function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

/**
 * Checks a registry directory end to end: the manifest against core's schema, every listed file's
 * sha256, and for every model that `tf.loadLayersModel` and core's plain-TypeScript forward pass
 * both reproduce the recorded next-month forecast from `latestWindow`.
 *
 * @param latestWindow the last `windowLength` months of the data, in points
 * @param tolerance relative tolerance between engines (training may have run on another backend)
 * @returns the parsed manifest
 * @throws {RegistryVerificationError} naming the first mismatch
 */
export async function verifyRegistry(
  dir: string,
  latestWindow: readonly number[],
  tolerance = 1e-4,
): Promise<Manifest> {
  const fail = (message: string): never => {
    throw new RegistryVerificationError(`${dir}: ${message}`);
  };
  let manifest: Manifest;
  try {
    manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  } catch (error) {
    if (!(error instanceof RegistryFormatError || error instanceof SyntaxError)) throw error;
    return fail(error.message);
  }
  for (const [file, hash] of Object.entries(manifest.files)) {
    if (sha256(await readFile(join(dir, file))) !== hash) fail(`${file} does not match its sha256`);
  }
  for (const entry of manifest.models) {
    const jsonBytes = await readFile(join(dir, entry.files.modelJson));
    const weightsBin = await readFile(join(dir, entry.files.weights));
    if (sha256(jsonBytes) !== entry.files.modelJsonSha256) fail(`${entry.id}: model.json sha256`);
    if (sha256(weightsBin) !== entry.files.weightsSha256) fail(`${entry.id}: weights sha256`);

    const scaled = scalerFromParams(entry.scaler).scaleWindow(latestWindow);
    const modelJson = JSON.parse(jsonBytes.toString('utf8')) as LayersArtifacts['modelJson'];
    const model = await loadLayersArtifacts(modelJson, weightsBin);
    try {
      const viaTfjs = tf.tidy(() =>
        (model.predict(tf.tensor3d(scaled, [1, scaled.length, 1])) as tf.Tensor).dataSync(),
      )[0] as number;
      const weights = weightsFromList(
        entry.spec,
        model
          .getWeights()
          .map((w) => ({ shape: [...w.shape], values: w.dataSync() as Float32Array })),
      );
      const viaCore = modelForward(entry.spec, weights, scaled);
      if (!close(viaCore, viaTfjs, 1e-5)) {
        fail(`${entry.id}: core forward ${viaCore} differs from tfjs ${viaTfjs}`);
      }
      if (!close(viaTfjs, entry.forecast.scaledValue, tolerance)) {
        fail(
          `${entry.id}: reloaded forecast ${viaTfjs} differs from recorded ${entry.forecast.scaledValue}`,
        );
      }
    } finally {
      model.dispose();
    }
  }
  return manifest;
}
