import * as tf from '@tensorflow/tfjs';

/**
 * Runs a trained model over windows already in the protocol's scaled space.
 *
 * @param inputs `[count · length]` row-major, shape `[count, length, 1]`
 * @returns `[count]` scaled predictions
 */
export function predictScaled(
  model: tf.LayersModel,
  inputs: Float32Array,
  count: number,
  length: number,
): Float32Array {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor3d(inputs, [count, length, 1])) as tf.Tensor;
    return output.dataSync() as Float32Array;
  });
}
