import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor, tensor } from '@tensorflow/tfjs-core';
import { layers, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DenseActivation, DenseWeights } from '../model/modelSpec.js';
import { randomWeightArray, seededUniform } from '../model/randomWeights.js';
import { denseForward } from './dense.js';

describe('denseForward', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('computes x W + b for a worked example', () => {
    const weights: DenseWeights = {
      kernel: { shape: [2, 2], values: Float32Array.of(1, 2, 3, 4) },
      bias: { shape: [2], values: Float32Array.of(0.5, -20) },
    };
    // [1, 2] · [[1, 2], [3, 4]] = [7, 10]; + bias = [7.5, −10]
    expect(Array.from(denseForward([1, 2], weights, 'linear'))).toEqual([7.5, -10]);
    expect(Array.from(denseForward([1, 2], weights, 'relu'))).toEqual([7.5, 0]);
  });

  for (const activation of ['relu', 'linear'] as DenseActivation[]) {
    it(`matches tfjs Dense for random weights (${activation})`, () => {
      const next = seededUniform(5);
      const weights: DenseWeights = {
        kernel: randomWeightArray([32, 16], next, 0.5),
        bias: randomWeightArray([16], next, 0.5),
      };
      const input = randomWeightArray([32], next, 1).values;
      const model = sequential();
      model.add(layers.dense({ units: 16, activation, inputShape: [32] }));
      model.setWeights([tensor(weights.kernel.values, [32, 16]), tensor(weights.bias.values)]);
      const expected = (model.predict(tensor(input, [1, 32])) as Tensor).dataSync();
      const actual = denseForward(input, weights, activation);
      for (let j = 0; j < 16; j++) {
        const b = expected[j] as number;
        expect(Math.abs((actual[j] as number) - b)).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(b)),
        );
      }
    });
  }

  it('rejects an input of the wrong length', () => {
    const weights: DenseWeights = {
      kernel: { shape: [2, 1], values: Float32Array.of(1, 1) },
      bias: { shape: [1], values: Float32Array.of(0) },
    };
    expect(() => denseForward([1, 2, 3], weights, 'linear')).toThrow(/input has 3 values/);
  });
});
