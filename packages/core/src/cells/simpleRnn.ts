/**
 * SimpleRNN (Elman) cell, as tfjs-layers' `SimpleRNNCell` with activation tanh.
 *
 * Gate equations, for input x_t (width n) and hidden state h_{t−1} (width u), h_0 = 0:
 *
 *     h_t = tanh(x_t W + h_{t−1} U + b)
 *
 * Weights (tfjs/Keras layout, k = 1 block): W = kernel [n, u], U = recurrentKernel [u, u], b = bias [u].
 * Parameter count: u · (n + u + 1), e.g. SimpleRNN(32) on 1 input feature = 1,088.
 */
import type { RecurrentWeights } from '../model/modelSpec.js';
import type { RecurrentForwardOptions } from './recurrentForwardOptions.js';
import { checkRecurrentArguments } from './recurrentShapes.js';
import { addVectorTimesMatrix, copyRow } from './vectorMatrix.js';

/**
 * Runs a SimpleRNN layer over a whole sequence from a zero initial state.
 *
 * @param input - `[timeSteps, inputSize]` row-major; `inputSize` is read from the kernel.
 * @param weights - kernel `[inputSize, units]`, recurrentKernel `[units, units]`, bias `[units]`.
 * @returns `[timeSteps, units]` if `returnSequences`, else the last state `[units]`.
 * @throws Error if a weight shape or the input length does not match.
 * @example simpleRnnForward(new Float32Array(12), 12, weights, 32, { returnSequences: false }) // => Float32Array(32)
 */
export function simpleRnnForward(
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  options: RecurrentForwardOptions,
): Float32Array {
  const inputSize = checkRecurrentArguments(
    'simpleRnnForward',
    input,
    timeSteps,
    weights,
    units,
    1,
  );
  const kernel = weights.kernel.values;
  const recurrentKernel = weights.recurrentKernel.values;
  const bias = weights.bias.values;
  const inputRow = new Float64Array(inputSize);
  const state = new Float64Array(units);
  const preActivation = new Float64Array(units);
  const output = new Float32Array(options.returnSequences ? timeSteps * units : units);

  for (let t = 0; t < timeSteps; t++) {
    preActivation.set(bias);
    copyRow(inputRow, input, t);
    addVectorTimesMatrix(preActivation, 0, inputRow, kernel, units, 0, units);
    addVectorTimesMatrix(preActivation, 0, state, recurrentKernel, units, 0, units);
    for (let j = 0; j < units; j++) {
      state[j] = Math.tanh(preActivation[j] as number);
    }
    if (options.returnSequences) output.set(state, t * units);
  }
  if (!options.returnSequences) output.set(state);
  return output;
}
