/**
 * Mini-batches for the fused training loop, built directly in the layout the fused layers use:
 * time-major step tensors `[B, 2]` = `[x_t, 1]` (the ones column carries the first layer's bias),
 * the same inputs stacked and transposed `[2, T·B]` for the weight gradients, and `[B, 1]` targets.
 *
 * The epoch order follows tfjs-layers' `fit(shuffle: true)`: one index array, shuffled in place at
 * the start of every epoch with tfjs' Fisher–Yates (`tf.util.shuffle`), cut into batches of
 * `batchSize` with a last partial batch. Here the random source is an explicit seeded generator.
 */
import * as tf from '@tensorflow/tfjs';
import type { ScaledPart } from '../../data/prepareData.js';
import type { SequenceInput } from './sequence.js';

/**
 * Shuffles `array` in place exactly as `tf.util.shuffle` does, drawing from `random` (uniform in
 * [0, 1)) instead of `Math.random`.
 */
export function shuffleInPlace(array: number[], random: () => number): void {
  let counter = array.length;
  while (counter > 0) {
    const index = (random() * counter) | 0;
    counter--;
    const held = array[counter] as number;
    array[counter] = array[index] as number;
    array[index] = held;
  }
}

/** `[start, end)` ranges of consecutive batches over `count` items (the last may be shorter). */
export function batchRanges(count: number, batchSize: number): [number, number][] {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const ranges: [number, number][] = [];
  for (let start = 0; start < count; start += batchSize) {
    ranges.push([start, Math.min(start + batchSize, count)]);
  }
  return ranges;
}

/** One batch's tensors; dispose after the training step. */
export interface FusedBatch {
  input: SequenceInput;
  /** `[B, 1]` */
  targets: tf.Tensor2D;
  dispose(): void;
}

/**
 * The step tensors of windows `indices` of a one-feature part (`inputs` is `[count · T]`):
 * `T` tensors `[B, 2]` = `[x_t, 1]` and their stack transposed, `[2, T·B]`.
 */
export function sequenceOf(
  inputs: Float32Array,
  windowLength: number,
  indices: ArrayLike<number>,
): SequenceInput {
  const batch = indices.length;
  const steps: tf.Tensor2D[] = [];
  const stacked = new Float32Array(2 * windowLength * batch);
  stacked.fill(1, windowLength * batch);
  for (let t = 0; t < windowLength; t++) {
    const values = new Float32Array(2 * batch);
    for (let b = 0; b < batch; b++) {
      const x = inputs[(indices[b] as number) * windowLength + t] as number;
      values[2 * b] = x;
      values[2 * b + 1] = 1;
      stacked[t * batch + b] = x;
    }
    steps.push(tf.tensor2d(values, [batch, 2], 'float32'));
  }
  return {
    steps,
    withOnes: true,
    stackedT: tf.tensor2d(stacked, [2, windowLength * batch], 'float32'),
  };
}

/** Builds the batch of windows `indices` of `part`. */
export function makeBatch(
  part: ScaledPart,
  windowLength: number,
  indices: ArrayLike<number>,
): FusedBatch {
  const input = sequenceOf(part.inputs, windowLength, indices);
  const targets = new Float32Array(indices.length);
  for (let b = 0; b < indices.length; b++)
    targets[b] = part.targets[indices[b] as number] as number;
  const targetTensor = tf.tensor2d(targets, [indices.length, 1], 'float32');
  return {
    input,
    targets: targetTensor,
    dispose() {
      disposeSequence(input);
      targetTensor.dispose();
    },
  };
}

/** Disposes a sequence built by {@link sequenceOf}. */
export function disposeSequence(input: SequenceInput): void {
  for (const t of input.steps) t.dispose();
  input.stackedT?.dispose();
}
