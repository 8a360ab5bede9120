/**
 * A model's tfjs-layers artifacts (`model.json` + `weights.bin`) read back into weight arrays, in
 * plain TypeScript: what the trainer writes with `tf.io.withSaveHandler`, checked against the spec.
 */
import { z } from 'zod';
import type { ModelSpec, WeightArray } from '../../model/modelSpec.js';
import { weightSlots } from '../../model/weightShapes.js';

/** Raised when a model's files do not fit its spec; the message is safe to show to clients. */
export class ModelFilesError extends Error {
  override readonly name = 'ModelFilesError';
}

const weightsManifestSchema = z.array(
  z.object({
    paths: z.array(z.string()).length(1),
    weights: z.array(
      z.object({
        name: z.string(),
        shape: z.array(z.number().int().nonnegative()),
        dtype: z.literal('float32'),
      }),
    ),
  }),
);

const modelJsonSchema = z.looseObject({
  format: z.literal('layers-model'),
  weightsManifest: weightsManifestSchema.length(1),
});

/** tfjs-layers' weight names use snake case for the recurrent kernel. */
const TFJS_ROLE = { kernel: 'kernel', recurrentKernel: 'recurrent_kernel', bias: 'bias' } as const;

/** A view of any binary contents (ArrayBuffer, Node Buffer, typed array) as bytes. */
export function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Splits a tfjs-layers `weights.bin` into the model's weight arrays, in `getWeights()` order, using
 * the `weightsManifest` of its `model.json`, and checks every entry against the spec: the file is a
 * `layers-model` with one weights group; each entry's name (`rnn_0/kernel`, …), shape (core's
 * `weightSlots`) and dtype (float32); that the file holds exactly the bytes the manifest describes;
 * and that every value is finite.
 *
 * @param modelJsonText `model.json` as text (tfjs `layers-model` format)
 * @param weightsBin `weights.bin`: float32 little-endian values, concatenated in manifest order
 * @returns one `WeightArray` per slot; values are copies, not views of `weightsBin`
 * @throws {ModelFilesError} naming the first mismatch
 */
export function decodeLayersWeights(
  spec: ModelSpec,
  modelJsonText: string,
  weightsBin: ArrayBuffer | ArrayBufferView,
): WeightArray[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(modelJsonText);
  } catch {
    throw new ModelFilesError('model.json is not valid JSON');
  }
  const modelJson = modelJsonSchema.safeParse(parsed);
  if (!modelJson.success) {
    throw new ModelFilesError('model.json is not a tfjs layers-model with one weights group');
  }
  const entries = modelJson.data.weightsManifest[0]?.weights ?? [];
  const slots = weightSlots(spec);
  if (entries.length !== slots.length) {
    throw new ModelFilesError(
      `model.json lists ${entries.length} weights, the spec needs ${slots.length}`,
    );
  }
  const bytes = asBytes(weightsBin);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays: WeightArray[] = [];
  let offset = 0;
  slots.forEach((slot, i) => {
    const entry = entries[i] as (typeof entries)[number];
    const expectedName = `${slot.layer}/${TFJS_ROLE[slot.role]}`;
    if (entry.name !== expectedName) {
      throw new ModelFilesError(`weight ${i} is '${entry.name}', expected '${expectedName}'`);
    }
    const sameShape =
      entry.shape.length === slot.shape.length && entry.shape.every((d, k) => d === slot.shape[k]);
    if (!sameShape) {
      throw new ModelFilesError(
        `weight ${entry.name} has shape [${entry.shape}], expected [${slot.shape}]`,
      );
    }
    const size = slot.shape.reduce((a, b) => a * b, 1);
    if (offset + 4 * size > bytes.byteLength) {
      throw new ModelFilesError(
        `weights.bin has ${bytes.byteLength} bytes, too few for ${entry.name}`,
      );
    }
    const values = new Float32Array(size);
    for (let k = 0; k < size; k++) {
      const value = view.getFloat32(offset + 4 * k, true);
      if (!Number.isFinite(value)) {
        throw new ModelFilesError(
          `weight ${entry.name} holds ${value} at index ${k}: every weight must be finite`,
        );
      }
      values[k] = value;
    }
    arrays.push({ shape: [...slot.shape], values });
    offset += 4 * size;
  });
  if (offset !== bytes.byteLength) {
    throw new ModelFilesError(
      `weights.bin has ${bytes.byteLength} bytes, model.json describes ${offset}`,
    );
  }
  return arrays;
}
