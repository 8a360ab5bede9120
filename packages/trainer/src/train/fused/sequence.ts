/**
 * Shared types and helpers of the fused recurrent layers.
 *
 * A sequence is a time-major list of `T` tensors `[B, width]` (one per step), so a layer never
 * slices a time step out of a stacked tensor (on the wasm backend `slice` copies its whole input).
 *
 * Weight gradients are accumulated over all steps in one matMul after the BPTT loop. With `dA_t`
 * `[B, k·u]` the gradient of the loss with respect to a layer's fused gate pre-activations at step
 * `t`, `h_{t−1}` its state (`h_{−1} = 0`) and `x_t` its input:
 *
 *     dU = Σ_t h_{t−1}ᵀ dA_t,   dW = Σ_t x_tᵀ dA_t,   db = Σ_t 1ᵀ dA_t
 *
 * i.e. `[dU; dW; db] = [H_prevᵀ; Xᵀ; 1ᵀ] · dA_all`, where `dA_all = [dA_0; …; dA_{T−1}]` is
 * `[T·B, k·u]` and `H_prevᵀ`, `Xᵀ` are the states and inputs stacked the same way, transposed
 * (row `r = t·B + b` of the stack is window `b` at step `t`).
 */
import * as tf from '@tensorflow/tfjs';
import * as op from './ops.js';
import type { ConstantCache, TensorStash } from './tensorStore.js';

/** A layer's input sequence. */
export interface SequenceInput {
  /** `T` tensors `[B, width]`, one per time step. */
  steps: tf.Tensor2D[];
  /**
   * The last column of every step is 1 (`width = n + 1`): the bias is then folded into the input
   * projection, `[x_t, 1] · [W; b]`, instead of being added at every step.
   */
  withOnes: boolean;
  /** `[width, T·B]`: the steps stacked along rows and transposed, when already at hand. */
  stackedT?: tf.Tensor2D;
}

/** A recurrent layer's weights in the tfjs/Keras layout (`k` gate blocks). */
export interface RecurrentTensors {
  /** `[n, k·u]` */
  kernel: tf.Tensor2D;
  /** `[u, k·u]` */
  recurrentKernel: tf.Tensor2D;
  /** `[k·u]` */
  bias: tf.Tensor1D;
}

/** Gradients of the loss with respect to a recurrent layer's weights (and, if asked, its input). */
export interface RecurrentGradients extends RecurrentTensors {
  /** `T` tensors `[B, n]`: gradients with respect to the input steps, when requested. */
  inputs: tf.Tensor2D[] | null;
}

/** Where a forward pass runs: constants, and whether (and where) to keep tensors for backward. */
export interface FusedContext {
  consts: ConstantCache;
  /** `null` for inference: nothing is kept and no backward is returned. */
  stash: TensorStash | null;
}

/**
 * A recurrent layer's forward result: its output(s) and, when trained, the BPTT backward.
 */
export interface RecurrentForward {
  /**
   * `[B, u]` outputs: `h_0 … h_{T−1}` (`T` tensors) when the layer returns sequences, else the
   * last state `h_{T−1}` alone.
   */
  outputs: tf.Tensor2D[];
  /**
   * Backpropagates `dOutputs` (aligned with `outputs`; `null` where no gradient arrives from
   * above) through time. Must be called at most once, inside a `tidy`.
   */
  backward:
    | ((dOutputs: (tf.Tensor2D | null)[], inputGradients: boolean) => RecurrentGradients)
    | null;
}

/** A cell's forward pass (its backward is returned by the forward). */
export type RecurrentLayerForward = (
  weights: RecurrentTensors,
  input: SequenceInput,
  ctx: FusedContext,
  returnSequences: boolean,
) => RecurrentForward;

/** Number of time steps and windows of a sequence. */
export function sequenceShape(input: SequenceInput): { steps: number; batch: number } {
  const first = input.steps[0];
  if (first === undefined) throw new Error('fused recurrent layer: empty input sequence');
  return { steps: input.steps.length, batch: first.shape[0] };
}

/**
 * The input projection's weights: `[W; b]` (`[n + 1, k·u]`) and no separate bias when the input
 * carries a ones column, else `W` and `b`. Each is multiplied by `scale` (a `[k·u]` row) if given.
 */
export function inputProjection(
  weights: RecurrentTensors,
  withOnes: boolean,
  scale: tf.Tensor1D | null,
): { kernel: tf.Tensor2D; bias: tf.Tensor1D | null } {
  const scaled = <T extends tf.Tensor>(t: T): T => (scale === null ? t : tf.mul(t, scale));
  if (withOnes) {
    const width = weights.bias.shape[0];
    const stacked = op.concat([weights.kernel, tf.reshape(weights.bias, [1, width])], 0);
    return { kernel: scaled(stacked), bias: null };
  }
  return { kernel: scaled(weights.kernel), bias: scaled(weights.bias) };
}

/** `x_t · kernel (+ bias)`: one step's input projection. */
export function projectStep(
  x: tf.Tensor2D,
  projection: { kernel: tf.Tensor2D; bias: tf.Tensor1D | null },
): tf.Tensor2D {
  const p = op.matMul(x, projection.kernel);
  return projection.bias === null ? p : op.add(p, projection.bias);
}

/** `[Σ rows, T·B]`: the steps stacked along rows (`[T·B, width]`) and transposed. */
export function stackTransposed(steps: tf.Tensor2D[]): tf.Tensor2D {
  return op.transpose(op.concat(steps, 0));
}

/**
 * `[H_prevᵀ; Xᵀ; 1ᵀ]`, `[u + n + 1, T·B]`: the left factor of the weight-gradient matMul.
 * `previous` are the `T` states `h_{t−1}` the step products used (the zero state first, or, for the
 * GRU candidate, `r_t ⊙ h_{t−1}`).
 */
export function gradientLeftFactor(
  previous: tf.Tensor2D[],
  inputT: tf.Tensor2D,
  withOnes: boolean,
  consts: ConstantCache,
): tf.Tensor2D {
  const parts = [stackTransposed(previous), inputT];
  if (!withOnes) parts.push(consts.ones(1, inputT.shape[1]));
  return op.concat(parts, 0);
}

/** The input stacked and transposed, `[width, T·B]` (taken from the input when it has it). */
export function inputTransposed(input: SequenceInput): tf.Tensor2D {
  return input.stackedT ?? stackTransposed(input.steps);
}

/**
 * Splits `[dU; dW; db]` (`[u + n + 1, k·u]`) into the three weight gradients in tfjs' shapes.
 */
export function splitWeightGradient(
  g: tf.Tensor2D,
  units: number,
  inputWidth: number,
): RecurrentTensors {
  const width = g.shape[1];
  return {
    recurrentKernel: op.rows(g, 0, units),
    kernel: op.rows(g, units, inputWidth),
    bias: tf.reshape(op.rows(g, units + inputWidth, 1), [width]),
  };
}
