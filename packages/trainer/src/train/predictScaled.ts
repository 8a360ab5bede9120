import * as tf from '@tensorflow/tfjs';
import type { ProtocolData } from '../data/prepareData.js';
import type { TrainRunResult } from './runTypes.js';

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

/**
 * What every training loop reports of a trained model: its predictions on the validation and test
 * windows and for the month after the data, in the scaled space, from tfjs-layers' `predict`.
 */
export function trainedPredictions(
  model: tf.LayersModel,
  data: ProtocolData,
): Pick<TrainRunResult, 'validationPredictions' | 'testPredictions' | 'latestPrediction'> {
  const length = data.windowLength;
  const { validation, test } = data;
  return {
    validationPredictions: predictScaled(model, validation.inputs, validation.count, length),
    testPredictions: predictScaled(model, test.inputs, test.count, length),
    latestPrediction: predictScaled(model, data.latest, 1, length)[0] as number,
  };
}
