// Four-lane float32 activations for the kernels (AssemblyScript, 128-bit SIMD).
//
// exp: x = n·ln2 + r with |r| ≤ ln2/2, e^r ≈ 1 + r + r²·p(r) with p of degree 3 fitted for least
// relative error (Lawson-weighted least squares on [−ln2/2, ln2/2]), 2^n built in the exponent
// bits. Relative error evaluated in float32 against float64 exp (numpy, 2·10⁶ points): 1.7e−7 for
// |x| ≤ 1, 6.7e−7 for |x| ≤ 10, 4.2e−6 for |x| ≤ 80. The input is clamped to ±80, so σ and tanh
// saturate without overflow or denormals (σ(−80) ≈ 1.8e−35).
//
//     σ(x)    = 1 / (1 + e^(−x))
//     tanh(x) = 1 − 2 / (1 + e^(2x))   (absolute error ≈ 1e−7 near 0)

const LOG2E: f32 = 1.44269504088896341;
const LN2: f32 = 0.693147182;
const LIMIT: f32 = 80.0;
/** 1.5·2²³ + 127: adding it rounds to an integer kept in the low mantissa bits, biased by 127. */
const SHIFT: f32 = 12582912.0 + 127.0;

/**
 * e^x in each lane (x clamped to [−80, 80]). n = round(x·log2 e) comes from adding 1.5·2²³ + 127
 * (round to nearest even in the addition itself): the sum's low mantissa bits are n + 127, the
 * biased exponent of 2^n, and subtracting the constant back gives n exactly. pmin/pmax are plain
 * minps/maxps (f32x4.min/max spend extra instructions on NaN rules the clamp does not need).
 * r = x − n·ln2 with one float32 ln2: its error (≤ ulp(x)/2) changes e^x by ≤ 5e−7 relative at
 * |x| = 10 and ≤ 4e−6 at 80, where σ and tanh are saturated to far below that.
 */
// @ts-expect-error: decorator
@inline
export function expv(x: v128): v128 {
  const c = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-LIMIT)), f32x4.splat(LIMIT));
  const t = f32x4.add(f32x4.mul(c, f32x4.splat(LOG2E)), f32x4.splat(SHIFT));
  const n = f32x4.sub(t, f32x4.splat(SHIFT));
  const r = f32x4.sub(c, f32x4.mul(n, f32x4.splat(LN2)));
  // 1 + r + r²·p(r) in Horner form: 1 + r(1 + r(c0 + r(c1 + r(c2 + r·c3)))).
  let p = f32x4.add(f32x4.mul(f32x4.splat(8.3125252e-3), r), f32x4.splat(4.1890114e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6667114e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.9999232e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  return f32x4.mul(p, i32x4.shl(t, 23));
}

/** Logistic σ in each lane: 1 / (1 + e^(−x)). */
// @ts-expect-error: decorator
@inline
export function sigmoidv(x: v128): v128 {
  return f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), expv(f32x4.neg(x))));
}

/** tanh in each lane, as 1 − 2 / (1 + e^(2x)) (= 2σ(2x) − 1; absolute error ≈ 1e−7 near 0). */
// @ts-expect-error: decorator
@inline
export function tanhv(x: v128): v128 {
  const e = expv(f32x4.add(x, x));
  return f32x4.sub(f32x4.splat(1.0), f32x4.div(f32x4.splat(2.0), f32x4.add(f32x4.splat(1.0), e)));
}

/** max(x, 0) in each lane. */
// @ts-expect-error: decorator
@inline
export function reluv(x: v128): v128 {
  return f32x4.pmax(x, f32x4.splat(0.0));
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
