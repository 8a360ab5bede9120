// The dense head (tfjs-layers' Dense, relu or linear) and the two losses — the mean squared error
// of a point head and the Gaussian negative log-likelihood of a gaussian [μ, ρ] head — for a batch
// in one call.
//
//     y = act(x K + b)
//     backward, given dy:  dz = dy ⊙ 1[y > 0] (relu) or dy,  dK += xᵀ dz,  db += Σ dz,  dx = dz Kᵀ
//
// Layout: x [B, n], K [n, m], b [m], y [B, m]; m and (when dx is asked) n are multiples of 4
// (padded columns carry zero weights).
import { columnSumAcc, gemv2, gemvAcc, matTmulAcc, transpose, zero } from './linearAlgebra';
import { reluv } from './vectorMath';

/** y = act(x K + b) for `batch` rows; `relu` ≠ 0 for relu, else linear. */
export function denseForward(
  x: usize,
  inputs: i32,
  batch: i32,
  kernel: usize,
  bias: usize,
  units: i32,
  relu: i32,
  y: usize,
): void {
  const m = <usize>units;
  for (let b = 0; b < batch; b++) {
    const row = y + ((<usize>b * m) << 2);
    gemv2(row, bias, x + ((<usize>b * <usize>inputs) << 2), inputs, kernel, 0, 0, 0, units, units);
    if (relu) {
      for (let j: usize = 0; j < m; j += 4)
        v128.store(row + (j << 2), reluv(v128.load(row + (j << 2))));
    }
  }
}

/** Floats of scratch {@link denseBackward} needs. */
export function denseBackwardScratch(inputs: i32, units: i32): i32 {
  return inputs * units;
}

/**
 * Backward of {@link denseForward}: masks `dy` in place (relu), adds dK and db, writes dx [B, n]
 * unless `dx` = 0.
 */
export function denseBackward(
  x: usize,
  inputs: i32,
  batch: i32,
  kernel: usize,
  units: i32,
  relu: i32,
  y: usize,
  dy: usize,
  dKernel: usize,
  dBias: usize,
  dx: usize,
  scratch: usize,
): void {
  const m = <usize>units;
  const n = <usize>inputs;
  const count = <usize>batch * m;
  if (relu) {
    for (let k: usize = 0; k < count; k += 4) {
      const mask = f32x4.gt(v128.load(y + (k << 2)), f32x4.splat(0));
      v128.store(dy + (k << 2), v128.and(v128.load(dy + (k << 2)), mask));
    }
  }
  matTmulAcc(dKernel, units, x, inputs, inputs, dy, units, units, batch);
  columnSumAcc(dBias, dy, units, units, batch);
  if (dx) {
    transpose(scratch, kernel, inputs, units);
    for (let b = 0; b < batch; b++) {
      const row = dx + ((<usize>b * n) << 2);
      zero(row, inputs);
      gemvAcc(row, dy + ((<usize>b * m) << 2), units, scratch, inputs, inputs);
    }
  }
}

/**
 * Mean squared error of predictions (column 0 of `y`, rows `stride` floats apart) against
 * `targets` [B]; writes dL/dŷ = (2 / B)(ŷ − y) into column 0 of `dy` (other columns 0).
 * Returns the loss (summed in float64).
 */
export function meanSquaredError(
  y: usize,
  stride: i32,
  targets: usize,
  batch: i32,
  dy: usize,
): f64 {
  zero(dy, batch * stride);
  const scale: f32 = 2.0 / <f32>batch;
  let sum: f64 = 0;
  for (let b = 0; b < batch; b++) {
    const at = (<usize>(b * stride)) << 2;
    const diff: f32 = load<f32>(y + at) - load<f32>(targets + ((<usize>b) << 2));
    sum += <f64>diff * <f64>diff;
    store<f32>(dy + at, scale * diff);
  }
  return sum / <f64>batch;
}

/** ½ log 2π, the Gaussian negative log-likelihood's constant. */
const HALF_LOG_TWO_PI: f64 = 0.91893853320467274178;

/**
 * Gaussian negative log-likelihood of a gaussian head's outputs — location μ in column 0 and
 * log-scale ρ in column 1 of `y`, rows `stride` floats apart — against `targets` [B]. With
 * w_b = (μ_b − y_b)·e^{−ρ_b} (float32, as tfjs computes it):
 *
 *     L = mean_b (ρ_b + ½ w_b²) + ½ log 2π        (nats per window; summed in float64)
 *     dL/dμ_b = (1 / B) · w_b · e^{−ρ_b},   dL/dρ_b = (1 / B) · (1 − w_b²)
 *
 * written into columns 0 and 1 of `dy` (other columns 0). ρ is not clamped (the served network's
 * ρ is what is trained). Returns the loss.
 */
export function gaussianNll(y: usize, stride: i32, targets: usize, batch: i32, dy: usize): f64 {
  zero(dy, batch * stride);
  const scale: f32 = 1.0 / <f32>batch;
  let sum: f64 = 0;
  for (let b = 0; b < batch; b++) {
    const at = (<usize>(b * stride)) << 2;
    const mu = load<f32>(y + at);
    const rho = load<f32>(y + at + 4);
    const inverseScale = Mathf.exp(-rho);
    const w: f32 = (mu - load<f32>(targets + ((<usize>b) << 2))) * inverseScale;
    sum += <f64>rho + 0.5 * <f64>w * <f64>w;
    store<f32>(dy + at, scale * (w * inverseScale));
    store<f32>(dy + at + 4, scale * (1.0 - w * w));
  }
  return sum / <f64>batch + HALF_LOG_TWO_PI;
}
