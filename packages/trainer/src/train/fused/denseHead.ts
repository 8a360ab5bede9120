/**
 * The dense head and the mean-squared-error loss, with a hand-written backward in tfjs ops.
 *
 * Forward, for layers j = 0 … L−1 with input a_0 = h_{T−1} (the last recurrent state):
 *
 *     z_j = a_j K_j + b_j,     a_{j+1} = relu(z_j) or z_j (linear)
 *     ŷ = a_L  ([B, m], m the last layer's units),   L = mean_b (ŷ_b − y_b)²  (m = 1)
 *
 * Backward, with the incoming scalar gradient dL (1 when L is the objective), and dŷ from the
 * loss (here the mse's; a gaussian head's `[μ, ρ]` gets its own from `gaussianNll.ts`):
 *
 *     dŷ = dL · (2 / B) · (ŷ − y)
 *     dz_j = da_{j+1} ⊙ 1[z_j > 0]   (relu; = da_{j+1} for linear)
 *     dK_j = a_jᵀ dz_j,   db_j = Σ_b dz_j,   da_j = dz_j K_jᵀ
 *
 * Transposes are explicit (`transpose` then a plain matMul): on the wasm backend a matMul with a
 * transposed operand is several times slower than the transpose and the plain product together.
 */
import type { DenseActivation } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import * as op from './ops.js';
import type { ConstantCache, TensorStash } from './tensorStore.js';

/** One dense layer's weights: kernel `[in, units]`, bias `[units]`. */
export interface DenseTensors {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** The head's forward result; `backward` is set when trained. */
export interface DenseForward {
  /** `[B, m]` outputs (m the last layer's units: 1 for a point head, 2 for a gaussian one). */
  output: tf.Tensor2D;
  backward: ((dOutput: tf.Tensor2D) => { layers: DenseTensors[]; input: tf.Tensor2D }) | null;
}

/** Runs the head on `input` (`[B, in]`); with a stash, keeps what the backward needs. */
export function denseHeadForward(
  layers: readonly DenseTensors[],
  activations: readonly DenseActivation[],
  input: tf.Tensor2D,
  stash: TensorStash | null,
): DenseForward {
  const keep = <T extends tf.Tensor>(t: T): T => (stash === null ? t : stash.keep(t));
  const inputs: tf.Tensor2D[] = [];
  const masks: (tf.Tensor2D | null)[] = [];
  let a = input;
  layers.forEach((layer, j) => {
    inputs.push(j === 0 ? a : keep(a));
    const z = op.add(op.matMul(a, layer.kernel), layer.bias);
    if (activations[j] === 'relu') {
      masks.push(stash === null ? null : keep(op.step(z)));
      a = op.relu(z);
    } else {
      masks.push(null);
      a = z;
    }
  });
  if (stash === null) return { output: a, backward: null };
  const backward = (dOutput: tf.Tensor2D) => {
    const grads: DenseTensors[] = new Array(layers.length);
    let g = dOutput;
    for (let j = layers.length - 1; j >= 0; j--) {
      const mask = masks[j];
      const dz = mask === null || mask === undefined ? g : op.mul(g, mask);
      const layer = layers[j] as DenseTensors;
      grads[j] = {
        kernel: op.matMul(op.transpose(inputs[j] as tf.Tensor2D), dz),
        bias: tf.sum(dz, 0),
      };
      g = op.matMul(dz, op.transpose(layer.kernel));
    }
    return { layers: grads, input: g };
  };
  return { output: a, backward };
}

/**
 * Mean squared error of `[B, 1]` predictions against `[B, 1]` targets, and its gradient
 * `dL · (2 / B) · (ŷ − y)` for an incoming scalar gradient `dL`.
 */
export function meanSquaredError(
  predictions: tf.Tensor2D,
  targets: tf.Tensor2D,
  consts: ConstantCache,
  stash: TensorStash | null,
): { loss: tf.Scalar; gradient: ((dLoss: tf.Scalar) => tf.Tensor2D) | null } {
  const diff = op.sub(predictions, targets);
  const loss: tf.Scalar = tf.mean(op.square(diff));
  if (stash === null) return { loss, gradient: null };
  stash.keep(diff);
  const factor = consts.scalar(2 / predictions.shape[0]);
  return { loss, gradient: (dLoss) => op.mul(diff, tf.mul(dLoss, factor)) };
}
