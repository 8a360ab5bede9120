import { denseForward } from '../cells/dense.js';
import { gruForward } from '../cells/gru.js';
import { lstmForward } from '../cells/lstm.js';
import type { RecurrentForwardOptions } from '../cells/recurrentForwardOptions.js';
import { simpleRnnForward } from '../cells/simpleRnn.js';
import { denseLayerName, recurrentLayerName } from './layerNames.js';
import type { CellKind, ModelSpec, ModelWeights, RecurrentWeights } from './modelSpec.js';
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
 * @returns the model's single output, in the same scaled space as its training targets.
 * @throws Error if the spec is invalid, the window length differs from `spec.windowLength`, or a
 *   weight is missing or has the wrong shape.
 */
export function modelForward(
  spec: ModelSpec,
  weights: ModelWeights,
  window: ArrayLike<number>,
): number {
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
  spec.head.forEach((layer, i) => {
    const layerWeights = weights.dense[i];
    if (layerWeights === undefined)
      throw new Error(`modelForward: no weights for ${denseLayerName(i)}`);
    sequence = denseForward(sequence, layerWeights, layer.activation);
  });
  return sequence[0] as number;
}

/**
 * Runs {@link modelForward} on each window.
 *
 * @param windows - `numWindows` arrays of `[windowLength]` scaled inputs.
 * @returns `[numWindows]` outputs, in the scaled target space.
 */
export function modelForwardBatch(
  spec: ModelSpec,
  weights: ModelWeights,
  windows: readonly ArrayLike<number>[],
): Float32Array {
  const output = new Float32Array(windows.length);
  windows.forEach((window, i) => {
    output[i] = modelForward(spec, weights, window);
  });
  return output;
}
