import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor, tensor } from '@tensorflow/tfjs-core';
import { layers, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecurrentWeights } from '../model/modelSpec.js';
import { randomWeightArray, seededUniform } from '../model/randomWeights.js';
import { gruForward } from './gru.js';

const timeSteps = 12;
const inputSize = 3;
const units = 32;

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

function tfjsGruOutput(weights: RecurrentWeights, input: Float32Array, returnSequences: boolean) {
  const model = sequential();
  model.add(
    layers.gru({
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
    [weights.kernel, weights.recurrentKernel, weights.bias].map((w) => tensor(w.values, w.shape)),
  );
  const output = model.predict(tensor(input, [1, timeSteps, inputSize])) as Tensor;
  return output.dataSync();
}

describe('gruForward', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  for (const returnSequences of [false, true]) {
    it(`matches tfjs GRU (reset_after = false) for random weights (returnSequences ${returnSequences})`, () => {
      const next = seededUniform(12);
      const weights: RecurrentWeights = {
        kernel: randomWeightArray([inputSize, 3 * units], next, 0.5),
        recurrentKernel: randomWeightArray([units, 3 * units], next, 0.5),
        bias: randomWeightArray([3 * units], next, 0.5),
      };
      const input = randomWeightArray([timeSteps, inputSize], next, 1).values;
      const expected = tfjsGruOutput(weights, input, returnSequences);
      const actual = gruForward(input, timeSteps, weights, units, { returnSequences });
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
    const next = seededUniform(1);
    const weights: RecurrentWeights = {
      kernel: randomWeightArray([1, 3 * units], next, 0.5),
      recurrentKernel: randomWeightArray([units, 2 * units], next, 0.5),
      bias: randomWeightArray([3 * units], next, 0.5),
    };
    expect(() =>
      gruForward(new Float32Array(timeSteps), timeSteps, weights, units, {
        returnSequences: false,
      }),
    ).toThrow(/gruForward: recurrentKernel has shape \[32, 64\], expected \[32, 96\]/);
  });
});
