import '@tensorflow/tfjs-backend-cpu';
import { setBackend, type Tensor, tensor } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerChainedOps } from './registerChainedOps.js';

/** The chained methods exercised below (tfjs-core only declares them when they are registered). */
interface Chained extends Tensor {
  flatten(): Chained;
  transpose(): Chained;
  sign(): Chained;
  reshape(shape: number[]): Chained;
  stridedSlice(begin: number[], end: number[], strides: number[]): Chained;
}

describe('registerChainedOps', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  it('installs the chained methods tfjs-layers calls, idempotently', () => {
    registerChainedOps();
    registerChainedOps();
    const t = tensor([
      [1, -2],
      [3, 4],
    ]) as unknown as Chained;
    expect(Array.from(t.flatten().dataSync())).toEqual([1, -2, 3, 4]);
    expect(Array.from(t.transpose().dataSync())).toEqual([1, 3, -2, 4]);
    expect(Array.from(t.sign().dataSync())).toEqual([1, -1, 1, 1]);
    expect(t.reshape([4]).shape).toEqual([4]);
    // The diagonal of a 2×2 matrix, as tfjs' orthogonal initializer extracts it.
    expect(Array.from(t.flatten().stridedSlice([0], [4], [3]).dataSync())).toEqual([1, 4]);
  });

  it('throws on a disposed tensor', () => {
    registerChainedOps();
    const t = tensor([1, 2]) as unknown as Chained;
    t.dispose();
    expect(() => t.flatten()).toThrow(/disposed/);
  });
});
