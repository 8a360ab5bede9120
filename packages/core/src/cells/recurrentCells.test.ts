import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor, tensor } from '@tensorflow/tfjs-core';
import { layers, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecurrentWeights } from '../model/modelSpec.js';
import { randomWeightArray, seededUniform } from '../model/randomWeights.js';
import { gruForward } from './gru.js';
import { lstmForward } from './lstm.js';
import type { RecurrentForwardOptions } from './recurrentForwardOptions.js';
import { simpleRnnForward } from './simpleRnn.js';

const timeSteps = 12;
const inputSize = 3;
const units = 32;

type Forward = (
  input: ArrayLike<number>,
  timeSteps: number,
  weights: RecurrentWeights,
  units: number,
  options: RecurrentForwardOptions,
) => Float32Array;

/** Each cell, its gate blocks k, and the tfjs-layers layer it must equal. */
const cells: {
  name: string;
  forward: Forward;
  gates: number;
  tfjsLayer: (config: Parameters<typeof layers.lstm>[0]) => ReturnType<typeof layers.lstm>;
}[] = [
  { name: 'simpleRnnForward', forward: simpleRnnForward, gates: 1, tfjsLayer: layers.simpleRNN },
  // tfjs implements GRU in the reset_after = false form only.
  { name: 'gruForward', forward: gruForward, gates: 3, tfjsLayer: layers.gru },
  { name: 'lstmForward', forward: lstmForward, gates: 4, tfjsLayer: layers.lstm },
];

/** Largest amount by which |a − b| exceeds 1e-5 · max(1, |b|); ≤ 0 means all within tolerance. */
function toleranceExcess(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const b = expected[i] as number;
    worst = Math.max(worst, Math.abs(a - b) - 1e-5 * Math.max(1, Math.abs(b)));
  }
  return worst;
}

function randomWeights(gates: number, inputWidth: number, seed: number): RecurrentWeights {
  const next = seededUniform(seed);
  return {
    kernel: randomWeightArray([inputWidth, gates * units], next, 0.5),
    recurrentKernel: randomWeightArray([units, gates * units], next, 0.5),
    bias: randomWeightArray([gates * units], next, 0.5),
  };
}

describe.each(cells)('$name', ({ name, forward, gates, tfjsLayer }) => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  for (const returnSequences of [false, true]) {
    it(`matches tfjs-layers predict for random weights (returnSequences ${returnSequences})`, () => {
      const weights = randomWeights(gates, inputSize, 11 + gates);
      const input = randomWeightArray([timeSteps, inputSize], seededUniform(7), 1).values;

      const model = sequential();
      model.add(
        tfjsLayer({
          units,
          returnSequences,
          // Weights are set below; zeros avoids tfjs' slow (and noisy) orthogonal initializer.
          kernelInitializer: 'zeros',
          recurrentInitializer: 'zeros',
          recurrentActivation: 'sigmoid',
          inputShape: [timeSteps, inputSize],
        }),
      );
      model.setWeights(
        [weights.kernel, weights.recurrentKernel, weights.bias].map((w) =>
          tensor(w.values, w.shape),
        ),
      );
      const expected = (
        model.predict(tensor(input, [1, timeSteps, inputSize])) as Tensor
      ).dataSync();

      const actual = forward(input, timeSteps, weights, units, { returnSequences });
      expect(actual.length).toBe(returnSequences ? timeSteps * units : units);
      expect(expected.length).toBe(actual.length);
      expect(toleranceExcess(actual, expected)).toBeLessThanOrEqual(0);
      // Non-trivial: states neither all ~0 nor saturated at ±1.
      const meanAbs = actual.reduce((s, v) => s + Math.abs(v), 0) / actual.length;
      expect(meanAbs).toBeGreaterThan(0.05);
      expect(meanAbs).toBeLessThan(0.9);
    });
  }

  it('rejects a recurrent kernel of the wrong shape', () => {
    const weights = randomWeights(gates, 1, 1);
    const wrong = {
      ...weights,
      recurrentKernel: randomWeightArray([units, (gates + 1) * units], seededUniform(2), 0.5),
    };
    expect(() =>
      forward(new Float32Array(timeSteps), timeSteps, wrong, units, { returnSequences: false }),
    ).toThrow(
      `${name}: recurrentKernel has shape [${units}, ${(gates + 1) * units}], expected [${units}, ${gates * units}]`,
    );
  });
});
