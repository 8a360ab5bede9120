// GRU layer over whole windows in the reset_after = false form (core's cells/gru.ts, tfjs-layers'
// GRUCell; gate order z, r, h; σ recurrent activation), for a batch of windows in one call;
// forward with an optional tape, and backpropagation through time.
//
//     z = σ(x W_z + h_{t−1} U_z + b_z),   r = σ(x W_r + h_{t−1} U_r + b_r)
//     h̃ = tanh(x W_h + (r ⊙ h_{t−1}) U_h + b_h),   h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃
//
// BPTT, with dh_t = ∂L/∂h_t from above plus from step t + 1:
//
//     da_h = dh_t ⊙ (1 − z) ⊙ (1 − h̃²),   d(rh) = da_h U_hᵀ
//     da_z = dh_t ⊙ (h_{t−1} − h̃) ⊙ z(1 − z),   da_r = d(rh) ⊙ h_{t−1} ⊙ r(1 − r)
//     dh_{t−1} = dh_t ⊙ z + d(rh) ⊙ r + [da_z, da_r] [U_z, U_r]ᵀ
//     dU_{z,r} = Σ h_{t−1}ᵀ da_{z,r},  dU_h = Σ (r ⊙ h_{t−1})ᵀ da_h,  dW = Σ x_tᵀ da_t,  db = Σ da_t
//
// Layout as lstm.ts with G = 3u. Tape planes: act [B·T, 3u] (z, r, h̃), h_{t−1} [B·T, u],
// r ⊙ h_{t−1} [B·T, u].
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

/** Floats of scratch {@link gruForward} needs (two windows' gates, state and r ⊙ h). */
export function gruForwardScratch(units: i32): i32 {
  return 10 * units;
}

/** Floats of tape {@link gruForward} writes for `samples` = B·T window steps. */
export function gruTapeSize(units: i32, samples: i32): i32 {
  return 5 * units * samples;
}

/** z = σ(·), r = σ(·) in place in `gates` (blocks 0 and 1), and r ⊙ h_{t−1} into `rh`. */
// @ts-expect-error: decorator
@inline
function resetAndUpdate(gates: usize, h: usize, rh: usize, u: usize): void {
  for (let j: usize = 0; j < u; j += 4) {
    const gz = gates + (j << 2);
    const z = sigmoidv(v128.load(gz));
    const r = sigmoidv(v128.load(gz + (u << 2)));
    v128.store(gz, z);
    v128.store(gz + (u << 2), r);
    v128.store(rh + (j << 2), f32x4.mul(r, v128.load(h + (j << 2))));
  }
}

/**
 * One window's step once `gates` holds z, r and the candidate's pre-activation: h_t in place in
 * `h`, the tape row of sample `s` when `tape` ≠ 0, and h_t into `out` for sequences.
 */
// @ts-expect-error: decorator
@inline
function finishStep(
  gates: usize,
  h: usize,
  rh: usize,
  u: usize,
  s: usize,
  samples: usize,
  tape: usize,
  out: usize,
  sequences: i32,
): void {
  const act = tape;
  const hpPlane = act + ((3 * samples * u) << 2);
  const rhPlane = hpPlane + ((samples * u) << 2);
  if (tape) {
    copy(hpPlane + ((s * u) << 2), h, <i32>u);
    copy(rhPlane + ((s * u) << 2), rh, <i32>u);
  }
  for (let j: usize = 0; j < u; j += 4) {
    const gz = gates + (j << 2);
    const z = v128.load(gz);
    const candidate = tanhv(v128.load(gz + (u << 3)));
    const hj = h + (j << 2);
    const hPrev = v128.load(hj);
    v128.store(hj, f32x4.add(candidate, f32x4.mul(z, f32x4.sub(hPrev, candidate))));
    if (tape) {
      const a = act + ((3 * s * u) << 2) + (j << 2);
      v128.store(a, z);
      v128.store(a + (u << 2), v128.load(gz + (u << 2)));
      v128.store(a + (u << 3), candidate);
    }
  }
  if (sequences) copy(out + ((s * u) << 2), h, <i32>u);
}

/**
 * Runs `batch` windows of `steps` steps, two at a time (they share the weight loads; an odd last
 * window runs alone); `tape` = 0 keeps nothing (serving).
 */
export function gruForward(
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
  const width = 3 * units;
  const hBlock = u << 3;
  const gatesA = scratch;
  const hA = gatesA + ((3 * u) << 2);
  const rhA = hA + (u << 2);
  const gatesB = rhA + (u << 2);
  const hB = gatesB + ((3 * u) << 2);
  const rhB = hB + (u << 2);
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
      const xA = x + sA * rowBytes;
      const xB = x + sB * rowBytes;
      // z and r: bias + x W + h U; then the candidate: bias + x W + (r ⊙ h) U.
      gemv2Pair(gatesA, gatesB, bias, bias, xA, xB, inputs, kernel, hA, hB, rows, recurrent, width, 2 * units);
      resetAndUpdate(gatesA, hA, rhA, u);
      resetAndUpdate(gatesB, hB, rhB, u);
      gemv2Pair(
        gatesA + hBlock,
        gatesB + hBlock,
        bias + hBlock,
        bias + hBlock,
        xA,
        xB,
        inputs,
        kernel + hBlock,
        rhA,
        rhB,
        rows,
        recurrent + hBlock,
        width,
        units,
      );
      finishStep(gatesA, hA, rhA, u, sA, samples, tape, out, sequences);
      finishStep(gatesB, hB, rhB, u, sB, samples, tape, out, sequences);
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
      const rows = t > 0 ? units : 0;
      const xt = x + s * rowBytes;
      gemv2(gatesA, bias, xt, inputs, kernel, hA, rows, recurrent, width, 2 * units);
      resetAndUpdate(gatesA, hA, rhA, u);
      gemv2(gatesA + hBlock, bias + hBlock, xt, inputs, kernel + hBlock, rhA, rows, recurrent + hBlock, width, units);
      finishStep(gatesA, hA, rhA, u, s, samples, tape, out, sequences);
    }
    if (!sequences) copy(out + ((<usize>b * u) << 2), hA, units);
  }
}

/** Floats of scratch {@link gruBackward} needs. */
export function gruBackwardScratch(units: i32, inputs: i32, samples: i32): i32 {
  const width = 3 * units;
  return width * units + width * inputs + width * samples + 2 * units;
}

/** Backpropagation through time for {@link gruForward}; arguments as lstm.ts' lstmBackward. */
export function gruBackward(
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
  const width = 3 * units;
  const g3 = <usize>width;
  const samples = <usize>(batch * steps);
  const act = tape;
  const hpPlane = act + ((3 * samples * u) << 2);
  const rhPlane = hpPlane + ((samples * u) << 2);
  const uT = scratch;
  const wT = uT + ((g3 * u) << 2);
  const da = wT + ((g3 * n) << 2);
  const dh = da + ((g3 * samples) << 2);
  const drh = dh + (u << 2);
  transpose(uT, recurrent, units, width);
  if (dX) transpose(wT, kernel, inputs, width);
  for (let b = 0; b < batch; b++) {
    zero(dh, units);
    for (let t = steps - 1; t >= 0; t--) {
      const s = <usize>(b * steps + t);
      let fromAbove: usize = 0;
      if (dOutSequences) fromAbove = dOut + ((s * u) << 2);
      else if (t == steps - 1) fromAbove = dOut + ((<usize>b * u) << 2);
      const daRow = da + ((s * g3) << 2);
      const a = act + ((3 * s * u) << 2);
      const hp = hpPlane + ((s * u) << 2);
      // dh_t into dh; da_z and da_h into the tape row; dh ⊙ z kept in dh for dh_{t−1}.
      for (let j: usize = 0; j < u; j += 4) {
        const z = v128.load(a + (j << 2));
        const candidate = v128.load(a + (u << 3) + (j << 2));
        let dhj = v128.load(dh + (j << 2));
        if (fromAbove) dhj = f32x4.add(dhj, v128.load(fromAbove + (j << 2)));
        const hPrev = v128.load(hp + (j << 2));
        const daz = f32x4.mul(f32x4.mul(dhj, f32x4.sub(hPrev, candidate)), sigmoidSlope(z));
        const dah = f32x4.mul(
          f32x4.mul(dhj, f32x4.sub(f32x4.splat(1), z)),
          oneMinusSquare(candidate),
        );
        v128.store(daRow + (j << 2), daz);
        v128.store(daRow + (u << 3) + (j << 2), dah);
        v128.store(dh + (j << 2), f32x4.mul(dhj, z));
      }
      zero(drh, units);
      gemvAcc(drh, daRow + (u << 3), units, uT + ((2 * u * u) << 2), units, units);
      for (let j: usize = 0; j < u; j += 4) {
        const r = v128.load(a + (u << 2) + (j << 2));
        const d = v128.load(drh + (j << 2));
        const dar = f32x4.mul(f32x4.mul(d, v128.load(hp + (j << 2))), sigmoidSlope(r));
        v128.store(daRow + (u << 2) + (j << 2), dar);
        const dhj = dh + (j << 2);
        v128.store(dhj, f32x4.add(v128.load(dhj), f32x4.mul(d, r)));
      }
      if (t > 0) gemvAcc(dh, daRow, 2 * units, uT, units, units);
      if (dX) {
        const dx = dX + ((s * n) << 2);
        zero(dx, inputs);
        gemvAcc(dx, daRow, width, wT, inputs, inputs);
      }
    }
  }
  const all = <i32>samples;
  matTmulAcc(dRecurrent, width, hpPlane, units, units, da, width, 2 * units, all);
  matTmulAcc(dRecurrent + (u << 3), width, rhPlane, units, units, da + (u << 3), width, units, all);
  matTmulAcc(dKernel, width, x, inputs, inputs, da, width, width, all);
  columnSumAcc(dBias, da, width, width, all);
}
