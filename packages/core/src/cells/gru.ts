/**
 * GRU cell in the `reset_after = false` form (Cho et al. 2014), the only one tfjs-layers
 * implements (its `GRUCell.call`). Keras' GRU defaults to `reset_after = True`, which applies the
 * reset gate after the recurrent product and has a second bias; models trained with that form
 * do not load here.
 *
 * Gate equations, for input x_t (width n) and state h_{t−1} (width u), h_0 = 0, σ the logistic:
 *
 *     z_t = σ(x_t W_z + h_{t−1} U_z + b_z)            update gate
 *     r_t = σ(x_t W_r + h_{t−1} U_r + b_r)            reset gate
 *     h̃_t = tanh(x_t W_h + (r_t ⊙ h_{t−1}) U_h + b_h)  candidate
 *     h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t
 *
 * Weights (tfjs/Keras layout, k = 3 blocks in order z, r, h): kernel [n, 3u] = [W_z | W_r | W_h],
 * recurrentKernel [u, 3u] = [U_z | U_r | U_h], bias [3u] = [b_z | b_r | b_h].
 * Parameter count: 3u · (n + u + 1), e.g. GRU(32) on 1 input feature = 3,264.
 */
import type { RecurrentWeights } from '../model/modelSpec.js';
import { sigmoid } from './activations.js';
import type { RecurrentForwardOptions } from './recurrentForwardOptions.js';
import { checkRecurrentArguments } from './recurrentShapes.js';
import { addVectorTimesMatrix, copyRow } from './vectorMatrix.js';

/**
 * Runs a GRU layer (reset_after = false, recurrent activation σ) over a whole sequence from a zero
 * initial state.
 *
 * @param input - `[timeSteps, inputSize]` row-major; `inputSize` is read from the kernel.
 * @param weights - kernel `[inputSize, 3·units]`, recurrentKernel `[units, 3·units]`, bias `[3·units]`.
 * @returns `[timeSteps, units]` if `returnSequences`, else the last state `[units]`.
 * @throws Error if a weight shape or the input length does not match.
 */
export function gruForward(
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  options: RecurrentForwardOptions,
): Float32Array {
  const inputSize = checkRecurrentArguments('gruForward', input, timeSteps, weights, units, 3);
  const width = 3 * units;
  const kernel = weights.kernel.values;
  const recurrentKernel = weights.recurrentKernel.values;
  const bias = weights.bias.values;
  const inputRow = new Float64Array(inputSize);
  const state = new Float64Array(units);
  const resetState = new Float64Array(units);
  // gates holds [z | r | h] pre-activations; z is overwritten by σ(z) once computed.
  const gates = new Float64Array(width);
  const output = new Float32Array(options.returnSequences ? timeSteps * units : units);

  for (let t = 0; t < timeSteps; t++) {
    gates.set(bias);
    copyRow(inputRow, input, t);
    addVectorTimesMatrix(gates, 0, inputRow, kernel, width, 0, width);
    addVectorTimesMatrix(gates, 0, state, recurrentKernel, width, 0, 2 * units);
    for (let j = 0; j < units; j++) {
      gates[j] = sigmoid(gates[j] as number);
      resetState[j] = sigmoid(gates[units + j] as number) * (state[j] as number);
    }
    addVectorTimesMatrix(gates, 2 * units, resetState, recurrentKernel, width, 2 * units, units);
    for (let j = 0; j < units; j++) {
      const z = gates[j] as number;
      const candidate = Math.tanh(gates[2 * units + j] as number);
      state[j] = z * (state[j] as number) + (1 - z) * candidate;
    }
    if (options.returnSequences) output.set(state, t * units);
  }
  if (!options.returnSequences) output.set(state);
  return output;
}
