import {
  type ModelSpec,
  modelForward,
  modelOutputs,
  type RecurrentLayerSpec,
  randomModelWeights,
  seededUniform,
} from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { createKernelModel } from './forwardModel.js';
import { loadKernels } from './node.js';

/** The trainer's five configs (packages/trainer/src/train/configs.ts), each → Dense(16, relu) → Dense(1). */
const CONFIGS: [string, RecurrentLayerSpec[]][] = [
  ['simplernn-32', [{ cell: 'simpleRNN', units: 32, returnSequences: false }]],
  ['gru-32', [{ cell: 'gru', units: 32, returnSequences: false }]],
  ['lstm-32', [{ cell: 'lstm', units: 32, returnSequences: false }]],
  ['gru-8', [{ cell: 'gru', units: 8, returnSequences: false }]],
  [
    'lstm-32-16',
    [
      { cell: 'lstm', units: 32, returnSequences: true },
      { cell: 'lstm', units: 16, returnSequences: false },
    ],
  ],
];

const specOf = (recurrent: RecurrentLayerSpec[]): ModelSpec => ({
  windowLength: 12,
  recurrent,
  head: [
    { units: 16, activation: 'relu' },
    { units: 1, activation: 'linear' },
  ],
  protocol: 'relative',
});

/** `count` windows of 12 values uniform in [−2, 2) (the range of scaled log ratios). */
function windows(count: number, seed: number): Float32Array {
  const next = seededUniform(seed);
  return Float32Array.from({ length: 12 * count }, () => 4 * next() - 2);
}

/**
 * Relative max-norm error: max |actual − expected| / max |expected| (an output that happens to
 * fall near 0 is judged on the batch's scale, not its own).
 */
function relativeError(actual: Float32Array, expected: Float32Array): number {
  let diff = 0;
  let scale = 0;
  expected.forEach((e, i) => {
    diff = Math.max(diff, Math.abs((actual[i] as number) - e));
    scale = Math.max(scale, Math.abs(e));
  });
  return diff / scale;
}

const kernels = loadKernels();

describe('createKernelModel', () => {
  for (const [name, recurrent] of CONFIGS) {
    for (const count of [1, 256]) {
      it(`${name}: ${count} window(s) match core's reference cells to 1e-5 relative`, () => {
        const spec = specOf(recurrent);
        for (const seed of [1, 2, 3]) {
          const weights = randomModelWeights(spec, { seed });
          const input = windows(count, 100 + seed);
          const expected = Float32Array.from({ length: count }, (_, b) =>
            modelForward(spec, weights, input.subarray(12 * b, 12 * b + 12)),
          );
          const actual = createKernelModel(kernels, spec, weights).predict(input, count);
          expect(actual).toHaveLength(count);
          expect(relativeError(actual, expected)).toBeLessThan(1e-5);
        }
      });
    }
  }
});

describe('createKernelModel, gaussian head (Dense(2): [μ, ρ])', () => {
  // The trainer's -nll variants: its gated configs with a two-unit head.
  const gated = CONFIGS.filter(([, recurrent]) => recurrent.every((l) => l.cell !== 'simpleRNN'));
  for (const [name, recurrent] of gated) {
    for (const count of [1, 256]) {
      it(`${name}-nll: ${count} window(s) give core's modelOutputs, count × 2 row-major, to 1e-5`, () => {
        const point = specOf(recurrent);
        const spec: ModelSpec = {
          ...point,
          head: [point.head[0] as ModelSpec['head'][number], { units: 2, activation: 'linear' }],
          output: 'gaussian',
        };
        for (const seed of [1, 2]) {
          const weights = randomModelWeights(spec, { seed });
          const input = windows(count, 200 + seed);
          const rows = Array.from({ length: count }, (_, b) =>
            Array.from(modelOutputs(spec, weights, input.subarray(12 * b, 12 * b + 12))),
          );
          const model = createKernelModel(kernels, spec, weights);
          expect(model.outputs).toBe(2);
          const actual = model.predict(input, count);
          expect(actual).toHaveLength(2 * count);
          // Each column on its own scale: locations μ, log-scales ρ.
          for (const k of [0, 1]) {
            const column = (values: ArrayLike<number>) =>
              Float32Array.from({ length: count }, (_, b) => values[2 * b + k] as number);
            const expected = Float32Array.from(rows.map((r) => r[k] as number));
            expect(relativeError(column(actual), expected)).toBeLessThan(1e-5);
          }
        }
      });
    }
  }

  it('rejects a gaussian spec whose head does not end in two units', () => {
    const point = specOf(CONFIGS[1]?.[1] as RecurrentLayerSpec[]);
    const spec: ModelSpec = { ...point, output: 'gaussian' };
    expect(() =>
      createKernelModel(kernels, spec, randomModelWeights(point, { seed: 1 })),
    ).toThrow();
  });
});
