/**
 * The tfjs kernels the fast layers run, typed for the 2-D tensors they work on (`[B, width]`
 * steps, `[rows, cols]` weights).
 *
 * Each function dispatches the registered tfjs kernel of the same name (`Add`, `Multiply`,
 * `BatchMatMul`, …: the kernels `tf.add`, `tf.mul`, `tf.matMul`, … run) directly through
 * `tf.engine().runKernel`. That skips only the op wrappers' argument conversion, validation and
 * per-op scope bookkeeping, which cost about as much as a small kernel itself and are redundant
 * here: every operand is already a float32 tensor of a checked shape. Broadcasting operands
 * (scalars, `[cols]` rows) are allowed where the kernels allow them.
 */
import * as tf from '@tensorflow/tfjs';

type T2 = tf.Tensor2D;
const engine = tf.engine();
type Inputs = Parameters<typeof engine.runKernel>[1];
type Attrs = Parameters<typeof engine.runKernel>[2];

const run = <T extends tf.Tensor | tf.Tensor[]>(kernel: string, inputs: Inputs, attrs?: Attrs): T =>
  engine.runKernel(kernel, inputs, attrs) as unknown as T;

const NO_TRANSPOSE = { transposeA: false, transposeB: false };
const SWAP = { perm: [1, 0] };
const STEP = { alpha: 0 };

/** `a + b` */
export const add = (a: T2, b: tf.Tensor): T2 => run(tf.Add, { a, b });
/** `a − b` (either may be a scalar) */
export const sub = (a: tf.Tensor, b: tf.Tensor): T2 => run(tf.Sub, { a, b });
/** `a ⊙ b` */
export const mul = (a: T2, b: tf.Tensor): T2 => run(tf.Multiply, { a, b });
/** `a₀ + a₁ + …` (same shapes) */
export const addN = (xs: T2[]): T2 => run(tf.AddN, xs as unknown as Inputs);
/** `−x` */
export const neg = (x: T2): T2 => run(tf.Neg, { x });
/** `x ⊙ x` */
export const square = (x: T2): T2 => run(tf.Square, { x });
/** logistic σ */
export const sigmoid = (x: T2): T2 => run(tf.Sigmoid, { x });
/** `tanh` */
export const tanh = (x: T2): T2 => run(tf.Tanh, { x });
/** `max(x, 0)` */
export const relu = (x: T2): T2 => run(tf.Relu, { x });
/** `1[x > 0]` */
export const step = (x: T2): T2 => run(tf.Step, { x }, STEP);
/** `a · b` (plain, untransposed operands) */
export const matMul = (a: T2, b: T2): T2 => run(tf.BatchMatMul, { a, b }, NO_TRANSPOSE);
/** `xᵀ` */
export const transpose = (x: T2): T2 => run(tf.Transpose, { x }, SWAP);
/** Concatenation along `axis` (0: rows, 1: columns). */
export const concat = (xs: T2[], axis: 0 | 1): T2 =>
  run(tf.Concat, xs as unknown as Inputs, { axis });
/** `x` cut column-wise into `parts` equal blocks (one kernel; cheaper than `parts` slices). */
export const splitColumns = (x: T2, parts: number): T2[] =>
  run(tf.SplitV, { x }, { numOrSizeSplits: parts, axis: 1 });
/** Columns `[begin, begin + size)` of `x`. */
export const columns = (x: T2, begin: number, size: number): T2 =>
  run(tf.Slice, { x }, { begin: [0, begin], size: [x.shape[0], size] });
/** Rows `[begin, begin + size)` of `x`. */
export const rows = (x: T2, begin: number, size: number): T2 =>
  run(tf.Slice, { x }, { begin: [begin, 0], size: [size, x.shape[1]] });
