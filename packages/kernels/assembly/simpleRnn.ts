// SimpleRNN (Elman) layer over whole windows (tfjs-layers' SimpleRNNCell, tanh), for a batch of
// windows in one call; forward with an optional tape, and backpropagation through time.
//
//     h_t = tanh(x_t W + h_{t−1} U + b)                                  (h_{−1} = 0)
//     da_t = dh_t ⊙ (1 − h_t²),  dh_{t−1} += da_t Uᵀ,  dx_t = da_t Wᵀ
//     dU = Σ h_{t−1}ᵀ da_t,  dW = Σ x_tᵀ da_t,  db = Σ da_t
//
// Layout as lstm.ts with G = u. Tape planes: h_t [B·T, u], h_{t−1} [B·T, u].
import {
  columnSumAcc,
  copy,
  gemv2,
  gemv2Pair,
  gemvAcc,
  matTmulAcc,
  transpose,
  zero,
} from './linearAlgebra';
import { oneMinusSquare, tanhv } from './vectorMath';

/** Floats of scratch {@link simpleRnnForward} needs (two windows' pre-activations and states). */
export function simpleRnnForwardScratch(units: i32): i32 {
  return 4 * units;
}

/** Floats of tape {@link simpleRnnForward} writes for `samples` = B·T window steps. */
export function simpleRnnTapeSize(units: i32, samples: i32): i32 {
  return 2 * units * samples;
}

/** One window's step from its pre-activations: h_t into `h`, the tape row, the sequence. */
// @ts-expect-error: decorator
@inline
function finishStep(
  pre: usize,
  h: usize,
  u: usize,
  s: usize,
  samples: usize,
  tape: usize,
  out: usize,
  sequences: i32,
): void {
  const hPlane = tape;
  const hpPlane = hPlane + ((samples * u) << 2);
  if (tape) copy(hpPlane + ((s * u) << 2), h, <i32>u);
  for (let j: usize = 0; j < u; j += 4) {
    v128.store(h + (j << 2), tanhv(v128.load(pre + (j << 2))));
  }
  if (tape) copy(hPlane + ((s * u) << 2), h, <i32>u);
  if (sequences) copy(out + ((s * u) << 2), h, <i32>u);
}

/**
 * Runs `batch` windows of `steps` steps, two at a time (they share the weight loads; an odd last
 * window runs alone); `tape` = 0 keeps nothing (serving).
 */
export function simpleRnnForward(
  x: usize,
  inputs: i32,
  steps: i32,
  batch: i32,
  kernel: usize,
  recurrent: usize,
  bias: usize,
  units: i32,
  out: usize,
  sequences: i32,
  scratch: usize,
  tape: usize,
): void {
  const u = <usize>units;
  const preA = scratch;
  const hA = preA + (u << 2);
  const preB = hA + (u << 2);
  const hB = preB + (u << 2);
  const samples = <usize>(batch * steps);
  const rowBytes = (<usize>inputs) << 2;
  let b = 0;
  for (; b + 1 < batch; b += 2) {
    zero(hA, units);
    zero(hB, units);
    for (let t = 0; t < steps; t++) {
      const sA = <usize>(b * steps + t);
      const sB = sA + <usize>steps;
      const rows = t > 0 ? units : 0;
      gemv2Pair(preA, preB, bias, bias, x + sA * rowBytes, x + sB * rowBytes, inputs, kernel, hA, hB, rows, recurrent, units, units);
      finishStep(preA, hA, u, sA, samples, tape, out, sequences);
      finishStep(preB, hB, u, sB, samples, tape, out, sequences);
    }
    if (!sequences) {
      copy(out + ((<usize>b * u) << 2), hA, units);
      copy(out + ((<usize>(b + 1) * u) << 2), hB, units);
    }
  }
  if (b < batch) {
    zero(hA, units);
    for (let t = 0; t < steps; t++) {
      const s = <usize>(b * steps + t);
      gemv2(preA, bias, x + s * rowBytes, inputs, kernel, hA, t > 0 ? units : 0, recurrent, units, units);
      finishStep(preA, hA, u, s, samples, tape, out, sequences);
    }
    if (!sequences) copy(out + ((<usize>b * u) << 2), hA, units);
  }
}

/** Floats of scratch {@link simpleRnnBackward} needs. */
export function simpleRnnBackwardScratch(units: i32, inputs: i32, samples: i32): i32 {
  return units * units + units * inputs + units * samples + units;
}

/** Backpropagation through time for {@link simpleRnnForward}; arguments as lstmBackward. */
export function simpleRnnBackward(
  x: usize,
  inputs: i32,
  steps: i32,
  batch: i32,
  kernel: usize,
  recurrent: usize,
  units: i32,
  tape: usize,
  dOut: usize,
  dOutSequences: i32,
  dX: usize,
  dKernel: usize,
  dRecurrent: usize,
  dBias: usize,
  scratch: usize,
): void {
  const u = <usize>units;
  const n = <usize>inputs;
  const samples = <usize>(batch * steps);
  const hPlane = tape;
  const hpPlane = hPlane + ((samples * u) << 2);
  const uT = scratch;
  const wT = uT + ((u * u) << 2);
  const da = wT + ((u * n) << 2);
  const dh = da + ((u * samples) << 2);
  transpose(uT, recurrent, units, units);
  if (dX) transpose(wT, kernel, inputs, units);
  for (let b = 0; b < batch; b++) {
    zero(dh, units);
    for (let t = steps - 1; t >= 0; t--) {
      const s = <usize>(b * steps + t);
      let fromAbove: usize = 0;
      if (dOutSequences) fromAbove = dOut + ((s * u) << 2);
      else if (t == steps - 1) fromAbove = dOut + ((<usize>b * u) << 2);
      const daRow = da + ((s * u) << 2);
      for (let j: usize = 0; j < u; j += 4) {
        let dhj = v128.load(dh + (j << 2));
        if (fromAbove) dhj = f32x4.add(dhj, v128.load(fromAbove + (j << 2)));
        const h = v128.load(hPlane + ((s * u + j) << 2));
        v128.store(daRow + (j << 2), f32x4.mul(dhj, oneMinusSquare(h)));
      }
      zero(dh, units);
      if (t > 0) gemvAcc(dh, daRow, units, uT, units, units);
      if (dX) {
        const dx = dX + ((s * n) << 2);
        zero(dx, inputs);
        gemvAcc(dx, daRow, units, wT, inputs, inputs);
      }
    }
  }
  const all = <i32>samples;
  matTmulAcc(dRecurrent, units, hpPlane, units, units, da, units, units, all);
  matTmulAcc(dKernel, units, x, inputs, inputs, da, units, units, all);
  columnSumAcc(dBias, da, units, units, all);
}
