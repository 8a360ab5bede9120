import { denseForward } from '../cells/dense.js';
import { gruForward } from '../cells/gru.js';
import { lstmForward } from '../cells/lstm.js';
import type { RecurrentForwardOptions } from '../cells/recurrentForwardOptions.js';
import { simpleRnnForward } from '../cells/simpleRnn.js';
import { denseLayerName, recurrentLayerName } from './layerNames.js';
import {
  type CellKind,
  type ModelSpec,
  type ModelWeights,
  outputCount,
  type RecurrentWeights,
} from './modelSpec.js';
import { assertModelSpec } from './validateSpec.js';

type CellForward = (
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  options: RecurrentForwardOptions,
) => Float32Array;

const cellForwards: Record<CellKind, CellForward> = {
  simpleRNN: simpleRnnForward,
  gru: gruForward,
  lstm: lstmForward,
};

/**
 * Runs a whole model on one window with core's plain-TypeScript cells; numerically equal (to
 * float32 rounding) to tfjs `model.predict` on a `[1, windowLength, 1]` tensor.
 *
 * @param window - `[windowLength]` inputs, already in the protocol's scaled space (raw index
 *   levels for `'reference'`, scaled log ratios for `'relative'`).
 * @returns `[outputCount(spec)]` outputs, in the same scaled space as the training targets: the
 *   forecast of a point model; `[μ, ρ]` of a gaussian one (location, and log-scale: `s = exp(ρ)`
 *   in the units of μ).
 * @throws Error if the spec is invalid, the window length differs from `spec.windowLength`, or a
 *   weight is missing or has the wrong shape.
 */
export function modelOutputs(
  spec: ModelSpec,
  weights: ModelWeights,
  window: ArrayLike<number>,
): Float32Array {
  assertModelSpec(spec);
  const timeSteps = spec.windowLength;
  if (window.length !== timeSteps) {
    throw new Error(`modelForward: window has ${window.length} values, spec needs ${timeSteps}`);
  }
  // Input [T, 1] row-major is the window itself.
  let sequence: ArrayLike<number> = window;
  spec.recurrent.forEach((layer, i) => {
    const layerWeights = weights.recurrent[i];
    if (layerWeights === undefined)
      throw new Error(`modelForward: no weights for ${recurrentLayerName(i)}`);
    sequence = cellForwards[layer.cell](sequence, timeSteps, layerWeights, layer.units, {
      returnSequences: layer.returnSequences,
    });
  });
  let output: Float32Array = new Float32Array(0);
  spec.head.forEach((layer, i) => {
    const layerWeights = weights.dense[i];
    if (layerWeights === undefined)
      throw new Error(`modelForward: no weights for ${denseLayerName(i)}`);
    output = denseForward(sequence, layerWeights, layer.activation);
    sequence = output;
  });
  return output;
}

/**
 * The model's first output on one window (see {@link modelOutputs}): the forecast of a point
 * model, the location μ of a gaussian one, in the scaled target space.
 */
export function modelForward(
  spec: ModelSpec,
  weights: ModelWeights,
  window: ArrayLike<number>,
): number {
  return modelOutputs(spec, weights, window)[0] as number;
}

/**
 * Runs {@link modelOutputs} on each window.
 *
 * @param windows - `numWindows` arrays of `[windowLength]` scaled inputs.
 * @returns `[numWindows · outputCount(spec)]` outputs, row-major (output `k` of window `i` at
 *   `i · outputCount(spec) + k`; for a point model simply `[numWindows]`), in the scaled target
 *   space.
 */
export function modelForwardBatch(
  spec: ModelSpec,
  weights: ModelWeights,
  windows: readonly ArrayLike<number>[],
): Float32Array {
  const outputs = outputCount(spec);
  const output = new Float32Array(windows.length * outputs);
  windows.forEach((window, i) => {
    output.set(modelOutputs(spec, weights, window), i * outputs);
  });
  return output;
}
