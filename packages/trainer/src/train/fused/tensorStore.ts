/**
 * Tensor lifetimes for the fused training loop.
 *
 * tfjs runs a `customGrad` forward inside its own `tidy`, so every tensor the hand-written backward
 * will need has to be `keep`-ed there and disposed once the backward has run. {@link TensorStash}
 * holds those tensors for one training step; {@link ConstantCache} holds the small constant tensors
 * (zeros, ones, scalars, per-gate rows) that every step reuses, for a whole run.
 */
import * as tf from '@tensorflow/tfjs';

/** Tensors kept alive from a forward pass until its backward pass (one training step). */
export class TensorStash {
  private readonly tensors: tf.Tensor[] = [];

  /** Keeps `t` out of any enclosing `tidy` until {@link dispose}; returns it. */
  keep<T extends tf.Tensor>(t: T): T {
    this.tensors.push(tf.keep(t));
    return t;
  }

  /** Disposes every kept tensor. Idempotent. */
  dispose(): void {
    for (const t of this.tensors) t.dispose();
    this.tensors.length = 0;
  }
}

/** Constant tensors reused across steps, created on first use and kept until {@link dispose}. */
export class ConstantCache {
  private readonly cache = new Map<string, tf.Tensor>();

  private get<T extends tf.Tensor>(key: string, make: () => T): T {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit as T;
    const made = tf.keep(make());
    this.cache.set(key, made);
    return made;
  }

  /** A float32 scalar. */
  scalar(value: number): tf.Scalar {
    return this.get(`s:${value}`, () => tf.scalar(value, 'float32'));
  }

  /** `[rows, cols]` of zeros. */
  zeros(rows: number, cols: number): tf.Tensor2D {
    return this.get(`z:${rows}x${cols}`, () => tf.zeros([rows, cols], 'float32'));
  }

  /** `[rows, cols]` filled with `value`. */
  filled(rows: number, cols: number, value: number): tf.Tensor2D {
    return this.get(`f:${value}:${rows}x${cols}`, () => tf.fill([rows, cols], value, 'float32'));
  }

  /** `[rows, cols]` of ones. */
  ones(rows: number, cols: number): tf.Tensor2D {
    return this.get(`o:${rows}x${cols}`, () => tf.ones([rows, cols], 'float32'));
  }

  /**
   * `[blocks.length · units]`: block `j` filled with `blocks[j]`, e.g. a per-gate scale row of a
   * fused `[·, k·units]` gate matrix.
   */
  blockRow(blocks: readonly number[], units: number): tf.Tensor1D {
    return this.get(`b:${blocks.join(',')}:${units}`, () => {
      const values = new Float32Array(blocks.length * units);
      blocks.forEach((v, j) => {
        values.fill(v, j * units, (j + 1) * units);
      });
      return tf.tensor1d(values, 'float32');
    });
  }

  /** Number of cached tensors (for tests). */
  get size(): number {
    return this.cache.size;
  }

  /** Disposes every cached tensor. */
  dispose(): void {
    for (const t of this.cache.values()) t.dispose();
    this.cache.clear();
  }
}
