/**
 * GRU layer in tfjs-layers' `reset_after = false` form (recurrent activation σ) as one fused
 * forward pass with a hand-written backpropagation through time, both in tfjs ops.
 *
 * Forward, gate order z, r, h (blocks of the fused `[·, 3u]` matrices; `zr` = the first two):
 *
 *     [z, r] = σ(x_t W_zr + h_{t−1} U_zr + b_zr)               (one matMul and one sigmoid)
 *     h̃_t   = tanh(x_t W_h + (r ⊙ h_{t−1}) U_h + b_h)
 *     h_t    = z ⊙ h_{t−1} + (1 − z) ⊙ h̃_t = h̃_t + z ⊙ (h_{t−1} − h̃_t)        (h_{−1} = 0)
 *
 * Backward (BPTT), from dh_t = ∂L/∂h_t arriving from above plus from step t + 1:
 *
 *     da_h   = dh_t ⊙ (1 − z) ⊙ (1 − h̃_t²)
 *     d(rh)  = da_h U_hᵀ
 *     da_zr  = [dh_t ⊙ (h_{t−1} − h̃_t),  d(rh) ⊙ h_{t−1}] ⊙ S_zr ⊙ (1 − S_zr)
 *     dh_{t−1} (recurrent part) = dh_t ⊙ z + d(rh) ⊙ r + da_zr U_zrᵀ
 *     dx_t   = da_zr W_zrᵀ + da_h W_hᵀ
 *
 * and, after the loop, in two matMuls over all steps (see `sequence.ts`):
 *
 *     [dU_zr; dW_zr; db_zr] = [H_prevᵀ; Xᵀ; 1ᵀ] · da_zr_all
 *     [dU_h;  dW_h;  db_h ] = [(R⊙H_prev)ᵀ; Xᵀ; 1ᵀ] · da_h_all
 *
 * joined column-wise into the `[·, 3u]` layout. The per-step factors `(1 − z) ⊙ (1 − h̃²)`,
 * `h_{t−1} − h̃_t` and `S_zr ⊙ (1 − S_zr)` are formed in the forward pass.
 */
import * as tf from '@tensorflow/tfjs';
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

interface GruStepTape {
  z: tf.Tensor2D;
  r: tf.Tensor2D;
  /** `h_{t−1} − h̃_t` */
  diff: tf.Tensor2D;
  /** `(1 − z) ⊙ (1 − h̃_t²)` */
  kh: tf.Tensor2D;
  /** `S_zr ⊙ (1 − S_zr)`, `[B, 2u]` */
  dzr: tf.Tensor2D;
  /** `r ⊙ h_{t−1}` (the zero state at t = 0) */
  rh: tf.Tensor2D;
}

/** Runs a GRU layer over a sequence; when `ctx.stash` is set, also returns its BPTT backward. */
export function gruLayerForward(
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
  const zeros = consts.zeros(batch, units);
  const uzr = op.columns(weights.recurrentKernel, 0, 2 * units);
  const uh = op.columns(weights.recurrentKernel, 2 * units, units);
  const full = inputProjection(weights, input.withOnes, null);
  const projZr = {
    kernel: op.columns(full.kernel, 0, 2 * units),
    bias: full.bias === null ? null : tf.slice(full.bias, [0], [2 * units]),
  };
  const projH = {
    kernel: op.columns(full.kernel, 2 * units, units),
    bias: full.bias === null ? null : tf.slice(full.bias, [2 * units], [units]),
  };
  const keep = <T extends tf.Tensor>(t: T): T => (stash === null ? t : stash.keep(t));

  const states: tf.Tensor2D[] = [];
  const tape: GruStepTape[] = [];
  let h: tf.Tensor2D | null = null;
  for (let t = 0; t < steps; t++) {
    const x = input.steps[t] as tf.Tensor2D;
    const pzr = projectStep(x, projZr);
    const ph = projectStep(x, projH);
    const szr = op.sigmoid(h === null ? pzr : op.add(op.matMul(h, uzr), pzr));
    const [z, r] = op.splitColumns(szr, 2) as [tf.Tensor2D, tf.Tensor2D];
    const rh = h === null ? zeros : op.mul(r, h);
    const candidate = op.tanh(h === null ? ph : op.add(op.matMul(rh, uh), ph));
    const diff = h === null ? op.neg(candidate) : op.sub(h, candidate);
    const hNext = op.add(candidate, op.mul(z, diff));
    if (stash !== null) {
      tape.push({
        z: keep(z),
        r: keep(r),
        diff: keep(diff),
        kh: keep(op.mul(op.sub(one, z), op.sub(one, op.square(candidate)))),
        dzr: keep(op.mul(szr, op.sub(one, szr))),
        rh: h === null ? zeros : keep(rh),
      });
      keep(hNext);
    }
    states.push(hNext);
    h = hNext;
  }
  const outputs = returnSequences ? states : states.slice(steps - 1);
  if (stash === null) return { outputs, backward: null };
  keep(uzr);
  keep(uh);
  keep(projZr.kernel);
  keep(projH.kernel);

  const backward = (dOutputs: (tf.Tensor2D | null)[], inputGradients: boolean) => {
    const uzrT = op.transpose(uzr);
    const uhT = op.transpose(uh);
    const wzrT = inputGradients ? op.transpose(projZr.kernel) : null;
    const whT = inputGradients ? op.transpose(projH.kernel) : null;
    const dzrs: tf.Tensor2D[] = new Array(steps);
    const dhs: tf.Tensor2D[] = new Array(steps);
    const dxs: tf.Tensor2D[] | null = inputGradients ? new Array(steps) : null;
    let dhRecurrent: tf.Tensor2D | null = null;
    for (let t = steps - 1; t >= 0; t--) {
      const step = tape[t] as GruStepTape;
      const dOut = dOutputs[t - (steps - dOutputs.length)] ?? null;
      const dh =
        dOut === null
          ? (dhRecurrent ?? zeros)
          : dhRecurrent === null
            ? dOut
            : op.add(dOut, dhRecurrent);
      const dah = op.mul(dh, step.kh);
      dhs[t] = dah;
      const dz = op.mul(dh, step.diff);
      if (t > 0) {
        const hPrev = states[t - 1] as tf.Tensor2D;
        const drh = op.matMul(dah, uhT);
        const dazr = op.mul(op.concat([dz, op.mul(drh, hPrev)], 1), step.dzr);
        dzrs[t] = dazr;
        dhRecurrent = op.addN([op.mul(dh, step.z), op.mul(drh, step.r), op.matMul(dazr, uzrT)]);
      } else {
        // h_{−1} = 0: the reset gate does not reach the loss.
        dzrs[t] = op.mul(op.concat([dz, zeros], 1), step.dzr);
      }
      if (dxs !== null && wzrT !== null && whT !== null) {
        dxs[t] = op.add(op.matMul(dzrs[t] as tf.Tensor2D, wzrT), op.matMul(dah, whT));
      }
    }
    const inputT = inputTransposed(input);
    const zrLeft = gradientLeftFactor(
      [zeros, ...states.slice(0, steps - 1)],
      inputT,
      input.withOnes,
      consts,
    );
    const hLeft = gradientLeftFactor(
      tape.map((s) => s.rh),
      inputT,
      input.withOnes,
      consts,
    );
    const g = op.concat(
      [op.matMul(zrLeft, op.concat(dzrs, 0)), op.matMul(hLeft, op.concat(dhs, 0))],
      1,
    );
    return { ...splitWeightGradient(g, units, inputWidth), inputs: dxs };
  };
  return { outputs, backward };
}
