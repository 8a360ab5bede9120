/**
 * Trainable-parameter counts from the cell formulas, to state beside the equations and to check
 * the manifest's counts against.
 */
import type { CellKind, ModelSpec } from '@gatecast/core';

/**
 * Gate blocks `k` in a cell's fused kernels: SimpleRNN 1; GRU 3 (z, r, h); LSTM 4 (i, f, c, o).
 *
 * @example gateBlocks('lstm') // => 4
 */
export function gateBlocks(cell: CellKind): 1 | 3 | 4 {
  return cell === 'simpleRNN' ? 1 : cell === 'gru' ? 3 : 4;
}

/**
 * Parameters of one recurrent layer as tfjs-layers builds it: `k·u·(n + u + 1)` — kernel
 * `[n, k·u]`, recurrent kernel `[u, k·u]`, bias `[k·u]` (GRU in its reset_after = false form).
 *
 * @param inputWidth n, the width of each input step (1 for the first layer)
 * @param units u, the state width
 * @example recurrentLayerParameters('gru', 1, 32) // => 3264
 */
export function recurrentLayerParameters(
  cell: CellKind,
  inputWidth: number,
  units: number,
): number {
  return gateBlocks(cell) * units * (inputWidth + units + 1);
}

/**
 * Parameters of a Keras GRU layer in its default reset_after = True form, which carries a second
 * (recurrent) bias: `3u·(n + u + 2)`. Shown for contrast; tfjs-layers does not implement it.
 *
 * @example kerasResetAfterGruParameters(1, 32) // => 3360
 */
export function kerasResetAfterGruParameters(inputWidth: number, units: number): number {
  return 3 * units * (inputWidth + units + 2);
}

/**
 * Parameters of a dense layer: `m·(n + 1)`.
 *
 * @example denseLayerParameters(32, 16) // => 528
 */
export function denseLayerParameters(inputWidth: number, units: number): number {
  return units * (inputWidth + 1);
}

/** One layer's count, with the widths it was computed from. */
export interface LayerCount {
  kind: CellKind | 'dense';
  inputWidth: number;
  units: number;
  parameters: number;
}

/**
 * Every layer's parameter count for a spec whose input has one feature per step.
 *
 * @example layerCounts(lstm32Spec).map((l) => l.parameters) // => [4352, 528, 17]
 */
export function layerCounts(spec: Pick<ModelSpec, 'recurrent' | 'head'>): LayerCount[] {
  const counts: LayerCount[] = [];
  let width = 1;
  for (const layer of spec.recurrent) {
    counts.push({
      kind: layer.cell,
      inputWidth: width,
      units: layer.units,
      parameters: recurrentLayerParameters(layer.cell, width, layer.units),
    });
    width = layer.units;
  }
  for (const layer of spec.head) {
    counts.push({
      kind: 'dense',
      inputWidth: width,
      units: layer.units,
      parameters: denseLayerParameters(width, layer.units),
    });
    width = layer.units;
  }
  return counts;
}

/**
 * Total parameters of a spec from the formulas.
 *
 * @example specParameterCount(lstm32Spec) // => 4897
 */
export function specParameterCount(spec: Pick<ModelSpec, 'recurrent' | 'head'>): number {
  return layerCounts(spec).reduce((sum, layer) => sum + layer.parameters, 0);
}
