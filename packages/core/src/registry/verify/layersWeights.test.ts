import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../model/modelSpec.js';
import { decodeLayersWeights as decodeWeights, ModelFilesError } from './layersWeights.js';

// SimpleRNN(2) → Dense(1): kernel [1,2], recurrent kernel [2,2], bias [2], dense [2,1] + [1].
const spec: ModelSpec = {
  windowLength: 3,
  recurrent: [{ cell: 'simpleRNN', units: 2, returnSequences: false }],
  head: [{ units: 1, activation: 'linear' }],
  protocol: 'relative',
};
const entries = [
  { name: 'rnn_0/kernel', shape: [1, 2], dtype: 'float32' },
  { name: 'rnn_0/recurrent_kernel', shape: [2, 2], dtype: 'float32' },
  { name: 'rnn_0/bias', shape: [2], dtype: 'float32' },
  { name: 'dense_0/kernel', shape: [2, 1], dtype: 'float32' },
  { name: 'dense_0/bias', shape: [1], dtype: 'float32' },
];
const modelJson = (weights = entries) =>
  JSON.stringify({
    format: 'layers-model',
    weightsManifest: [{ paths: ['weights.bin'], weights }],
  });
const bin = (count: number) => Float32Array.from({ length: count }, (_, i) => i + 0.5).buffer;

describe('decodeLayersWeights', () => {
  it('splits the file in manifest order with the spec’s shapes', () => {
    const arrays = decodeWeights(spec, modelJson(), bin(11));
    expect(arrays.map((a) => a.shape)).toEqual([[1, 2], [2, 2], [2], [2, 1], [1]]);
    expect(Array.from(arrays[1]?.values ?? [])).toEqual([2.5, 3.5, 4.5, 5.5]);
    expect(Array.from(arrays[4]?.values ?? [])).toEqual([10.5]);
  });

  it('refuses a file of the wrong size', () => {
    expect(() => decodeWeights(spec, modelJson(), bin(10))).toThrow(/too few for dense_0\/bias/);
    expect(() => decodeWeights(spec, modelJson(), bin(12))).toThrow(/describes 44/);
  });

  it('refuses weights out of order or of the wrong shape', () => {
    const swapped = [entries[1], entries[0], ...entries.slice(2)] as typeof entries;
    expect(() => decodeWeights(spec, modelJson(swapped), bin(11))).toThrow(ModelFilesError);
    const reshaped = entries.map((e, i) => (i === 3 ? { ...e, shape: [1, 2] } : e));
    expect(() => decodeWeights(spec, modelJson(reshaped), bin(11))).toThrow(
      /shape \[1,2\], expected \[2,1\]/,
    );
  });

  it('reads float32 little-endian from any view of the bytes, unaligned included', () => {
    const bytes = new Uint8Array(1 + 44);
    bytes.set(new Uint8Array(bin(11)), 1);
    const arrays = decodeWeights(spec, modelJson(), bytes.subarray(1));
    expect(Array.from(arrays[0]?.values ?? [])).toEqual([0.5, 1.5]);
  });

  it('refuses a weight that is not finite, naming it', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const values = new Float32Array(bin(11));
      values[9] = bad;
      expect(() => decodeWeights(spec, modelJson(), values.buffer)).toThrow(
        `weight dense_0/kernel holds ${bad} at index 1: every weight must be finite`,
      );
    }
  });

  it('refuses a model.json that is not a layers model', () => {
    expect(() => decodeWeights(spec, '{', bin(11))).toThrow(/not valid JSON/);
    expect(() => decodeWeights(spec, '{"format":"graph-model"}', bin(11))).toThrow(/layers-model/);
  });
});
