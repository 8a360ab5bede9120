/**
 * The model-spec type shared by the trainer (which builds and trains it with tfjs-layers) and the
 * edge (which runs it with core's plain-TypeScript cells or tfjs ops).
 *
 * A spec describes `input [windowLength, 1] → recurrent layers → dense head → [outputs]` (1 output
 * for a point model, 2 — location μ and log-scale ρ — for a gaussian one); its schema (and so its
 * one definition) is `registry/modelSpecSchema.ts`.
 */
import type { z } from 'zod';
import { type CellKind, MODEL_OUTPUT_UNITS, type ModelOutput } from '../constants.js';
import type {
  denseLayerSpecSchema,
  modelSpecSchema,
  recurrentLayerSpecSchema,
} from '../registry/modelSpecSchema.js';

/** Re-exported for core's own modules; the definitions are in `../constants.ts`. */
export type { CellKind, DenseActivation, ModelOutput, Protocol } from '../constants.js';

/** One recurrent layer. Every layer but the last must set `returnSequences: true`. */
export type RecurrentLayerSpec = z.infer<typeof recurrentLayerSpecSchema>;

/** One fully connected layer of the head. */
export type DenseLayerSpec = z.infer<typeof denseLayerSpecSchema>;

/**
 * A whole model: `[windowLength, 1]` → recurrent stack → dense head, whose last layer has
 * {@link outputCount} units. Inferred from the registry schema, which the manifest records it with.
 */
export type ModelSpec = z.infer<typeof modelSpecSchema>;

/** A dense float32 array with its shape (row-major), as tfjs `getWeights()` yields them. */
export interface WeightArray {
  shape: number[];
  values: Float32Array;
}

/**
 * Weights of a recurrent layer in the tfjs/Keras layout, where `k` is the number of gate blocks
 * (SimpleRNN 1; GRU 3 in order z, r, h; LSTM 4 in order i, f, c, o):
 * kernel `[inputSize, k·units]`, recurrentKernel `[units, k·units]`, bias `[k·units]`.
 */
export interface RecurrentWeights {
  kernel: WeightArray;
  recurrentKernel: WeightArray;
  bias: WeightArray;
}

/** Weights of a dense layer: kernel `[inputSize, units]`, bias `[units]`. */
export interface DenseWeights {
  kernel: WeightArray;
  bias: WeightArray;
}

/** All weights of a model, in spec order. */
export interface ModelWeights {
  recurrent: RecurrentWeights[];
  dense: DenseWeights[];
}

/** Number of gate blocks `k` in a cell's fused kernels. */
export function gateCount(cell: CellKind): number {
  return cell === 'simpleRNN' ? 1 : cell === 'gru' ? 3 : 4;
}

/** What a spec's head outputs: its `output`, `'point'` when absent. */
export function modelOutput(spec: Pick<ModelSpec, 'output'>): ModelOutput {
  return spec.output ?? 'point';
}

/**
 * Outputs per window (the last dense layer's units): 1 for a point model; 2 for a gaussian one,
 * `[μ, ρ]` — location and log-scale (`s = exp(ρ)`) in the protocol's scaled space.
 */
export function outputCount(spec: Pick<ModelSpec, 'output'>): 1 | 2 {
  return MODEL_OUTPUT_UNITS[modelOutput(spec)];
}
