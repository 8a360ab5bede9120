import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as kernels from './kernels.js';

/** A `shape` tensor of fixed, irregular values in (−2, 2), negative ones included. */
function values(shape: number[], seed: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: size }, (_, i) => 2 * Math.sin(12.9898 * (i + 1) + seed));
  return tf.tensor(data, shape);
}

function expectSame(actual: tf.Tensor | tf.Tensor[], expected: tf.Tensor | tf.Tensor[]): void {
  const as = Array.isArray(actual) ? actual : [actual];
  const es = Array.isArray(expected) ? expected : [expected];
  expect(as.length).toBe(es.length);
  as.forEach((a, i) => {
    const e = es[i] as tf.Tensor;
    expect(a.shape).toEqual(e.shape);
    const got = a.dataSync();
    const want = e.dataSync();
    want.forEach((w, j) => {
      // float32 rounding: a few ulps of the larger operand.
      expect(Math.abs((got[j] as number) - w)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w)));
    });
  });
}

type Case = [
  label: string,
  wrapper: () => tf.Tensor | tf.Tensor[],
  op: () => tf.Tensor | tf.Tensor[],
];

const m34 = () => values([3, 4], 1);
const n34 = () => values([3, 4], 2);
const row4 = () => values([4], 3);
const b123 = () => values([1, 2, 3], 4);
const c123 = () => values([1, 2, 3], 5);
const one = () => tf.scalar(1);

/** Each exported wrapper, with the public tfjs op it stands for, on the shapes gatecast uses. */
const cases: Record<keyof typeof kernels, Case[]> = {
  add: [
    ['[3,4] + [4] row', () => kernels.add(m34(), row4()), () => tf.add(m34(), row4())],
    ['[1,2,3] + [1,2,3]', () => kernels.add(b123(), c123()), () => tf.add(b123(), c123())],
  ],
  sub: [
    ['scalar − [3,4]', () => kernels.sub(one(), m34()), () => tf.sub(one(), m34())],
    ['[1,2,3] − [1,2,3]', () => kernels.sub(b123(), c123()), () => tf.sub(b123(), c123())],
  ],
  mul: [
    ['[3,4] ⊙ [4] row', () => kernels.mul(m34(), row4()), () => tf.mul(m34(), row4())],
    ['[3,4] ⊙ scalar', () => kernels.mul(m34(), tf.scalar(2)), () => tf.mul(m34(), 2)],
    ['[1,2,3] ⊙ [1,2,3]', () => kernels.mul(b123(), c123()), () => tf.mul(b123(), c123())],
  ],
  addN: [
    [
      'three [3,4]',
      () => kernels.addN([m34(), n34(), values([3, 4], 6)]),
      () => tf.addN([m34(), n34(), values([3, 4], 6)]),
    ],
  ],
  neg: [['[3,4]', () => kernels.neg(m34()), () => tf.neg(m34())]],
  square: [['[3,4]', () => kernels.square(m34()), () => tf.square(m34())]],
  sigmoid: [
    ['[3,4]', () => kernels.sigmoid(m34()), () => tf.sigmoid(m34())],
    ['[1,2,3]', () => kernels.sigmoid(b123()), () => tf.sigmoid(b123())],
  ],
  tanh: [
    ['[3,4]', () => kernels.tanh(m34()), () => tf.tanh(m34())],
    ['[1,2,3]', () => kernels.tanh(b123()), () => tf.tanh(b123())],
  ],
  relu: [['[3,4]', () => kernels.relu(m34()), () => tf.relu(m34())]],
  step: [
    ['default alpha', () => kernels.step(m34()), () => tf.step(m34())],
    ['alpha 0.5', () => kernels.step(m34(), 0.5), () => tf.step(m34(), 0.5)],
  ],
  matMul: [
    [
      '[3,5]·[5,4]',
      () => kernels.matMul(values([3, 5], 7), values([5, 4], 8)),
      () => tf.matMul(values([3, 5], 7), values([5, 4], 8)),
    ],
    [
      '[1,3,5]·[1,5,4]',
      () => kernels.matMul(values([1, 3, 5], 7), values([1, 5, 4], 8)),
      () => tf.matMul(values([1, 3, 5], 7), values([1, 5, 4], 8)),
    ],
  ],
  fusedMatMul: (['linear', 'relu', 'sigmoid'] as const).flatMap((activation): Case[] => {
    const a = () => values([1, 3, 5], 9);
    const b = () => values([1, 5, 4], 10);
    return [
      [
        `${activation}: tf.fused.matMul`,
        () => kernels.fusedMatMul(a(), b(), row4(), activation),
        () => tf.fused.matMul({ a: a(), b: b(), bias: row4(), activation }),
      ],
      [
        `${activation}: activation(tf.matMul + bias)`,
        () => kernels.fusedMatMul(a(), b(), row4(), activation),
        () => {
          const z = tf.add(tf.matMul(a(), b()), row4());
          return activation === 'linear' ? z : activation === 'relu' ? tf.relu(z) : tf.sigmoid(z);
        },
      ],
    ];
  }),
  transpose: [
    ['[3,4] swap', () => kernels.transpose(m34(), [1, 0]), () => tf.transpose(m34())],
    [
      '[2,3,4] perm [0,2,1]',
      () => kernels.transpose(values([2, 3, 4], 11), [0, 2, 1]),
      () => tf.transpose(values([2, 3, 4], 11), [0, 2, 1]),
    ],
  ],
  concat: [
    ['rows', () => kernels.concat([m34(), n34()], 0), () => tf.concat([m34(), n34()], 0)],
    ['columns', () => kernels.concat([m34(), n34()], 1), () => tf.concat([m34(), n34()], 1)],
    [
      'last axis, unequal widths',
      () => kernels.concat([b123(), values([1, 2, 5], 12)], 2),
      () => tf.concat([b123(), values([1, 2, 5], 12)], 2),
    ],
  ],
  split: [
    ['[3,4] in 2 column blocks', () => kernels.split(m34(), 2, 1), () => tf.split(m34(), 2, 1)],
    [
      '[1,2,6] into widths 2, 3, 1',
      () => kernels.split(values([1, 2, 6], 13), [2, 3, 1], 2),
      () => tf.split(values([1, 2, 6], 13), [2, 3, 1], 2),
    ],
  ],
  slice: [
    [
      'columns [1, 3) of [3,4]',
      () => kernels.slice(m34(), [0, 1], [3, 2]),
      () => tf.slice(m34(), [0, 1], [3, 2]),
    ],
    [
      'row 2 of [3,4]',
      () => kernels.slice(m34(), [2, 0], [1, 4]),
      () => tf.slice(m34(), [2, 0], [1, 4]),
    ],
  ],
};

describe('kernels', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has a comparison for every exported wrapper', () => {
    const exported = Object.entries(kernels)
      .filter(([, v]) => typeof v === 'function')
      .map(([name]) => name);
    expect(Object.keys(cases).sort()).toEqual(exported.sort());
  });

  describe.each(Object.entries(cases))('%s', (_name, list) => {
    it.each(list)('matches the public op: %s', (_label, wrapper, op) => {
      tf.tidy(() => expectSame(wrapper(), op()));
    });
  });

  it('leaves no tensor behind inside tidy', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      kernels.split(kernels.concat([m34(), n34()], 1), 2, 1);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
