import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor, tensor } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLayersModel } from '../tfjs/buildLayersModel.js';
import { setLayersModelWeights, weightsFromLayersModel } from '../tfjs/layersModelWeights.js';
import { modelForward, modelForwardBatch, modelOutputs } from './forward.js';
import type { CellKind, ModelSpec } from './modelSpec.js';
import { randomModelWeights, seededUniform } from './randomWeights.js';

const head: ModelSpec['head'] = [
  { units: 16, activation: 'relu' },
  { units: 1, activation: 'linear' },
];
const stacked: ModelSpec = {
  windowLength: 12,
  recurrent: [
    { cell: 'lstm', units: 32, returnSequences: true },
    { cell: 'lstm', units: 16, returnSequences: false },
  ],
  head,
  protocol: 'relative',
};
const single = (cell: CellKind): ModelSpec => ({
  windowLength: 12,
  recurrent: [{ cell, units: 32, returnSequences: false }],
  head,
  protocol: 'relative',
});

function randomWindows(count: number, seed: number): Float32Array[] {
  const next = seededUniform(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: 12 }, () => 4 * next() - 2),
  );
}

function tfjsPredict(spec: ModelSpec, weightsSeed: number, windows: Float32Array[]) {
  const model = buildLayersModel(spec, { seed: 1 });
  const weights = randomModelWeights(spec, { seed: weightsSeed });
  setLayersModelWeights(model, weights);
  const batch = new Float32Array(windows.length * 12);
  windows.forEach((w, i) => {
    batch.set(w, i * 12);
  });
  const output = model.predict(tensor(batch, [windows.length, 12, 1])) as Tensor;
  return { weights, expected: output.dataSync(), model };
}

function expectWithinTolerance(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const b = expected[i] as number;
    expect(Math.abs((actual[i] as number) - b)).toBeLessThanOrEqual(
      1e-5 * Math.max(1, Math.abs(b)),
    );
  }
}

describe('modelForward', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('matches tfjs predict for the stacked LSTM(32) → LSTM(16) → Dense(16, relu) → Dense(1)', () => {
    const windows = randomWindows(8, 3);
    const { weights, expected } = tfjsPredict(stacked, 21, windows);
    const actual = windows.map((w) => modelForward(stacked, weights, w));
    expectWithinTolerance(actual, expected);
    // Non-trivial: outputs differ across windows.
    expect(Math.max(...actual) - Math.min(...actual)).toBeGreaterThan(0.05);
  });

  for (const cell of ['simpleRNN', 'gru', 'lstm'] as CellKind[]) {
    it(`matches tfjs predict for ${cell}(32) → Dense(16, relu) → Dense(1)`, () => {
      const windows = randomWindows(4, 4);
      const { weights, expected } = tfjsPredict(single(cell), 22, windows);
      expectWithinTolerance(
        windows.map((w) => modelForward(single(cell), weights, w)),
        expected,
      );
    });
  }

  it('matches tfjs predict with the initial (Keras-default) weights on raw index levels', () => {
    const spec = single('lstm');
    const model = buildLayersModel(spec, { seed: 7 });
    const weights = weightsFromLayersModel(spec, model);
    const levels = Float32Array.from({ length: 12 }, (_, t) => 1100 + 15 * t);
    const expected = (model.predict(tensor(levels, [1, 12, 1])) as Tensor).dataSync();
    expectWithinTolerance([modelForward(spec, weights, levels)], expected);
  });

  it('rejects a window of the wrong length', () => {
    const weights = randomModelWeights(stacked, { seed: 1 });
    expect(() => modelForward(stacked, weights, new Float32Array(11))).toThrow(
      /window has 11 values, spec needs 12/,
    );
  });
});

describe('modelForwardBatch', () => {
  it('matches tfjs predict on a batch of windows', () => {
    const windows = randomWindows(16, 5);
    const { weights, expected } = tfjsPredict(stacked, 23, windows);
    const actual = modelForwardBatch(stacked, weights, windows);
    expect(actual).toBeInstanceOf(Float32Array);
    expectWithinTolerance(actual, expected);
  });
});

describe('gaussian output (head ends in Dense(2): location μ, log-scale ρ)', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  const gaussian = (cell: CellKind): ModelSpec => ({
    ...single(cell),
    head: [
      { units: 16, activation: 'relu' },
      { units: 2, activation: 'linear' },
    ],
    output: 'gaussian',
  });

  for (const cell of ['gru', 'lstm'] as CellKind[]) {
    it(`modelOutputs and modelForwardBatch give both outputs of tfjs predict for ${cell}(32)`, () => {
      const spec = gaussian(cell);
      const windows = randomWindows(6, 8);
      const { weights, expected } = tfjsPredict(spec, 24, windows);
      expect(expected).toHaveLength(12); // [6, 2] row-major
      const one = windows.map((w) => Array.from(modelOutputs(spec, weights, w)));
      expectWithinTolerance(one.flat(), expected);
      expectWithinTolerance(modelForwardBatch(spec, weights, windows), expected);
      // modelForward is the first output, the location μ.
      expectWithinTolerance(
        windows.map((w) => modelForward(spec, weights, w)),
        windows.map((_, i) => expected[2 * i] as number),
      );
    });
  }

  it('gives a point model one output per window', () => {
    const weights = randomModelWeights(stacked, { seed: 2 });
    expect(modelOutputs(stacked, weights, randomWindows(1, 9)[0] as Float32Array)).toHaveLength(1);
  });
});
