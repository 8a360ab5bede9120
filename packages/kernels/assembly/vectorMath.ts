// Four-lane float32 activations for the kernels (AssemblyScript, 128-bit SIMD).
//
// exp uses Cephes' expf: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a degree-6 minimax polynomial,
// 2^n built in the exponent bits; relative error ≈ 1e-7 on the clamped range. The input is
// clamped to ±80, so σ and tanh saturate without overflow or denormals (σ(−80) ≈ 1.8e−35).
//
//     σ(x)    = 1 / (1 + e^(−x))
//     tanh(x) = 2 σ(2x) − 1        (absolute error ≈ 1e−7 near 0)

const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
const LIMIT: f32 = 80.0;

/** e^x in each lane (x clamped to [−80, 80]). */
// @ts-expect-error: decorator
@inline
export function expv(x: v128): v128 {
  const c = f32x4.min(f32x4.max(x, f32x4.splat(-LIMIT)), f32x4.splat(LIMIT));
  const n = f32x4.nearest(f32x4.mul(c, f32x4.splat(LOG2E)));
  const r = f32x4.sub(f32x4.sub(c, f32x4.mul(n, f32x4.splat(LN2_HI))), f32x4.mul(n, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const y = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  const bits = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, bits);
}

/** Logistic σ in each lane. */
// @ts-expect-error: decorator
@inline
export function sigmoidv(x: v128): v128 {
  return f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), expv(f32x4.neg(x))));
}

/** tanh in each lane, as 2σ(2x) − 1. */
// @ts-expect-error: decorator
@inline
export function tanhv(x: v128): v128 {
  const s = sigmoidv(f32x4.add(x, x));
  return f32x4.sub(f32x4.add(s, s), f32x4.splat(1.0));
}

/** max(x, 0) in each lane. */
// @ts-expect-error: decorator
@inline
export function reluv(x: v128): v128 {
  return f32x4.max(x, f32x4.splat(0.0));
}

/** 1 − x² in each lane (the derivative of tanh from its output). */
// @ts-expect-error: decorator
@inline
export function oneMinusSquare(x: v128): v128 {
  return f32x4.sub(f32x4.splat(1.0), f32x4.mul(x, x));
}

/** x (1 − x) in each lane (the derivative of σ from its output). */
// @ts-expect-error: decorator
@inline
export function sigmoidSlope(x: v128): v128 {
  return f32x4.mul(x, f32x4.sub(f32x4.splat(1.0), x));
}
