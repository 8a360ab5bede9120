import type { RecurrentWeights, WeightArray } from '../model/modelSpec.js';

/** Formats a shape as `[a, b]` for error messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function assertShape(where: string, name: string, array: WeightArray, expected: number[]): void {
  const { shape, values } = array;
  const same = shape.length === expected.length && shape.every((d, i) => d === expected[i]);
  if (!same) {
    throw new Error(
      `${where}: ${name} has shape ${formatShape(shape)}, expected ${formatShape(expected)}`,
    );
  }
  const size = expected.reduce((a, b) => a * b, 1);
  if (values.length !== size) {
    throw new Error(`${where}: ${name} holds ${values.length} values, shape needs ${size}`);
  }
}

/**
 * Checks a recurrent cell's arguments against the tfjs/Keras fused layout and returns the input
 * width: kernel `[inputSize, k·units]`, recurrentKernel `[units, k·units]`, bias `[k·units]`,
 * input of length `timeSteps · inputSize`.
 *
 * @param where - name used in error messages, e.g. `'lstmForward'`.
 * @param gates - number of gate blocks `k` (SimpleRNN 1, GRU 3, LSTM 4).
 * @returns `inputSize`, read from the kernel's first dimension.
 * @throws Error naming the offending array and its expected and actual shapes.
 */
export function checkRecurrentArguments(
  where: string,
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  gates: number,
): number {
  if (!Number.isInteger(units) || units < 1) {
    throw new Error(`${where}: units must be a positive integer, got ${units}`);
  }
  if (!Number.isInteger(timeSteps) || timeSteps < 1) {
    throw new Error(`${where}: timeSteps must be a positive integer, got ${timeSteps}`);
  }
  const inputSize = weights.kernel.shape[0] ?? 0;
  const width = gates * units;
  assertShape(where, 'kernel', weights.kernel, [inputSize, width]);
  assertShape(where, 'recurrentKernel', weights.recurrentKernel, [units, width]);
  assertShape(where, 'bias', weights.bias, [width]);
  if (input.length !== timeSteps * inputSize) {
    throw new Error(
      `${where}: input has ${input.length} values, expected timeSteps·inputSize = ` +
        `${timeSteps}·${inputSize} = ${timeSteps * inputSize}`,
    );
  }
  return inputSize;
}
