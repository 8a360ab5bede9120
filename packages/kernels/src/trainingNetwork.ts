/**
 * Training: the whole network (recurrent stack → dense head → loss) on the kernels, forward with a
 * tape and backward through time, one kernel call per layer each way. The loss is the mean
 * squared error for a point spec and, for a gaussian one (`output: 'gaussian'`, a `[μ, ρ]` head),
 * the Gaussian negative log-likelihood (`assembly/dense.ts`, `gaussianNll`). The
 * parameters come and go as one flat vector in tfjs `getWeights()` order (every weight flattened
 * row-major and concatenated), so an optimizer outside (tfjs' adam) can own them.
 *
 * Gradient flow, top to bottom: dL/dŷ (the loss kernel's, e.g. (2/B)(ŷ − y)) → the head's backward (dense.ts) → dh_{T−1}
 * of the last recurrent layer → its BPTT → dx_t of its input = dh_t of the layer below (every
 * step, since inner layers return sequences) → … Weight gradients are summed over every window
 * and step inside each kernel.
 */
import type { ModelSpec } from '@gatecast/core';
import { assertModelSpec, modelOutput } from '@gatecast/core';
import { cellKernels } from './cellKernels.js';
import type { Kernels } from './instantiateKernels.js';
import {
  type BlockPlacement,
  modelGeometry,
  place,
  placedSize,
  sourceSize,
  unplace,
} from './paddedLayout.js';

/** A model's training step on the kernels. */
export interface TrainingNetwork {
  /** Parameters in the flat vector (the model's parameter count). */
  readonly parameterCount: number;
  /** Largest batch the network was built for. */
  readonly maxBatch: number;
  /**
   * The loss of one batch and its gradient: the mean squared error for a point spec, the mean
   * Gaussian negative log-likelihood of `[μ, ρ]` (with its ½ log 2π, nats per window) for a
   * gaussian one.
   *
   * @param parameters - `[parameterCount]`, tfjs `getWeights()` order, flattened.
   * @param inputs - `[count · windowLength]` windows (one feature), row-major.
   * @param targets - `[count]`.
   * @returns the loss (scaled space) and `[parameterCount]` ∂loss/∂parameters (a new
   *   array, same order as `parameters`).
   * @throws Error when `count` exceeds `maxBatch` or an array has the wrong length.
   */
  lossAndGradient(
    parameters: ArrayLike<number>,
    inputs: ArrayLike<number>,
    targets: ArrayLike<number>,
    count: number,
  ): { loss: number; gradient: Float32Array };
}

/**
 * Lays a model out in kernel memory for training batches of up to `maxBatch` windows.
 *
 * @throws Error when the spec is invalid or its last recurrent layer returns sequences.
 */
export function createTrainingNetwork(
  kernels: Kernels,
  spec: ModelSpec,
  options: { maxBatch: number },
): TrainingNetwork {
  assertModelSpec(spec);
  const { maxBatch } = options;
  const x = kernels.exports;
  const arena = kernels.arena;
  const steps = spec.windowLength;
  const samples = maxBatch * steps;
  const geometry = modelGeometry(spec);
  const top = geometry.recurrent[geometry.recurrent.length - 1];
  if (top === undefined || top.returnSequences) {
    throw new Error('training network: the last recurrent layer must return its last state only');
  }
  const placements: BlockPlacement[] = [
    ...geometry.recurrent.flatMap((l) => [l.kernel, l.recurrentKernel, l.bias]),
    ...geometry.dense.flatMap((l) => [l.kernel, l.bias]),
  ];
  const weightAt = placements.map((p) => arena.alloc(placedSize(p)));
  const gradientAt = placements.map((p) => arena.alloc(placedSize(p)));
  const sourceAt: number[] = [];
  let parameterCount = 0;
  for (const p of placements) {
    sourceAt.push(parameterCount);
    parameterCount += sourceSize(p);
  }
  const input = arena.alloc(samples);
  const targetsAt = arena.alloc(maxBatch);

  let scratchFloats = 0;
  const recurrent = geometry.recurrent.map((layer, i) => {
    const cell = cellKernels(x, layer.cell);
    const outFloats = maxBatch * layer.units * (layer.returnSequences ? steps : 1);
    scratchFloats = Math.max(
      scratchFloats,
      cell.forwardScratch(layer.units),
      cell.backwardScratch(layer.units, layer.inputs, samples),
    );
    return {
      ...layer,
      cell,
      weights: weightAt.slice(3 * i, 3 * i + 3) as [number, number, number],
      gradients: gradientAt.slice(3 * i, 3 * i + 3) as [number, number, number],
      out: arena.alloc(outFloats),
      tape: arena.alloc(cell.tapeSize(layer.units, samples)),
      // ∂L/∂(this layer's input sequence), for the layer below; none for the first layer.
      dInput: i > 0 ? arena.alloc(samples * layer.inputs) : 0,
    };
  });
  const denseOffset = 3 * recurrent.length;
  const dense = geometry.dense.map((layer, j) => {
    scratchFloats = Math.max(scratchFloats, x.denseBackwardScratch(layer.inputs, layer.units));
    return {
      ...layer,
      weights: weightAt.slice(denseOffset + 2 * j, denseOffset + 2 * j + 2) as [number, number],
      gradients: gradientAt.slice(denseOffset + 2 * j, denseOffset + 2 * j + 2) as [number, number],
      y: arena.alloc(maxBatch * layer.units),
      dy: arena.alloc(maxBatch * layer.units),
    };
  });
  const dTop = arena.alloc(maxBatch * top.units);
  const scratch = arena.alloc(scratchFloats);
  const last = dense[dense.length - 1];
  if (last === undefined) throw new Error('training network: the spec has no dense head');
  const lossKernel = modelOutput(spec) === 'gaussian' ? x.gaussianNll : x.meanSquaredError;

  return {
    parameterCount,
    maxBatch,
    lossAndGradient(parameters, inputs, targets, count) {
      if (!Number.isInteger(count) || count < 1 || count > maxBatch) {
        throw new Error(`training network: batch of ${count}, built for 1..${maxBatch}`);
      }
      if (parameters.length !== parameterCount) {
        throw new Error(
          `training network: ${parameters.length} parameters, expected ${parameterCount}`,
        );
      }
      if (inputs.length !== count * steps || targets.length !== count) {
        throw new Error(`training network: expected ${count}×${steps} inputs and ${count} targets`);
      }
      const f = arena.floats();
      placements.forEach((p, k) => {
        place(p, parameters, sourceAt[k] as number, f, (weightAt[k] as number) / 4);
      });
      f.set(inputs, input / 4);
      f.set(targets, targetsAt / 4);

      let layerInput = input;
      for (const l of recurrent) {
        const [kernel, recurrentKernel, bias] = l.weights;
        const sequences = l.returnSequences ? 1 : 0;
        l.cell.forward(
          layerInput,
          l.inputs,
          steps,
          count,
          kernel,
          recurrentKernel,
          bias,
          l.units,
          l.out,
          sequences,
          scratch,
          l.tape,
        );
        layerInput = l.out;
      }
      const headInput = layerInput;
      for (const l of dense) {
        x.denseForward(
          layerInput,
          l.inputs,
          count,
          l.weights[0],
          l.weights[1],
          l.units,
          l.relu ? 1 : 0,
          l.y,
        );
        layerInput = l.y;
      }
      const loss = lossKernel(last.y, last.units, targetsAt, count, last.dy);

      placements.forEach((p, k) => {
        x.zero(gradientAt[k] as number, placedSize(p));
      });
      for (let j = dense.length - 1; j >= 0; j--) {
        const l = dense[j] as (typeof dense)[number];
        const below = j > 0 ? (dense[j - 1] as (typeof dense)[number]) : undefined;
        x.denseBackward(
          below ? below.y : headInput,
          l.inputs,
          count,
          l.weights[0],
          l.units,
          l.relu ? 1 : 0,
          l.y,
          l.dy,
          l.gradients[0],
          l.gradients[1],
          below ? below.dy : dTop,
          scratch,
        );
      }
      for (let i = recurrent.length - 1; i >= 0; i--) {
        const l = recurrent[i] as (typeof recurrent)[number];
        const above = recurrent[i + 1];
        const belowOut = i > 0 ? (recurrent[i - 1] as (typeof recurrent)[number]).out : input;
        const [kernel, recurrentKernel] = l.weights;
        const [dKernel, dRecurrent, dBias] = l.gradients;
        l.cell.backward(
          belowOut,
          l.inputs,
          steps,
          count,
          kernel,
          recurrentKernel,
          l.units,
          l.tape,
          above ? above.dInput : dTop,
          above ? 1 : 0,
          l.dInput,
          dKernel,
          dRecurrent,
          dBias,
          scratch,
        );
      }

      const gradient = new Float32Array(parameterCount);
      const g = arena.floats();
      placements.forEach((p, k) => {
        unplace(p, g, (gradientAt[k] as number) / 4, gradient, sourceAt[k] as number);
      });
      return { loss, gradient };
    },
  };
}
