/**
 * LSTM layer (tfjs-layers' `LSTMCell`, recurrent activation σ) as one fused forward pass with a
 * hand-written backpropagation through time, both in tfjs ops.
 *
 * Forward, for input x_t, gate order i, f, c, o (blocks of the fused `[·, 4u]` matrices):
 *
 *     a_t = x_t W + h_{t−1} U + b                  (pre-activations, [B, 4u])
 *     i = σ(a_i),  f = σ(a_f),  g = tanh(a_c),  o = σ(a_o)
 *     c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)       (h_{−1} = c_{−1} = 0)
 *
 * Only sigmoids are evaluated (on the wasm backend `tanh` is several times slower than `σ`), using
 * tanh(a) = 2σ(2a) − 1. One sigmoid serves all four gates: with the per-gate row
 * s = [1, 1, 2, 1] (block-wise), W' = W ⊙ s, U' = U ⊙ s, b' = b ⊙ s (column scaling, once per
 * training step), the scaled pre-activation a' = s ⊙ a gives S = σ(a'), and
 *
 *     G = [i, f, g̃, õ] = s_G ⊙ S + δ,   s_G = [1, 1, 4, 2],  δ = [0, 0, −2, 0]
 *
 * holds i, f, g̃ = 2g and õ = 2o, with ∂G/∂a' = s_G ⊙ S ⊙ (1 − S) =: D. The cell is carried
 * doubled, c̃ = 2c, so that tanh c = 2σ(c̃) − 1 needs one sigmoid:
 *
 *     c̃_t = f ⊙ c̃_{t−1} + i ⊙ g̃,   q_t = σ(c̃_t),   r_t = q_t − ½,   h_t = õ ⊙ r_t (= o ⊙ tanh c_t)
 *
 * Backward (BPTT), from dh_t = ∂L/∂h_t arriving from above plus from step t + 1:
 *
 *     dc̃_t  = dh_t ⊙ õ ⊙ q_t ⊙ (1 − q_t) + dc̃_{t+1} ⊙ f_{t+1}
 *     dG_t  = [dc̃_t ⊙ g̃, dc̃_t ⊙ c̃_{t−1}, dc̃_t ⊙ i, dh_t ⊙ r_t]
 *     da'_t = dG_t ⊙ D_t = [dc̃_t, dc̃_t, dc̃_t, dh_t] ⊙ M_t,   M_t = [g̃, c̃_{t−1}, i, r_t] ⊙ D_t
 *     dh_{t−1} (recurrent part) = da'_t U'ᵀ,    dx_t = da'_t W'ᵀ
 *
 * and, after the loop, in one matMul (see `sequence.ts`), scaled back column-wise because
 * a' = s ⊙ a:  [dU; dW; db] = ([H_prevᵀ; Xᵀ; 1ᵀ] · da'_all) ⊙ s.
 * `M_t` and `õ ⊙ q_t ⊙ (1 − q_t)` are formed in the forward pass, so a backward step is six ops.
 */
import type * as tf from '@tensorflow/tfjs';
import * as op from './ops.js';
import {
  type FusedContext,
  gradientLeftFactor,
  inputProjection,
  inputTransposed,
  projectStep,
  type RecurrentForward,
  type RecurrentTensors,
  type SequenceInput,
  sequenceShape,
  splitWeightGradient,
} from './sequence.js';

type T2 = tf.Tensor2D;

interface LstmStepTape {
  /** `[g̃, c̃_{t−1}, i, r_t] ⊙ D_t`, `[B, 4u]` */
  m: tf.Tensor2D;
  /** `õ ⊙ q_t ⊙ (1 − q_t)` (= ∂h_t/∂c̃_t), `[B, u]` */
  ok: tf.Tensor2D;
  /** forget gate `f_t` (not kept at t = 0, where `c̃_{−1} = 0`) */
  f: tf.Tensor2D | null;
}

/** Runs an LSTM layer over a sequence; when `ctx.stash` is set, also returns its BPTT backward. */
export function lstmLayerForward(
  weights: RecurrentTensors,
  input: SequenceInput,
  ctx: FusedContext,
  returnSequences: boolean,
): RecurrentForward {
  const { consts, stash } = ctx;
  const units = weights.recurrentKernel.shape[0];
  const inputWidth = weights.kernel.shape[0];
  const { steps, batch } = sequenceShape(input);
  const scale = consts.blockRow([1, 1, 2, 1], units);
  const gateScale = consts.blockRow([1, 1, 4, 2], units);
  const offset = consts.blockRow([0, 0, -2, 0], units);
  const one = consts.scalar(1);
  const half = consts.scalar(0.5);
  const zeros = consts.zeros(batch, units);
  const u2 = op.mul(weights.recurrentKernel, scale);
  const projection = inputProjection(weights, input.withOnes, scale);
  const keep = <T extends tf.Tensor>(t: T): T => (stash === null ? t : stash.keep(t));

  const states: tf.Tensor2D[] = [];
  const tape: LstmStepTape[] = [];
  let h: tf.Tensor2D | null = null;
  /** the doubled cell c̃ = 2c */
  let c: tf.Tensor2D | null = null;
  for (let t = 0; t < steps; t++) {
    const x = input.steps[t] as tf.Tensor2D;
    const p = projectStep(x, projection);
    const a: tf.Tensor2D = h === null ? p : op.add(op.matMul(h, u2), p);
    const s = op.sigmoid(a);
    const ss = op.mul(s, gateScale);
    const gates = op.add(ss, offset);
    // i, f, g̃ = 2g, õ = 2o
    const [i, f, g2, o2] = op.splitColumns(gates, 4) as [T2, T2, T2, T2];
    const ig = op.mul(i, g2);
    const cNext: T2 = c === null ? ig : op.add(op.mul(f, c), ig);
    const q = op.sigmoid(cNext);
    const r = op.sub(q, half);
    const hNext = op.mul(o2, r);
    if (stash !== null) {
      const d = op.mul(ss, op.sub(one, s));
      tape.push({
        m: keep(op.mul(op.concat([g2, c ?? zeros, i, r], 1), d)),
        ok: keep(op.mul(op.mul(o2, q), op.sub(one, q))),
        f: c === null ? null : keep(f),
      });
      keep(hNext);
    }
    states.push(hNext);
    h = hNext;
    c = cNext;
  }
  const outputs = returnSequences ? states : states.slice(steps - 1);
  if (stash === null) return { outputs, backward: null };
  keep(u2);
  keep(projection.kernel);

  const backward = (dOutputs: (tf.Tensor2D | null)[], inputGradients: boolean) => {
    const u2T = op.transpose(u2);
    const wT = inputGradients ? op.transpose(projection.kernel) : null;
    const das: tf.Tensor2D[] = new Array(steps);
    const dxs: tf.Tensor2D[] | null = inputGradients ? new Array(steps) : null;
    let dhRecurrent: tf.Tensor2D | null = null;
    let dcNext: tf.Tensor2D | null = null;
    for (let t = steps - 1; t >= 0; t--) {
      const step = tape[t] as LstmStepTape;
      const dOut = dOutputs[t - (steps - dOutputs.length)] ?? null;
      const dh =
        dOut === null
          ? (dhRecurrent ?? zeros)
          : dhRecurrent === null
            ? dOut
            : op.add(dOut, dhRecurrent);
      const dcOwn = op.mul(dh, step.ok);
      const dc: tf.Tensor2D = dcNext === null ? dcOwn : op.add(dcOwn, dcNext);
      const da = op.mul(op.concat([dc, dc, dc, dh], 1), step.m);
      das[t] = da;
      if (dxs !== null && wT !== null) dxs[t] = op.matMul(da, wT);
      if (t > 0) {
        dcNext = op.mul(dc, step.f as tf.Tensor2D);
        dhRecurrent = op.matMul(da, u2T);
      }
    }
    const left = gradientLeftFactor(
      [zeros, ...states.slice(0, steps - 1)],
      inputTransposed(input),
      input.withOnes,
      consts,
    );
    const g = op.mul(op.matMul(left, op.concat(das, 0)), scale);
    return { ...splitWeightGradient(g, units, inputWidth), inputs: dxs };
  };
  return { outputs, backward };
}
