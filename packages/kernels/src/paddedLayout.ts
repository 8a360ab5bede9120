/**
 * How a model's weights sit in kernel memory. The kernels work on whole 4-float vectors, so every
 * gate block, state and dense layer is padded to a multiple of 4 columns, with zeros:
 *
 * - recurrent layer with `k` gate blocks of `u` units: kernel `[n, k·u]` → `[n', k·u']`,
 *   recurrentKernel `[u, k·u]` → `[u', k·u']`, bias `[k·u]` → `[k·u']`, where `u' = ⌈u/4⌉·4`,
 *   gate block `g` starting at column `g·u'`, and `n'` = `n` for the first layer (one feature)
 *   or the padded width of the layer below;
 * - dense layer `[n, m]` → `[n', m']`, bias `[m]` → `[m']`.
 *
 * Zero weights keep the padded units at exactly 0 through every cell (σ(0)·0, tanh(0) = 0), so
 * the padded network computes what the unpadded one does.
 */
import { type CellKind, gateCount, type ModelSpec } from '@gatecast/core';

/** `u` rounded up to a multiple of 4. */
export function padded(u: number): number {
  return Math.ceil(u / 4) * 4;
}

/**
 * One weight array's placement: a `[rows, blocks·cols]` array stored as
 * `[paddedRows, blocks·paddedCols]`, each block of `cols` columns at the start of its
 * `paddedCols`-wide slot.
 */
export interface BlockPlacement {
  rows: number;
  paddedRows: number;
  blocks: number;
  cols: number;
  paddedCols: number;
}

/** Floats a placement occupies in kernel memory. */
export function placedSize(p: BlockPlacement): number {
  return p.paddedRows * p.blocks * p.paddedCols;
}

/** Floats of the unpadded array. */
export function sourceSize(p: BlockPlacement): number {
  return p.rows * p.blocks * p.cols;
}

/** Writes `source` (unpadded, row-major) into `target` at float index `at`; padding untouched. */
export function place(
  p: BlockPlacement,
  source: ArrayLike<number>,
  sourceAt: number,
  target: Float32Array,
  at: number,
): void {
  const srcWidth = p.blocks * p.cols;
  const dstWidth = p.blocks * p.paddedCols;
  for (let r = 0; r < p.rows; r++) {
    for (let g = 0; g < p.blocks; g++) {
      const src = sourceAt + r * srcWidth + g * p.cols;
      const dst = at + r * dstWidth + g * p.paddedCols;
      for (let j = 0; j < p.cols; j++) target[dst + j] = source[src + j] as number;
    }
  }
}

/** The inverse of {@link place}: reads the unpadded array out of `source` at float index `at`. */
export function unplace(
  p: BlockPlacement,
  source: Float32Array,
  at: number,
  target: Float32Array,
  targetAt: number,
): void {
  const srcWidth = p.blocks * p.paddedCols;
  const dstWidth = p.blocks * p.cols;
  for (let r = 0; r < p.rows; r++) {
    for (let g = 0; g < p.blocks; g++) {
      const src = at + r * srcWidth + g * p.paddedCols;
      const dst = targetAt + r * dstWidth + g * p.cols;
      for (let j = 0; j < p.cols; j++) target[dst + j] = source[src + j] as number;
    }
  }
}

/** A recurrent layer's geometry in kernel memory. */
export interface RecurrentGeometry {
  kind: 'recurrent';
  cell: CellKind;
  /** Padded units u'. */
  units: number;
  /** Padded input width n' (floats per step of the layer's input). */
  inputs: number;
  returnSequences: boolean;
  kernel: BlockPlacement;
  recurrentKernel: BlockPlacement;
  bias: BlockPlacement;
}

/** A dense layer's geometry in kernel memory. */
export interface DenseGeometry {
  kind: 'dense';
  relu: boolean;
  /** Padded input width n'. */
  inputs: number;
  /** Padded units m'. */
  units: number;
  kernel: BlockPlacement;
  bias: BlockPlacement;
}

/** Every layer of a spec, in order (recurrent stack, then head), as the kernels see it. */
export function modelGeometry(spec: ModelSpec): {
  recurrent: RecurrentGeometry[];
  dense: DenseGeometry[];
} {
  let inputs = 1;
  let realInputs = 1;
  const recurrent = spec.recurrent.map((layer): RecurrentGeometry => {
    const k = gateCount(layer.cell);
    const units = padded(layer.units);
    const block = (rows: number, paddedRows: number): BlockPlacement => ({
      rows,
      paddedRows,
      blocks: k,
      cols: layer.units,
      paddedCols: units,
    });
    const geometry: RecurrentGeometry = {
      kind: 'recurrent',
      cell: layer.cell,
      units,
      inputs,
      returnSequences: layer.returnSequences,
      kernel: block(realInputs, inputs),
      recurrentKernel: block(layer.units, units),
      bias: block(1, 1),
    };
    inputs = units;
    realInputs = layer.units;
    return geometry;
  });
  const dense = spec.head.map((layer): DenseGeometry => {
    const units = padded(layer.units);
    const block = (rows: number, paddedRows: number): BlockPlacement => ({
      rows,
      paddedRows,
      blocks: 1,
      cols: layer.units,
      paddedCols: units,
    });
    const geometry: DenseGeometry = {
      kind: 'dense',
      relu: layer.activation === 'relu',
      inputs,
      units,
      kernel: block(realInputs, inputs),
      bias: block(1, 1),
    };
    inputs = units;
    realInputs = layer.units;
    return geometry;
  });
  return { recurrent, dense };
}

/** Placements of every weight in tfjs `getWeights()` order (3 per recurrent, 2 per dense layer). */
export function weightPlacements(spec: ModelSpec): BlockPlacement[] {
  const { recurrent, dense } = modelGeometry(spec);
  return [
    ...recurrent.flatMap((l) => [l.kernel, l.recurrentKernel, l.bias]),
    ...dense.flatMap((l) => [l.kernel, l.bias]),
  ];
}
