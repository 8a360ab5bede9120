/**
 * LSTM cell as tfjs-layers' `LSTMCell` (Hochreiter & Schmidhuber 1997, with forget gate).
 *
 * Gate equations, for input x_t (width n), state h_{t−1} and cell c_{t−1} (width u),
 * h_0 = c_0 = 0, σ the logistic:
 *
 *     i_t = σ(x_t W_i + h_{t−1} U_i + b_i)      input gate
 *     f_t = σ(x_t W_f + h_{t−1} U_f + b_f)      forget gate
 *     g_t = tanh(x_t W_c + h_{t−1} U_c + b_c)   candidate cell
 *     o_t = σ(x_t W_o + h_{t−1} U_o + b_o)      output gate
 *     c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
 *     h_t = o_t ⊙ tanh(c_t)
 *
 * Weights (tfjs/Keras layout, k = 4 blocks in order i, f, c, o): kernel [n, 4u],
 * recurrentKernel [u, 4u], bias [4u]. (`unitForgetBias` only changes the initial b_f to 1.)
 * Parameter count: 4u · (n + u + 1), e.g. LSTM(32) on 1 input feature = 4,352.
 */
import type { RecurrentWeights } from '../model/modelSpec.js';
import { sigmoid } from './activations.js';
import type { RecurrentForwardOptions } from './recurrentForwardOptions.js';
import { checkRecurrentArguments } from './recurrentShapes.js';
import { addVectorTimesMatrix, copyRow } from './vectorMatrix.js';

/**
 * Runs an LSTM layer (recurrent activation σ) over a whole sequence from zero initial states.
 *
 * @param input - `[timeSteps, inputSize]` row-major; `inputSize` is read from the kernel.
 * @param weights - kernel `[inputSize, 4·units]`, recurrentKernel `[units, 4·units]`, bias `[4·units]`.
 * @returns hidden states h: `[timeSteps, units]` if `returnSequences`, else the last `[units]`.
 * @throws Error if a weight shape or the input length does not match.
 * @example lstmForward(window, 12, weights, 32, { returnSequences: false }) // => Float32Array(32)
 */
export function lstmForward(
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  options: RecurrentForwardOptions,
): Float32Array {
  const inputSize = checkRecurrentArguments('lstmForward', input, timeSteps, weights, units, 4);
  const width = 4 * units;
  const kernel = weights.kernel.values;
  const recurrentKernel = weights.recurrentKernel.values;
  const bias = weights.bias.values;
  const inputRow = new Float64Array(inputSize);
  const state = new Float64Array(units);
  const cell = new Float64Array(units);
  const gates = new Float64Array(width);
  const output = new Float32Array(options.returnSequences ? timeSteps * units : units);

  for (let t = 0; t < timeSteps; t++) {
    gates.set(bias);
    copyRow(inputRow, input, t);
    addVectorTimesMatrix(gates, 0, inputRow, kernel, width, 0, width);
    addVectorTimesMatrix(gates, 0, state, recurrentKernel, width, 0, width);
    for (let j = 0; j < units; j++) {
      const inputGate = sigmoid(gates[j] as number);
      const forgetGate = sigmoid(gates[units + j] as number);
      const candidate = Math.tanh(gates[2 * units + j] as number);
      const outputGate = sigmoid(gates[3 * units + j] as number);
      const c = forgetGate * (cell[j] as number) + inputGate * candidate;
      cell[j] = c;
      state[j] = outputGate * Math.tanh(c);
    }
    if (options.returnSequences) output.set(state, t * units);
  }
  if (!options.returnSequences) output.set(state);
  return output;
}
