/**
 * The kernels the fused layers run, typed for the 2-D tensors they work on (`[B, width]` steps,
 * `[rows, cols]` weights): core's direct kernel calls (`@gatecast/core/kernels`, which says why
 * they bypass the public ops), plus the column and row cuts the layers make. Broadcasting operands
 * (scalars, `[cols]` rows) are allowed where the kernels allow them.
 */
import * as kernel from '@gatecast/core/kernels';
import type * as tf from '@tensorflow/tfjs';

type T2 = tf.Tensor2D;

/** `a + b` */
export const add = (a: T2, b: tf.Tensor): T2 => kernel.add(a, b);
/** `a − b` (either may be a scalar) */
export const sub = (a: tf.Tensor, b: tf.Tensor): T2 => kernel.sub(a, b);
/** `a ⊙ b` */
export const mul = (a: T2, b: tf.Tensor): T2 => kernel.mul(a, b);
/** `a₀ + a₁ + …` (same shapes) */
export const addN = (xs: T2[]): T2 => kernel.addN(xs);
/** `−x` */
export const neg = (x: T2): T2 => kernel.neg(x);
/** `x ⊙ x` */
export const square = (x: T2): T2 => kernel.square(x);
/** logistic σ */
export const sigmoid = (x: T2): T2 => kernel.sigmoid(x);
/** `tanh` */
export const tanh = (x: T2): T2 => kernel.tanh(x);
/** `max(x, 0)` */
export const relu = (x: T2): T2 => kernel.relu(x);
/** `1[x > 0]` */
export const step = (x: T2): T2 => kernel.step(x);
/** `a · b` (plain, untransposed operands) */
export const matMul = (a: T2, b: T2): T2 => kernel.matMul(a, b);
/** `xᵀ` */
export const transpose = (x: T2): T2 => kernel.transpose(x, [1, 0]);
/** Concatenation along `axis` (0: rows, 1: columns). */
export const concat = (xs: T2[], axis: 0 | 1): T2 => kernel.concat(xs, axis);
/** `x` cut column-wise into `parts` equal blocks (one kernel; cheaper than `parts` slices). */
export const splitColumns = (x: T2, parts: number): T2[] => kernel.split(x, parts, 1);
/** Columns `[begin, begin + size)` of `x`. */
export const columns = (x: T2, begin: number, size: number): T2 =>
  kernel.slice(x, [0, begin], [x.shape[0], size]);
/** Rows `[begin, begin + size)` of `x`. */
export const rows = (x: T2, begin: number, size: number): T2 =>
  kernel.slice(x, [begin, 0], [size, x.shape[1]]);
