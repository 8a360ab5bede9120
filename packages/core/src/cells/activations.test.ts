import '@tensorflow/tfjs-backend-cpu';
import { setBackend, tensor1d, sigmoid as tfSigmoid } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { relu, sigmoid, tanh } from './activations.js';

const xs = [-30, -4, -1.5, -0.2, 0, 0.2, 1.5, 4, 30];

describe('sigmoid', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('is the true logistic, equal to tfjs sigmoid (not hardSigmoid)', () => {
    const expected = tfSigmoid(tensor1d(xs)).dataSync();
    xs.forEach((x, i) => {
      expect(sigmoid(x)).toBeCloseTo(expected[i] as number, 6);
    });
    // hardSigmoid(1.5) would be 0.2·1.5 + 0.5 = 0.8
    expect(sigmoid(1.5)).toBeCloseTo(0.8175744762, 9);
  });

  it('does not overflow for large |x|', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('tanh', () => {
  it('is the hyperbolic tangent', () => {
    expect(tanh(0)).toBe(0);
    expect(tanh(1)).toBeCloseTo(0.7615941559557649, 12);
  });
});

describe('relu', () => {
  it('is max(0, x)', () => {
    expect(xs.map(relu)).toEqual(xs.map((x) => Math.max(0, x)));
  });
});
