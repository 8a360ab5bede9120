/**
 * SimpleRNN (Elman, activation tanh) layer as one fused forward pass with a hand-written
 * backpropagation through time, both in tfjs ops.
 *
 * Model:   h_t = tanh(a_t),   a_t = x_t W + h_{t−1} U + b      (h_{−1} = 0)
 *
 * Only sigmoids are evaluated (on the wasm backend `tanh` is several times slower than `σ`): with
 * S_t = σ(2a_t), h_t = 2S_t − 1, and the recurrence is carried in S instead of h, the affine map
 * folded into the weights (once per training step):
 *
 *     2a_0 = [x_0, 1] · [2W; 2b]
 *     2a_t = [x_t, 1] · [2W; 2b − 2·1ᵀU] + S_{t−1} · 4U                  (t ≥ 1)
 *
 * so a step is two matMuls, an add and a sigmoid; h_t = 2S_t − 1 is formed only where it is
 * output. (Without a ones column in the input, the bias row is added instead.)
 *
 * Backward (BPTT), from dh_t = ∂L/∂h_t arriving from above plus from step t + 1, with
 * ∂h_t/∂a_t = 1 − h_t² = 4 S_t (1 − S_t) and dÂ_t := ∂L/∂a_t / 4:
 *
 *     dÂ_t = dh_t ⊙ S_t ⊙ (1 − S_t)
 *     dh_{t−1} (recurrent part) = dÂ_t (4U)ᵀ,     dx_t = dÂ_t (4W)ᵀ
 *
 * and, after the loop, in one matMul over all steps (see `sequence.ts`), with S_{−1} := ½ (so
 * that h_{−1} = 2S_{−1} − 1 = 0):  [G_S; G_x; g_1] = [S_prevᵀ; Xᵀ; 1ᵀ] · dÂ_all, and since
 * h_{t−1} = 2S_{t−1} − 1,
 *
 *     dU = Σ_t h_{t−1}ᵀ 4dÂ_t = 8 G_S − 4 · 1 g_1,    dW = 4 G_x,    db = 4 g_1.
 */
import * as tf from '@tensorflow/tfjs';
import * as op from './ops.js';
import {
  type FusedContext,
  gradientLeftFactor,
  inputTransposed,
  type RecurrentForward,
  type RecurrentTensors,
  type SequenceInput,
  sequenceShape,
  splitWeightGradient,
} from './sequence.js';

type T2 = tf.Tensor2D;

/** Runs a SimpleRNN layer over a sequence; when `ctx.stash` is set, also returns its backward. */
export function simpleRnnLayerForward(
  weights: RecurrentTensors,
  input: SequenceInput,
  ctx: FusedContext,
  returnSequences: boolean,
): RecurrentForward {
  const { consts, stash } = ctx;
  const units = weights.recurrentKernel.shape[0];
  const inputWidth = weights.kernel.shape[0];
  const { steps, batch } = sequenceShape(input);
  const one = consts.scalar(1);
  const two = consts.scalar(2);
  const four = consts.scalar(4);
  const u4 = op.mul(weights.recurrentKernel, four);
  const bias = tf.reshape(weights.bias, [1, units]) as T2;
  // 2b − 2·1ᵀU: the bias once the recurrence carries S = (h + 1)/2 instead of h.
  const foldedBias = op.sub(bias, op.matMul(consts.ones(1, units), weights.recurrentKernel));
  const first = input.withOnes
    ? { kernel: op.mul(op.concat([weights.kernel, bias], 0), two), bias: null }
    : { kernel: op.mul(weights.kernel, two), bias: op.mul(bias, two) };
  const rest = input.withOnes
    ? { kernel: op.mul(op.concat([weights.kernel, foldedBias], 0), two), bias: null }
    : { kernel: first.kernel, bias: op.mul(foldedBias, two) };
  const keep = <T extends tf.Tensor>(t: T): T => (stash === null ? t : stash.keep(t));

  const states: T2[] = [];
  const slopes: T2[] = [];
  const outputs: T2[] = [];
  let s: T2 | null = null;
  for (let t = 0; t < steps; t++) {
    const x = input.steps[t] as T2;
    const projection = t === 0 ? first : rest;
    let a = op.matMul(x, projection.kernel);
    if (projection.bias !== null) a = op.add(a, projection.bias);
    if (s !== null) a = op.add(op.matMul(s, u4), a);
    const sNext = op.sigmoid(a);
    if (returnSequences || t === steps - 1) outputs.push(op.sub(op.mul(sNext, two), one));
    if (stash !== null) {
      slopes.push(keep(op.mul(sNext, op.sub(one, sNext))));
      keep(sNext);
    }
    states.push(sNext);
    s = sNext;
  }
  if (stash === null) return { outputs, backward: null };
  for (const o of outputs) keep(o);
  keep(u4);
  keep(weights.kernel);

  const backward = (dOutputs: (T2 | null)[], inputGradients: boolean) => {
    const u4T = op.transpose(u4);
    const w4T = inputGradients ? op.transpose(op.mul(weights.kernel, four)) : null;
    const das: T2[] = new Array(steps);
    const dxs: T2[] | null = inputGradients ? new Array(steps) : null;
    const offset = steps - dOutputs.length;
    let dhRecurrent: T2 | null = null;
    for (let t = steps - 1; t >= 0; t--) {
      const dOut = dOutputs[t - offset] ?? null;
      const dh =
        dOut === null
          ? (dhRecurrent ?? consts.zeros(batch, units))
          : dhRecurrent === null
            ? dOut
            : op.add(dOut, dhRecurrent);
      const da = op.mul(dh, slopes[t] as T2);
      das[t] = da;
      if (dxs !== null && w4T !== null) dxs[t] = op.matMul(da, w4T);
      if (t > 0) dhRecurrent = op.matMul(da, u4T);
    }
    const left = gradientLeftFactor(
      [consts.filled(batch, units, 0.5), ...states.slice(0, steps - 1)],
      inputTransposed(input),
      input.withOnes,
      consts,
    );
    const g = splitWeightGradient(
      op.mul(op.matMul(left, op.concat(das, 0)), four),
      units,
      inputWidth,
    );
    const g1 = tf.reshape(g.bias, [1, units]) as T2;
    return {
      kernel: g.kernel,
      recurrentKernel: op.sub(op.mul(g.recurrentKernel, two), g1),
      bias: g.bias,
      inputs: dxs,
    };
  };
  return { outputs, backward };
}
