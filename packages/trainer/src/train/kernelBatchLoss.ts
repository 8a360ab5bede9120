/**
 * The fused loop's loss on gatecast's WebAssembly kernels (`@gatecast/kernels`): the whole network
 * — recurrent layers forward with a tape and backward through time, dense head, and the loss (mean
 * squared error, or for a gaussian spec the Gaussian negative log-likelihood of its `[μ, ρ]` head,
 * the same function as `fused/gaussianNll.ts`) — runs in the kernels, inside one `tf.customGrad`
 * op of the flat parameter vector, so tfjs' adam (`optimizer.minimize`) updates the parameters
 * exactly as with `fused/fusedNetwork.ts`'s tfjs-op network. Per batch tfjs sees one op forward
 * and one backward, instead of ~400 kernels.
 */
import type { ModelSpec } from '@gatecast/core';
import { createTrainingNetwork, type TrainingNetwork } from '@gatecast/kernels';
import { loadKernels } from '@gatecast/kernels/node';
import * as tf from '@tensorflow/tfjs';
import type { ScaledPart } from '../data/prepareData.js';

/** A model's training network on a fresh kernels instance (its own memory). */
export function kernelTrainingNetwork(spec: ModelSpec, maxBatch: number): TrainingNetwork {
  return createTrainingNetwork(loadKernels(), spec, { maxBatch });
}

/** Windows `indices` of `part`: `[B · windowLength]` inputs and `[B]` targets, in that order. */
export function gatherBatch(
  part: ScaledPart,
  windowLength: number,
  indices: ArrayLike<number>,
): { inputs: Float32Array; targets: Float32Array; count: number } {
  const count = indices.length;
  const inputs = new Float32Array(count * windowLength);
  const targets = new Float32Array(count);
  for (let b = 0; b < count; b++) {
    const i = indices[b] as number;
    inputs.set(part.inputs.subarray(i * windowLength, (i + 1) * windowLength), b * windowLength);
    targets[b] = part.targets[i] as number;
  }
  return { inputs, targets, count };
}

/**
 * The loss of one batch (mse, or the Gaussian NLL for a gaussian spec) as a function of the flat
 * parameters (`[parameterCount]`, tfjs `getWeights()` order), as a `tf.customGrad` op: its value
 * is the loss (a scalar on tfjs' tape), its gradient the kernels' backward scaled by the incoming
 * gradient.
 */
export function kernelBatchLoss(
  network: TrainingNetwork,
  batch: { inputs: Float32Array; targets: Float32Array; count: number },
): (parameters: tf.Tensor1D) => tf.Scalar {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const parameters = args[0] as tf.Tensor1D;
    const { loss, gradient } = network.lossAndGradient(
      parameters.dataSync(),
      batch.inputs,
      batch.targets,
      batch.count,
    );
    return {
      value: tf.scalar(loss, 'float32'),
      gradFunc: (dy: tf.Scalar) => tf.mul(tf.tensor1d(gradient, 'float32'), dy),
    };
  }) as (parameters: tf.Tensor1D) => tf.Scalar;
}
