import { type ModelSpec, type WeightArray, weightSlots } from '@gatecast/core';
import { z } from 'zod';

/** Raised when a model's `model.json` or `weights.bin` does not match its spec. */
export class WeightsFormatError extends Error {
  override readonly name = 'WeightsFormatError';
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

/**
 * Splits a tfjs-layers `weights.bin` into the model's weight arrays, in `getWeights()` order, using
 * the `weightsManifest` of its `model.json`, and checks every entry against the spec: name
 * (`rnn_0/kernel`, …), shape (core's `weightSlots`), dtype float32, and that the file holds exactly
 * the bytes the manifest describes.
 *
 * @param modelJsonText - `model.json` as text (tfjs `layers-model` format).
 * @param weightsBin - `weights.bin`: float32 little-endian values, concatenated in manifest order.
 * @returns one `WeightArray` per slot; values are copies, not views of `weightsBin`.
 * @throws {WeightsFormatError} naming the first mismatch.
 */
export function decodeWeights(
  spec: ModelSpec,
  modelJsonText: string,
  weightsBin: ArrayBuffer,
): WeightArray[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(modelJsonText);
  } catch {
    throw new WeightsFormatError('model.json is not valid JSON');
  }
  const modelJson = modelJsonSchema.safeParse(parsed);
  if (!modelJson.success) {
    throw new WeightsFormatError('model.json is not a tfjs layers-model with one weights group');
  }
  const entries = modelJson.data.weightsManifest[0]?.weights ?? [];
  const slots = weightSlots(spec);
  if (entries.length !== slots.length) {
    throw new WeightsFormatError(
      `model.json lists ${entries.length} weights, the spec needs ${slots.length}`,
    );
  }
  const arrays: WeightArray[] = [];
  let offset = 0;
  slots.forEach((slot, i) => {
    const entry = entries[i] as (typeof entries)[number];
    const expectedName = `${slot.layer}/${TFJS_ROLE[slot.role]}`;
    if (entry.name !== expectedName) {
      throw new WeightsFormatError(`weight ${i} is '${entry.name}', expected '${expectedName}'`);
    }
    const sameShape =
      entry.shape.length === slot.shape.length && entry.shape.every((d, k) => d === slot.shape[k]);
    if (!sameShape) {
      throw new WeightsFormatError(
        `weight ${entry.name} has shape [${entry.shape}], expected [${slot.shape}]`,
      );
    }
    const size = slot.shape.reduce((a, b) => a * b, 1);
    const end = offset + 4 * size;
    if (end > weightsBin.byteLength) {
      throw new WeightsFormatError(
        `weights.bin has ${weightsBin.byteLength} bytes, too few for ${entry.name}`,
      );
    }
    arrays.push({
      shape: [...slot.shape],
      values: new Float32Array(weightsBin.slice(offset, end)),
    });
    offset = end;
  });
  if (offset !== weightsBin.byteLength) {
    throw new WeightsFormatError(
      `weights.bin has ${weightsBin.byteLength} bytes, model.json describes ${offset}`,
    );
  }
  return arrays;
}
