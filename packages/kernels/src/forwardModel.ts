/**
 * Serving: a whole model (recurrent stack → dense head) on the kernels, for one window or a batch,
 * one kernel call per layer. Weights are copied into kernel memory once, padded (see
 * `paddedLayout.ts`); each call writes the windows into a shared scratch region, runs the layers
 * there and reads the outputs back.
 */
import type { ModelSpec, ModelWeights, WeightArray } from '@gatecast/core';
import { assertModelSpec, outputCount, weightsToList } from '@gatecast/core';
import { cellKernels } from './cellKernels.js';
import type { Kernels } from './instantiateKernels.js';
import {
  type BlockPlacement,
  modelGeometry,
  place,
  placedSize,
  sourceSize,
} from './paddedLayout.js';

/** A model ready to run on the kernels. */
export interface KernelModel {
  /**
   * Outputs per window, core's `outputCount(spec)`: 1 for a point model, 2 for a gaussian one
   * (`[μ, ρ]`, location and log-scale).
   */
  readonly outputs: 1 | 2;
  /**
   * Runs the model on `count` windows.
   *
   * @param windows - `[count · windowLength]` row-major, in the protocol's scaled space.
   * @returns `[count · outputs]` outputs in the scaled target space, row-major (output `k` of
   *   window `i` at `i · outputs + k`).
   * @throws Error if `windows.length` is not `count · windowLength`.
   */
  predict(windows: ArrayLike<number>, count: number): Float32Array;
}

/** Copies `weights` (tfjs `getWeights()` order) into fresh regions; returns their offsets. */
export function placeWeights(
  kernels: Kernels,
  placements: readonly BlockPlacement[],
  weights: readonly WeightArray[],
): number[] {
  return placements.map((p, i) => {
    const w = weights[i];
    if (w === undefined || w.values.length !== sourceSize(p)) {
      throw new Error(`kernel model: weight ${i} has the wrong size for its layer`);
    }
    const at = kernels.arena.alloc(placedSize(p));
    place(p, w.values, 0, kernels.arena.floats(), at / 4);
    return at;
  });
}

/**
 * Puts a model on the kernels (a point or a gaussian one: the head's last layer is padded like any
 * other, and its first `outputs` columns are read back).
 *
 * @param options.maxBatch - reserve the scratch for batches up to this size now, so that
 *   serving them never grows the kernels' memory.
 * @throws Error when the spec is invalid or a weight's size does not match it.
 * @example createKernelModel(loadKernels(), spec, weights).predict(window, 1) // => Float32Array [0.41]
 */
export function createKernelModel(
  kernels: Kernels,
  spec: ModelSpec,
  weights: ModelWeights,
  options: { maxBatch?: number } = {},
): KernelModel {
  assertModelSpec(spec);
  const outputs = outputCount(spec);
  const geometry = modelGeometry(spec);
  const placements = [
    ...geometry.recurrent.flatMap((l) => [l.kernel, l.recurrentKernel, l.bias]),
    ...geometry.dense.flatMap((l) => [l.kernel, l.bias]),
  ];
  const at = placeWeights(kernels, placements, weightsToList(weights));
  const steps = spec.windowLength;
  const x = kernels.exports;
  const recurrent = geometry.recurrent.map((layer, i) => ({
    ...layer,
    run: cellKernels(x, layer.cell),
    kernel: at[3 * i] as number,
    recurrentKernel: at[3 * i + 1] as number,
    bias: at[3 * i + 2] as number,
  }));
  const denseOffset = 3 * recurrent.length;
  const dense = geometry.dense.map((layer, j) => ({
    ...layer,
    kernel: at[denseOffset + 2 * j] as number,
    bias: at[denseOffset + 2 * j + 1] as number,
  }));
  const scratchFloats = Math.max(...recurrent.map((l) => l.run.forwardScratch(l.units)));
  const last = dense[dense.length - 1];
  if (last === undefined) throw new Error('kernel model: the spec has no dense head');

  // Scratch layout: windows, then each layer's output, then the cells' working floats. Offsets are
  // relative to the shared scratch region; the last batch size's layout is kept, so repeated
  // single forecasts allocate nothing but their result.
  const layoutFor = (count: number) => {
    const sizes = [
      count * steps,
      ...recurrent.map((l) => count * l.units * (l.returnSequences ? steps : 1)),
      ...dense.map((l) => count * l.units),
      scratchFloats,
    ];
    const offsets: number[] = [];
    let cursor = 0;
    for (const size of sizes) {
      offsets.push(cursor);
      cursor += Math.ceil(size / 4) * 16 + 16;
    }
    return { count, offsets, floats: cursor / 4 };
  };
  let layout = layoutFor(options.maxBatch ?? 1);
  kernels.scratch(layout.floats);

  return {
    outputs,
    predict(windows, count) {
      if (windows.length !== count * steps) {
        throw new Error(`expected ${count}×${steps} inputs, got ${windows.length}`);
      }
      if (layout.count !== count) layout = layoutFor(count);
      const base = kernels.scratch(layout.floats);
      const { offsets } = layout;
      const work = base + (offsets[offsets.length - 1] as number);
      kernels.arena.floats().set(windows, base / 4);
      let input = base;
      for (let i = 0; i < recurrent.length; i++) {
        const l = recurrent[i] as (typeof recurrent)[number];
        const out = base + (offsets[1 + i] as number);
        l.run.forward(
          input,
          l.inputs,
          steps,
          count,
          l.kernel,
          l.recurrentKernel,
          l.bias,
          l.units,
          out,
          l.returnSequences ? 1 : 0,
          work,
          0,
        );
        input = out;
      }
      for (let j = 0; j < dense.length; j++) {
        const l = dense[j] as (typeof dense)[number];
        const out = base + (offsets[1 + recurrent.length + j] as number);
        x.denseForward(input, l.inputs, count, l.kernel, l.bias, l.units, l.relu ? 1 : 0, out);
        input = out;
      }
      const floats = kernels.arena.floats();
      const result = new Float32Array(count * outputs);
      const first = input / 4;
      for (let b = 0; b < count; b++) {
        for (let k = 0; k < outputs; k++) {
          result[b * outputs + k] = floats[first + b * last.units + k] as number;
        }
      }
      return result;
    },
  };
}
