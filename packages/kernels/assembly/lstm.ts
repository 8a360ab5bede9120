// LSTM layer over whole windows (tfjs-layers' LSTMCell, gate order i, f, c, o; σ recurrent
// activation), for a batch of windows in one call; forward with an optional tape, and
// backpropagation through time.
//
//     a_t = x_t W + h_{t−1} U + b,   i = σ(a_i), f = σ(a_f), g = tanh(a_c), o = σ(a_o)
//     c_t = f ⊙ c_{t−1} + i ⊙ g,     h_t = o ⊙ tanh(c_t)                (h_{−1} = c_{−1} = 0)
//
// BPTT, with dh_t = ∂L/∂h_t from above plus from step t + 1:
//
//     dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dc_{t+1} ⊙ f_{t+1}
//     da_i = dc_t ⊙ g ⊙ i(1 − i),  da_f = dc_t ⊙ c_{t−1} ⊙ f(1 − f),
//     da_c = dc_t ⊙ i ⊙ (1 − g²),  da_o = dh_t ⊙ tanh c_t ⊙ o(1 − o)
//     dh_{t−1} += da_t Uᵀ,   dx_t = da_t Wᵀ,   dU = Σ h_{t−1}ᵀ da_t,  dW = Σ x_tᵀ da_t,  db = Σ da_t
//
// Layout (floats, row-major): u = units padded to a multiple of 4, G = 4u; every gate block is u
// wide. x [B, T, n], W [n, G], U [u, G], b [G]; out [B, T, u] (sequences) or [B, u].
// Tape planes, one after another: act [B·T, 4u] (i, f, g, o), c [B·T, u], tanh c [B·T, u],
// h_{t−1} [B·T, u].
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
import { oneMinusSquare, sigmoidSlope, sigmoidv, tanhv } from './vectorMath';

/** Floats of scratch {@link lstmForward} needs (two windows' gates, state and cell). */
export function lstmForwardScratch(units: i32): i32 {
  return 12 * units;
}

/** Floats of tape {@link lstmForward} writes for `samples` = B·T window steps. */
export function lstmTapeSize(units: i32, samples: i32): i32 {
  return 7 * units * samples;
}

/**
 * One window's step after its pre-activations are in `gates`: the gates, c_t and h_t (in place in
 * `c` and `h`), the tape row of sample `s` when `tape` ≠ 0, and h_t into `out` for sequences.
 */
// @ts-expect-error: decorator
@inline
function finishStep(
  gates: usize,
  h: usize,
  c: usize,
  u: usize,
  s: usize,
  samples: usize,
  tape: usize,
  out: usize,
  sequences: i32,
): void {
  const act = tape;
  const cPlane = act + ((samples * u) << 4);
  const tcPlane = cPlane + ((samples * u) << 2);
  const hpPlane = tcPlane + ((samples * u) << 2);
  if (tape) copy(hpPlane + ((s * u) << 2), h, <i32>u);
  for (let j: usize = 0; j < u; j += 4) {
    const gi = gates + (j << 2);
    const i = sigmoidv(v128.load(gi));
    const f = sigmoidv(v128.load(gi + (u << 2)));
    const g = tanhv(v128.load(gi + (u << 3)));
    const o = sigmoidv(v128.load(gi + (u << 2) * 3));
    const cj = c + (j << 2);
    const cc = f32x4.add(f32x4.mul(f, v128.load(cj)), f32x4.mul(i, g));
    const tc = tanhv(cc);
    v128.store(cj, cc);
    v128.store(h + (j << 2), f32x4.mul(o, tc));
    if (tape) {
      const a = act + ((s * u) << 4) + (j << 2);
      v128.store(a, i);
      v128.store(a + (u << 2), f);
      v128.store(a + (u << 3), g);
      v128.store(a + (u << 2) * 3, o);
      v128.store(cPlane + ((s * u + j) << 2), cc);
      v128.store(tcPlane + ((s * u + j) << 2), tc);
    }
  }
  if (sequences) copy(out + ((s * u) << 2), h, <i32>u);
}

/**
 * Runs `batch` windows of `steps` steps, two at a time (they share the weight loads; an odd last
 * window runs alone); `tape` = 0 keeps nothing (serving). `scratch` holds
 * {@link lstmForwardScratch} floats.
 */
export function lstmForward(
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
  const width = 4 * units;
  const gatesA = scratch;
  const hA = gatesA + (u << 4);
  const cA = hA + (u << 2);
  const gatesB = cA + (u << 2);
  const hB = gatesB + (u << 4);
  const cB = hB + (u << 2);
  const samples = <usize>(batch * steps);
  const rowBytes = (<usize>inputs) << 2;
  let b = 0;
  for (; b + 1 < batch; b += 2) {
    zero(hA, units);
    zero(cA, units);
    zero(hB, units);
    zero(cB, units);
    for (let t = 0; t < steps; t++) {
      const sA = <usize>(b * steps + t);
      const sB = sA + <usize>steps;
      const rows = t > 0 ? units : 0;
      const xA = x + sA * rowBytes;
      const xB = x + sB * rowBytes;
      gemv2Pair(gatesA, gatesB, bias, bias, xA, xB, inputs, kernel, hA, hB, rows, recurrent, width, width);
      finishStep(gatesA, hA, cA, u, sA, samples, tape, out, sequences);
      finishStep(gatesB, hB, cB, u, sB, samples, tape, out, sequences);
    }
    if (!sequences) {
      copy(out + ((<usize>b * u) << 2), hA, units);
      copy(out + ((<usize>(b + 1) * u) << 2), hB, units);
    }
  }
  if (b < batch) {
    zero(hA, units);
    zero(cA, units);
    for (let t = 0; t < steps; t++) {
      const s = <usize>(b * steps + t);
      const xt = x + s * rowBytes;
      gemv2(gatesA, bias, xt, inputs, kernel, hA, t > 0 ? units : 0, recurrent, width, width);
      finishStep(gatesA, hA, cA, u, s, samples, tape, out, sequences);
    }
    if (!sequences) copy(out + ((<usize>b * u) << 2), hA, units);
  }
}

/** Floats of scratch {@link lstmBackward} needs. */
export function lstmBackwardScratch(units: i32, inputs: i32, samples: i32): i32 {
  const width = 4 * units;
  return width * units + width * inputs + width * samples + 2 * units;
}

/**
 * Backpropagates `dOut` ([B, T, u] when `dOutSequences`, else [B, u] for the last step) through
 * the windows {@link lstmForward} ran with `tape`. Adds the weight gradients into dKernel [n, G],
 * dRecurrent [u, G], dBias [G]; writes dX [B, T, n] unless `dX` = 0 (then n need not be a
 * multiple of 4).
 */
export function lstmBackward(
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
  const width = 4 * units;
  const g4 = <usize>width;
  const samples = <usize>(batch * steps);
  const act = tape;
  const cPlane = act + ((samples * u) << 4);
  const tcPlane = cPlane + ((samples * u) << 2);
  const hpPlane = tcPlane + ((samples * u) << 2);
  const uT = scratch;
  const wT = uT + ((g4 * u) << 2);
  const da = wT + ((g4 * n) << 2);
  const dh = da + ((g4 * samples) << 2);
  const dcNext = dh + (u << 2);
  transpose(uT, recurrent, units, width);
  if (dX) transpose(wT, kernel, inputs, width);
  for (let b = 0; b < batch; b++) {
    zero(dh, units);
    zero(dcNext, units);
    for (let t = steps - 1; t >= 0; t--) {
      const s = <usize>(b * steps + t);
      let fromAbove: usize = 0;
      if (dOutSequences) fromAbove = dOut + ((s * u) << 2);
      else if (t == steps - 1) fromAbove = dOut + ((<usize>b * u) << 2);
      const daRow = da + ((s * g4) << 2);
      for (let j: usize = 0; j < u; j += 4) {
        const a = act + ((s * u) << 4) + (j << 2);
        const i = v128.load(a);
        const f = v128.load(a + (u << 2));
        const g = v128.load(a + (u << 3));
        const o = v128.load(a + (u << 2) * 3);
        const tc = v128.load(tcPlane + ((s * u + j) << 2));
        const cPrev = t > 0 ? v128.load(cPlane + (((s - 1) * u + j) << 2)) : f32x4.splat(0);
        let dhj = v128.load(dh + (j << 2));
        if (fromAbove) dhj = f32x4.add(dhj, v128.load(fromAbove + (j << 2)));
        const dcj = f32x4.add(
          f32x4.mul(f32x4.mul(dhj, o), oneMinusSquare(tc)),
          v128.load(dcNext + (j << 2)),
        );
        const d = daRow + (j << 2);
        v128.store(d, f32x4.mul(f32x4.mul(dcj, g), sigmoidSlope(i)));
        v128.store(d + (u << 2), f32x4.mul(f32x4.mul(dcj, cPrev), sigmoidSlope(f)));
        v128.store(d + (u << 3), f32x4.mul(f32x4.mul(dcj, i), oneMinusSquare(g)));
        v128.store(d + (u << 2) * 3, f32x4.mul(f32x4.mul(dhj, tc), sigmoidSlope(o)));
        v128.store(dcNext + (j << 2), f32x4.mul(dcj, f));
      }
      zero(dh, units);
      if (t > 0) gemvAcc(dh, daRow, width, uT, units, units);
      if (dX) {
        const dx = dX + ((s * n) << 2);
        zero(dx, inputs);
        gemvAcc(dx, daRow, width, wT, inputs, inputs);
      }
    }
  }
  const all = <i32>samples;
  matTmulAcc(dRecurrent, width, hpPlane, units, units, da, width, width, all);
  matTmulAcc(dKernel, width, x, inputs, inputs, da, width, width, all);
  columnSumAcc(dBias, da, width, width, all);
}
