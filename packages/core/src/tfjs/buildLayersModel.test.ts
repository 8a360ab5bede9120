import '@tensorflow/tfjs-backend-cpu';
import { setBackend, tensor } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/modelSpec.js';
import { parameterCount } from '../model/parameterCount.js';
import { weightsToList } from '../model/weights.js';
import { buildLayersModel } from './buildLayersModel.js';
import { weightsFromLayersModel } from './layersModelWeights.js';

const spec: ModelSpec = {
  windowLength: 12,
  recurrent: [
    { cell: 'gru', units: 8, returnSequences: true },
    { cell: 'lstm', units: 8, returnSequences: false },
  ],
  head: [
    { units: 16, activation: 'relu' },
    { units: 1, activation: 'linear' },
  ],
  protocol: 'relative',
};

function initialWeights(seed: number): Float32Array[] {
  const model = buildLayersModel(spec, { seed });
  return weightsToList(weightsFromLayersModel(spec, model)).map((w) => w.values);
}

describe('buildLayersModel', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('gives bit-identical initial weights for the same seed', () => {
    const first = initialWeights(42);
    const second = initialWeights(42);
    expect(second).toHaveLength(first.length);
    first.forEach((values, i) => {
      // Compare the raw bits, so that even -0 vs 0 or NaN payloads would count as different.
      const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
      const other = second[i] as Float32Array;
      expect(new Uint32Array(other.buffer, other.byteOffset, other.length)).toEqual(bits);
    });
  });

  it('gives different initial weights for a different seed', () => {
    const first = initialWeights(42);
    const other = initialWeights(43);
    // Every random kernel differs (biases are zeros or ones in both).
    for (const i of [0, 1, 3, 4, 6, 8]) {
      expect(Array.from(other[i] as Float32Array)).not.toEqual(
        Array.from(first[i] as Float32Array),
      );
    }
  });

  it('builds [12, 1] → named layers with Keras-equivalent settings', () => {
    const model = buildLayersModel(spec, { seed: 1 });
    expect(model.inputs[0]?.shape).toEqual([null, 12, 1]);
    expect(model.outputs[0]?.shape).toEqual([null, 1]);
    expect(model.layers.map((l) => l.name)).toEqual(['rnn_0', 'rnn_1', 'dense_0', 'dense_1']);
    expect(model.countParams()).toBe(parameterCount(spec));
    const configs = model.layers.map((l) => l.getConfig());
    for (const config of configs.slice(0, 2)) {
      expect(config.recurrentActivation).toBe('sigmoid');
      expect(config.activation).toBe('tanh');
      // glorotUniform serializes as VarianceScaling(scale 1, fanAvg, uniform).
      expect(config.kernelInitializer).toMatchObject({
        className: 'VarianceScaling',
        config: { scale: 1, mode: 'fanAvg', distribution: 'uniform' },
      });
      expect(config.recurrentInitializer).toMatchObject({ className: 'Orthogonal' });
      expect(config.biasInitializer).toMatchObject({ className: 'Zeros' });
    }
    expect(configs[1]?.unitForgetBias).toBe(true);
    expect(configs[2]?.kernelInitializer).toMatchObject({ config: { distribution: 'uniform' } });
    expect(configs[2]?.activation).toBe('relu');
    expect(configs[3]?.activation).toBe('linear');
  });

  it('builds a gaussian spec with a 2-unit last layer: [null, 2] outputs, parameterCount params', () => {
    const gaussian: ModelSpec = {
      ...spec,
      head: [
        { units: 16, activation: 'relu' },
        { units: 2, activation: 'linear' },
      ],
      output: 'gaussian',
    };
    const model = buildLayersModel(gaussian, { seed: 1 });
    expect(model.outputs[0]?.shape).toEqual([null, 2]);
    expect(model.countParams()).toBe(parameterCount(gaussian));
    expect(() => buildLayersModel({ ...gaussian, output: 'point' })).toThrow(/1 unit/);
  });

  it('starts the LSTM forget-gate bias at 1 and every other bias at 0', () => {
    const weights = weightsFromLayersModel(spec, buildLayersModel(spec, { seed: 1 }));
    const lstmBias = Array.from(weights.recurrent[1]?.bias.values ?? []);
    expect(lstmBias).toEqual([...Array(8).fill(0), ...Array(8).fill(1), ...Array(16).fill(0)]);
    expect(Array.from(weights.recurrent[0]?.bias.values ?? []).every((v) => v === 0)).toBe(true);
  });

  it('gives an orthogonal recurrent kernel', () => {
    // GRU(8) recurrent kernel is [8, 24]: its rows are orthonormal (Q Qᵀ = I).
    const weights = weightsFromLayersModel(spec, buildLayersModel(spec, { seed: 3 }));
    const u = weights.recurrent[0]?.recurrentKernel.values ?? new Float32Array();
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 8; b++) {
        let dot = 0;
        for (let k = 0; k < 24; k++) dot += (u[a * 24 + k] as number) * (u[b * 24 + k] as number);
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
  });

  it('can be compiled and fitted with only tfjs-core + tfjs-layers installed', async () => {
    const small: ModelSpec = {
      ...spec,
      recurrent: [{ cell: 'gru', units: 4, returnSequences: false }],
    };
    const model = buildLayersModel(small, { seed: 5 });
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const x = tensor(
      Float32Array.from({ length: 8 * 12 }, (_, i) => Math.sin(i)),
      [8, 12, 1],
    );
    const y = tensor(
      Float32Array.from({ length: 8 }, (_, i) => Math.cos(i)),
      [8, 1],
    );
    const history = await model.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
    expect(history.history.loss).toHaveLength(2);
    expect(Number.isFinite(history.history.loss?.[1] as number)).toBe(true);
  });

  it('rejects an invalid spec or seed', () => {
    expect(() =>
      buildLayersModel({ ...spec, recurrent: [{ cell: 'lstm', units: 8, returnSequences: true }] }),
    ).toThrow(/returnSequences must be false/);
    expect(() => buildLayersModel(spec, { seed: -1 })).toThrow(/non-negative safe integer/);
  });
});
