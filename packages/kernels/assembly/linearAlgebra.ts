// The products every kernel is made of, on row-major float32 matrices whose column counts are
// multiples of 4 (the kernels pad gate blocks to whole vectors). Pointers are byte offsets into
// the module's memory, sizes are in floats. Accumulators are kept in registers over the inner
// (row or sample) loop: 4 vectors (16 columns) at a time, then 1. (With 8, V8's register
// allocator spills them: measured twice as slow per multiply-add.)

/**
 * out[c] = init[c] + Σ_r vecA[r] · matA[r·stride + c] + Σ_r vecB[r] · matB[r·stride + c]
 * for c < cols: row vectors times column blocks of two matrices with the same row stride (a
 * step's gate pre-activations: bias + x_t W + h_{t−1} U). `out` may equal `init`.
 */
export function gemv2(
  out: usize,
  init: usize,
  vecA: usize,
  rowsA: i32,
  matA: usize,
  vecB: usize,
  rowsB: i32,
  matB: usize,
  stride: i32,
  cols: i32,
): void {
  const rowBytes = (<usize>stride) << 2;
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const o = out + ((<usize>c) << 2);
    const i = init + ((<usize>c) << 2);
    let a0 = v128.load(i, 0);
    let a1 = v128.load(i, 16);
    let a2 = v128.load(i, 32);
    let a3 = v128.load(i, 48);
    let m: usize;
    m = matA + ((<usize>c) << 2);
    for (let r = 0; r < rowsA; r++) {
      const s = v128.load_splat<f32>(vecA + ((<usize>r) << 2));
      a0 = f32x4.add(a0, f32x4.mul(s, v128.load(m, 0)));
      a1 = f32x4.add(a1, f32x4.mul(s, v128.load(m, 16)));
      a2 = f32x4.add(a2, f32x4.mul(s, v128.load(m, 32)));
      a3 = f32x4.add(a3, f32x4.mul(s, v128.load(m, 48)));
      m += rowBytes;
    }
    m = matB + ((<usize>c) << 2);
    for (let r = 0; r < rowsB; r++) {
      const s = v128.load_splat<f32>(vecB + ((<usize>r) << 2));
      a0 = f32x4.add(a0, f32x4.mul(s, v128.load(m, 0)));
      a1 = f32x4.add(a1, f32x4.mul(s, v128.load(m, 16)));
      a2 = f32x4.add(a2, f32x4.mul(s, v128.load(m, 32)));
      a3 = f32x4.add(a3, f32x4.mul(s, v128.load(m, 48)));
      m += rowBytes;
    }
    v128.store(o, a0, 0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
  }
  for (; c < cols; c += 4) {
    const o = out + ((<usize>c) << 2);
    const i = init + ((<usize>c) << 2);
    let a0 = v128.load(i, 0);
    let m: usize;
    m = matA + ((<usize>c) << 2);
    for (let r = 0; r < rowsA; r++) {
      const s = v128.load_splat<f32>(vecA + ((<usize>r) << 2));
      a0 = f32x4.add(a0, f32x4.mul(s, v128.load(m, 0)));
      m += rowBytes;
    }
    m = matB + ((<usize>c) << 2);
    for (let r = 0; r < rowsB; r++) {
      const s = v128.load_splat<f32>(vecB + ((<usize>r) << 2));
      a0 = f32x4.add(a0, f32x4.mul(s, v128.load(m, 0)));
      m += rowBytes;
    }
    v128.store(o, a0, 0);
  }
}

/**
 * {@link gemv2} for two windows at once, sharing every matrix load:
 * outA[c] = initA[c] + xA · matX[:, c] + hA · matH[:, c], and the same for B, for c < cols.
 * Two windows × four columns keep eight accumulators (no spill: unlike one window × eight, each
 * loaded matrix vector is used twice); measured ~25% less time per multiply-add than two calls.
 */
export function gemv2Pair(
  outA: usize,
  outB: usize,
  initA: usize,
  initB: usize,
  xA: usize,
  xB: usize,
  rowsX: i32,
  matX: usize,
  hA: usize,
  hB: usize,
  rowsH: i32,
  matH: usize,
  stride: i32,
  cols: i32,
): void {
  const rowBytes = (<usize>stride) << 2;
  let c = 0;
  for (; c + 16 <= cols; c += 16) {
    const oa = outA + ((<usize>c) << 2);
    const ob = outB + ((<usize>c) << 2);
    const ia = initA + ((<usize>c) << 2);
    const ib = initB + ((<usize>c) << 2);
    let a0 = v128.load(ia, 0);
    let a1 = v128.load(ia, 16);
    let a2 = v128.load(ia, 32);
    let a3 = v128.load(ia, 48);
    let b0 = v128.load(ib, 0);
    let b1 = v128.load(ib, 16);
    let b2 = v128.load(ib, 32);
    let b3 = v128.load(ib, 48);
    let m: usize;
    m = matX + ((<usize>c) << 2);
    for (let r = 0; r < rowsX; r++) {
      const sa = v128.load_splat<f32>(xA + ((<usize>r) << 2));
      const sb = v128.load_splat<f32>(xB + ((<usize>r) << 2));
      const u0 = v128.load(m, 0);
      a0 = f32x4.add(a0, f32x4.mul(sa, u0));
      b0 = f32x4.add(b0, f32x4.mul(sb, u0));
      const u1 = v128.load(m, 16);
      a1 = f32x4.add(a1, f32x4.mul(sa, u1));
      b1 = f32x4.add(b1, f32x4.mul(sb, u1));
      const u2 = v128.load(m, 32);
      a2 = f32x4.add(a2, f32x4.mul(sa, u2));
      b2 = f32x4.add(b2, f32x4.mul(sb, u2));
      const u3 = v128.load(m, 48);
      a3 = f32x4.add(a3, f32x4.mul(sa, u3));
      b3 = f32x4.add(b3, f32x4.mul(sb, u3));
      m += rowBytes;
    }
    m = matH + ((<usize>c) << 2);
    for (let r = 0; r < rowsH; r++) {
      const sa = v128.load_splat<f32>(hA + ((<usize>r) << 2));
      const sb = v128.load_splat<f32>(hB + ((<usize>r) << 2));
      const u0 = v128.load(m, 0);
      a0 = f32x4.add(a0, f32x4.mul(sa, u0));
      b0 = f32x4.add(b0, f32x4.mul(sb, u0));
      const u1 = v128.load(m, 16);
      a1 = f32x4.add(a1, f32x4.mul(sa, u1));
      b1 = f32x4.add(b1, f32x4.mul(sb, u1));
      const u2 = v128.load(m, 32);
      a2 = f32x4.add(a2, f32x4.mul(sa, u2));
      b2 = f32x4.add(b2, f32x4.mul(sb, u2));
      const u3 = v128.load(m, 48);
      a3 = f32x4.add(a3, f32x4.mul(sa, u3));
      b3 = f32x4.add(b3, f32x4.mul(sb, u3));
      m += rowBytes;
    }
    v128.store(oa, a0, 0);
    v128.store(oa, a1, 16);
    v128.store(oa, a2, 32);
    v128.store(oa, a3, 48);
    v128.store(ob, b0, 0);
    v128.store(ob, b1, 16);
    v128.store(ob, b2, 32);
    v128.store(ob, b3, 48);
  }
  for (; c < cols; c += 4) {
    const oa = outA + ((<usize>c) << 2);
    const ob = outB + ((<usize>c) << 2);
    const ia = initA + ((<usize>c) << 2);
    const ib = initB + ((<usize>c) << 2);
    let a0 = v128.load(ia, 0);
    let b0 = v128.load(ib, 0);
    let m: usize;
    m = matX + ((<usize>c) << 2);
    for (let r = 0; r < rowsX; r++) {
      const sa = v128.load_splat<f32>(xA + ((<usize>r) << 2));
      const sb = v128.load_splat<f32>(xB + ((<usize>r) << 2));
      const u0 = v128.load(m, 0);
      a0 = f32x4.add(a0, f32x4.mul(sa, u0));
      b0 = f32x4.add(b0, f32x4.mul(sb, u0));
      m += rowBytes;
    }
    m = matH + ((<usize>c) << 2);
    for (let r = 0; r < rowsH; r++) {
      const sa = v128.load_splat<f32>(hA + ((<usize>r) << 2));
      const sb = v128.load_splat<f32>(hB + ((<usize>r) << 2));
      const u0 = v128.load(m, 0);
      a0 = f32x4.add(a0, f32x4.mul(sa, u0));
      b0 = f32x4.add(b0, f32x4.mul(sb, u0));
      m += rowBytes;
    }
    v128.store(oa, a0, 0);
    v128.store(ob, b0, 0);
  }
}

/**
 * out[c] += Σ_r vec[r] · mat[r·stride + c]   for r < rows, c < cols.
 * A row vector times a column block of a matrix.
 */
export function gemvAcc(
  out: usize,
  vec: usize,
  rows: i32,
  mat: usize,
  stride: i32,
  cols: i32,
): void {
  gemv2(out, out, vec, rows, mat, 0, 0, 0, stride, cols);
}

/**
 * dst[r·dstStride + c] += Σ_s left[s·leftStride + r] · right[s·rightStride + c]
 * for r < leftCols, c < rightCols, s < samples: `dst += leftᵀ · right`, the weight gradient of a
 * product summed over every window and step. Each dst row is a {@link gemvAcc} whose "vector" is
 * column r of `left` (read with stride `leftStride`).
 */
export function matTmulAcc(
  dst: usize,
  dstStride: i32,
  left: usize,
  leftStride: i32,
  leftCols: i32,
  right: usize,
  rightStride: i32,
  rightCols: i32,
  samples: i32,
): void {
  const leftBytes = (<usize>leftStride) << 2;
  const rightBytes = (<usize>rightStride) << 2;
  for (let r = 0; r < leftCols; r++) {
    const row = dst + ((<usize>(r * dstStride)) << 2);
    const column = left + ((<usize>r) << 2);
    let c = 0;
    for (; c + 16 <= rightCols; c += 16) {
      const o = row + ((<usize>c) << 2);
      let a0 = v128.load(o, 0);
      let a1 = v128.load(o, 16);
      let a2 = v128.load(o, 32);
      let a3 = v128.load(o, 48);
      let l = column;
      let m = right + ((<usize>c) << 2);
      for (let s = 0; s < samples; s++) {
        const v = v128.load_splat<f32>(l);
        a0 = f32x4.add(a0, f32x4.mul(v, v128.load(m, 0)));
        a1 = f32x4.add(a1, f32x4.mul(v, v128.load(m, 16)));
        a2 = f32x4.add(a2, f32x4.mul(v, v128.load(m, 32)));
        a3 = f32x4.add(a3, f32x4.mul(v, v128.load(m, 48)));
        l += leftBytes;
        m += rightBytes;
      }
      v128.store(o, a0, 0);
      v128.store(o, a1, 16);
      v128.store(o, a2, 32);
      v128.store(o, a3, 48);
    }
    for (; c < rightCols; c += 4) {
      const o = row + ((<usize>c) << 2);
      let a0 = v128.load(o, 0);
      let l = column;
      let m = right + ((<usize>c) << 2);
      for (let s = 0; s < samples; s++) {
        a0 = f32x4.add(a0, f32x4.mul(v128.load_splat<f32>(l), v128.load(m, 0)));
        l += leftBytes;
        m += rightBytes;
      }
      v128.store(o, a0, 0);
    }
  }
}

/** dst[c] += Σ_s src[s·stride + c] for c < cols, s < samples (a bias gradient). */
export function columnSumAcc(dst: usize, src: usize, stride: i32, cols: i32, samples: i32): void {
  const bytes = (<usize>stride) << 2;
  for (let c = 0; c < cols; c += 4) {
    const o = dst + ((<usize>c) << 2);
    let a = v128.load(o);
    let m = src + ((<usize>c) << 2);
    for (let s = 0; s < samples; s++) {
      a = f32x4.add(a, v128.load(m));
      m += bytes;
    }
    v128.store(o, a);
  }
}

/** dst[c·rows + r] = src[r·cols + c]: the [cols, rows] transpose of a [rows, cols] matrix. */
export function transpose(dst: usize, src: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(
        dst + ((<usize>(c * rows + r)) << 2),
        load<f32>(src + ((<usize>(r * cols + c)) << 2)),
      );
    }
  }
}

/** Sets `count` floats at `ptr` to 0 (`count` a multiple of 4; a vector loop, no runtime call). */
export function zero(ptr: usize, count: i32): void {
  const end = ptr + ((<usize>count) << 2);
  for (let p = ptr; p < end; p += 16) v128.store(p, f32x4.splat(0));
}

/** Copies `count` floats (a multiple of 4) from `src` to `dst`; the regions must not overlap. */
export function copy(dst: usize, src: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  for (let k: usize = 0; k < bytes; k += 16) v128.store(dst + k, v128.load(src + k));
}
