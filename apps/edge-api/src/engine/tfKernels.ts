/**
 * Thin calls straight into tfjs' kernel registry for the forward pass's hot loop.
 *
 * The public op wrappers (`tf.concat`, `tf.fused.matMul`, …) convert and assert their arguments
 * and `fused.matMul` adds three reshapes and a custom-gradient scope per call; at this model size
 * that bookkeeping costs more than the arithmetic. Every tensor here is rank 3, `[1, batch, width]`,
 * so `_FusedMatMul` takes it as is. Call these only inside `tidy`.
 */
import {
  _FusedMatMul,
  Add,
  Concat,
  engine,
  Multiply,
  type NamedTensorMap,
  Sigmoid,
  SplitV,
  Sub,
  Tanh,
  type Tensor,
} from '@tensorflow/tfjs-core';

function run(kernel: string, inputs: NamedTensorMap, attrs: object = {}): Tensor | Tensor[] {
  return engine().runKernel(kernel, inputs, attrs as never);
}

/** Concatenates rank-3 tensors along their last axis. */
export function concatLast(tensors: Tensor[]): Tensor {
  return run(Concat, tensors as unknown as NamedTensorMap, { axis: 2 }) as Tensor;
}

/** Splits a rank-3 tensor along its last axis into pieces of the given widths. */
export function splitLast(x: Tensor, widths: number[]): Tensor[] {
  return run(SplitV, { x }, { numOrSizeSplits: widths, axis: 2 }) as Tensor[];
}

/** Activations `_FusedMatMul` applies in the same kernel call. */
export type FusedActivation = 'linear' | 'relu' | 'sigmoid';

/**
 * `activation(a · b + bias)` in one kernel: a `[1, batch, n]`, b `[1, n, m]`, bias `[m]` →
 * `[1, batch, m]`.
 */
export function fusedMatMul(
  a: Tensor,
  b: Tensor,
  bias: Tensor,
  activation: FusedActivation,
): Tensor {
  return run(
    _FusedMatMul,
    { a, b, bias },
    { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0 },
  ) as Tensor;
}

/** Element-wise `a + b` (broadcasting). */
export function add(a: Tensor, b: Tensor): Tensor {
  return run(Add, { a, b }) as Tensor;
}

/** Element-wise `a − b` (broadcasting). */
export function sub(a: Tensor, b: Tensor): Tensor {
  return run(Sub, { a, b }) as Tensor;
}

/** Element-wise `a · b` (broadcasting). */
export function mul(a: Tensor, b: Tensor): Tensor {
  return run(Multiply, { a, b }) as Tensor;
}

/** Element-wise logistic σ. */
export function sigmoid(x: Tensor): Tensor {
  return run(Sigmoid, { x }) as Tensor;
}

/** Element-wise tanh. */
export function tanh(x: Tensor): Tensor {
  return run(Tanh, { x }) as Tensor;
}
