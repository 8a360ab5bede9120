/**
 * Fully connected layer as tfjs-layers' `Dense`: y = activation(x W + b).
 *
 * Weights: kernel W [n, m] row-major, bias b [m]. Parameter count: m · (n + 1),
 * e.g. Dense(16) after a 32-unit recurrent layer = 528, Dense(1) after it = 17.
 */
import type { DenseActivation, DenseWeights } from '../model/modelSpec.js';
import { relu } from './activations.js';
import { formatShape } from './recurrentShapes.js';
import { addVectorTimesMatrix, copyRow } from './vectorMatrix.js';

/**
 * Applies a dense layer to one input vector.
 *
 * @param input - `[inputSize]`; must equal the kernel's first dimension.
 * @param weights - kernel `[inputSize, units]`, bias `[units]`.
 * @param activation - `'relu'` or `'linear'` (identity).
 * @returns `[units]`.
 * @throws Error if the input length or a weight shape does not match.
 * @example denseForward([1, 2], { kernel: { shape: [2, 1], values: Float32Array.of(3, 4) }, bias: { shape: [1], values: Float32Array.of(1) } }, 'linear') // => Float32Array [12]
 */
export function denseForward(
  input: ArrayLike<number>,
  weights: DenseWeights,
  activation: DenseActivation,
): Float32Array {
  const [inputSize = 0, units = 0] = weights.kernel.shape;
  const { kernel, bias } = weights;
  if (kernel.shape.length !== 2 || kernel.values.length !== inputSize * units) {
    throw new Error(
      `denseForward: kernel shape ${formatShape(kernel.shape)} is not a valid [in, out]`,
    );
  }
  if (bias.shape.length !== 1 || bias.shape[0] !== units || bias.values.length !== units) {
    throw new Error(
      `denseForward: bias has shape ${formatShape(bias.shape)}, expected ${formatShape([units])}`,
    );
  }
  if (input.length !== inputSize) {
    throw new Error(`denseForward: input has ${input.length} values, kernel expects ${inputSize}`);
  }
  const inputRow = new Float64Array(inputSize);
  copyRow(inputRow, input, 0);
  const sum = new Float64Array(units);
  sum.set(bias.values);
  addVectorTimesMatrix(sum, 0, inputRow, kernel.values, units, 0, units);
  const output = new Float32Array(units);
  for (let j = 0; j < units; j++) {
    const v = sum[j] as number;
    output[j] = activation === 'relu' ? relu(v) : v;
  }
  return output;
}
