import { type ModelSpec, outputCount } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { ProtocolData } from '../data/prepareData.js';
import type { TrainRunResult } from './runTypes.js';

/**
 * Runs a trained model over windows already in the protocol's scaled space.
 *
 * @param inputs `[count · length]` row-major, shape `[count, length, 1]`
 * @returns `[count · outputs]` scaled outputs, row-major (`[count]` for a point model,
 *   `[μ₀, ρ₀, μ₁, ρ₁, …]` for a gaussian one)
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

/** Output `k` of every window of a `[count · outputs]` row-major array. */
function column(values: Float32Array, outputs: number, k: number): Float32Array {
  if (outputs === 1) return values;
  const out = new Float32Array(values.length / outputs);
  for (let i = 0; i < out.length; i++) out[i] = values[i * outputs + k] as number;
  return out;
}

/**
 * What every training loop reports of a trained model: its predictions on the validation and test
 * windows and for the month after the data, in the scaled space, from tfjs-layers' `predict` —
 * the forecasts of a point spec; the locations μ of a gaussian one, with their log-scales ρ in
 * `logScales`.
 */
export function trainedPredictions(
  model: tf.LayersModel,
  spec: ModelSpec,
  data: ProtocolData,
): Pick<
  TrainRunResult,
  'validationPredictions' | 'testPredictions' | 'latestPrediction' | 'logScales'
> {
  const length = data.windowLength;
  const outputs = outputCount(spec);
  const { validation, test } = data;
  const validationOutputs = predictScaled(model, validation.inputs, validation.count, length);
  const testOutputs = predictScaled(model, test.inputs, test.count, length);
  const latestOutputs = predictScaled(model, data.latest, 1, length);
  const predictions = {
    validationPredictions: column(validationOutputs, outputs, 0),
    testPredictions: column(testOutputs, outputs, 0),
    latestPrediction: latestOutputs[0] as number,
  };
  if (outputs === 1) return predictions;
  return {
    ...predictions,
    logScales: {
      validation: column(validationOutputs, outputs, 1),
      test: column(testOutputs, outputs, 1),
      latest: latestOutputs[1] as number,
    },
  };
}
