/**
 * The one linear-algebra kernel the cells need: add a row vector times a column block of a
 * row-major matrix into an output buffer. Kept in one place so every cell shares the same
 * cache-friendly loop order (the inner loop walks contiguous matrix rows).
 */

/**
 * Accumulates `out[outOffset + j] += Σ_i vec[i] · matrix[i · rowStride + colOffset + j]`
 * for `i < vec.length`, `j < cols`.
 *
 * With tfjs' fused kernels (`[inputSize, k·units]`, row-major) this computes the pre-activations of
 * one or more gate blocks: `colOffset` selects the first gate column, `cols` how many columns.
 * The argument types are fixed (`Float64Array`, `Float32Array`) so V8 keeps the loop monomorphic;
 * rows are taken four at a time to cut loads and stores of `out` by four.
 *
 * @param out - accumulator, length ≥ `outOffset + cols`; updated in place.
 * @param vec - the row vector (its whole length is used).
 * @param matrix - row-major matrix with `rowStride` columns and at least `vec.length` rows.
 */
export function addVectorTimesMatrix(
  out: Float64Array,
  outOffset: number,
  vec: Float64Array,
  matrix: Float32Array,
  rowStride: number,
  colOffset: number,
  cols: number,
): void {
  const rows = vec.length;
  const end = outOffset + cols;
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const v0 = vec[i] as number;
    const v1 = vec[i + 1] as number;
    const v2 = vec[i + 2] as number;
    const v3 = vec[i + 3] as number;
    const b0 = i * rowStride + colOffset - outOffset;
    const b1 = b0 + rowStride;
    const b2 = b1 + rowStride;
    const b3 = b2 + rowStride;
    for (let j = outOffset; j < end; j++) {
      out[j] =
        (out[j] as number) +
        v0 * (matrix[b0 + j] as number) +
        v1 * (matrix[b1 + j] as number) +
        v2 * (matrix[b2 + j] as number) +
        v3 * (matrix[b3 + j] as number);
    }
  }
  for (; i < rows; i++) {
    const v = vec[i] as number;
    const base = i * rowStride + colOffset - outOffset;
    for (let j = outOffset; j < end; j++) {
      out[j] = (out[j] as number) + v * (matrix[base + j] as number);
    }
  }
}

/**
 * Copies row `row` of a row-major `[rows, width]` sequence into `target` (length `width`), so the
 * cells can feed any `ArrayLike` input to the monomorphic {@link addVectorTimesMatrix}.
 */
export function copyRow(target: Float64Array, source: ArrayLike<number>, row: number): void {
  const width = target.length;
  const offset = row * width;
  for (let k = 0; k < width; k++) target[k] = source[offset + k] as number;
}
