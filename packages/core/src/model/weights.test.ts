import { describe, expect, it } from 'vitest';
import type { ModelSpec } from './modelSpec.js';
import { randomModelWeights } from './randomWeights.js';
import { weightSlots } from './weightShapes.js';
import { weightsFromList, weightsToList } from './weights.js';

const spec: ModelSpec = {
  windowLength: 12,
  recurrent: [
    { cell: 'lstm', units: 32, returnSequences: true },
    { cell: 'gru', units: 16, returnSequences: false },
  ],
  head: [
    { units: 16, activation: 'relu' },
    { units: 1, activation: 'linear' },
  ],
  protocol: 'relative',
};

describe('weightSlots', () => {
  it('lists shapes in tfjs getWeights order', () => {
    expect(weightSlots(spec).map((s) => `${s.layer}.${s.role}[${s.shape.join(',')}]`)).toEqual([
      'rnn_0.kernel[1,128]',
      'rnn_0.recurrentKernel[32,128]',
      'rnn_0.bias[128]',
      'rnn_1.kernel[32,48]',
      'rnn_1.recurrentKernel[16,48]',
      'rnn_1.bias[48]',
      'dense_0.kernel[16,16]',
      'dense_0.bias[16]',
      'dense_1.kernel[16,1]',
      'dense_1.bias[1]',
    ]);
  });
});

describe('weightsFromList', () => {
  it('round-trips with weightsToList', () => {
    const weights = randomModelWeights(spec, { seed: 9 });
    const list = weightsToList(weights);
    expect(list).toHaveLength(10);
    expect(weightsFromList(spec, list)).toEqual(weights);
    expect(weightsFromList(spec, list).recurrent[1]?.recurrentKernel).toBe(list[4]);
  });

  it('rejects a wrong shape with a message naming the layer and both shapes', () => {
    const list = weightsToList(randomModelWeights(spec, { seed: 9 }));
    list[4] = { shape: [16, 64], values: new Float32Array(16 * 64) };
    expect(() => weightsFromList(spec, list)).toThrow(
      'weightsFromList: weight 4 (layer rnn_1 recurrentKernel) has shape [16, 64], expected [16, 48]',
    );
  });

  it('rejects values that do not fill the shape', () => {
    const list = weightsToList(randomModelWeights(spec, { seed: 9 }));
    list[7] = { shape: [16], values: new Float32Array(15) };
    expect(() => weightsFromList(spec, list)).toThrow(/layer dense_0 bias\) holds 15 values/);
  });

  it('rejects a list of the wrong length', () => {
    const list = weightsToList(randomModelWeights(spec, { seed: 9 })).slice(0, 9);
    expect(() => weightsFromList(spec, list)).toThrow(/got 9 weight arrays, the spec needs 10/);
  });
});
