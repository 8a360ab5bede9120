/**
 * Direct calls into tfjs-core's kernel registry: the one place in gatecast that names tfjs kernels
 * and their attributes. The trainer's fused loop and the worker's wasm engine both run their hot
 * loops through these.
 *
 * Each function dispatches the registered kernel that the public op of the same name runs (`Add`
 * for `tf.add`, `BatchMatMul` for `tf.matMul`, `_FusedMatMul` for `tf.fused.matMul`, …) through
 * `engine().runKernel`. That skips only the op wrappers' argument conversion, assertions,
 * reshapes and per-op scope bookkeeping, which at gatecast's model sizes cost about as much as
 * the arithmetic. So operands must already be float32 tensors of compatible shapes: nothing is
 * checked here. Call them inside `tidy` like any op. `kernels.test.ts` checks each against the
 * public op it stands for.
 *
 * Only `@tensorflow/tfjs-core` is imported, so a bundle using this entry does not pull in
 * tfjs-layers.
 */
import {
  _FusedMatMul,
  type _FusedMatMulAttrs,
  Add,
  AddN,
  BatchMatMul,
  type BatchMatMulAttrs,
  Concat,
  type ConcatAttrs,
  engine,
  Multiply,
  type NamedAttrMap,
  type NamedTensorMap,
  Neg,
  Relu,
  Sigmoid,
  Slice,
  type SliceAttrs,
  SplitV,
  type SplitVAttrs,
  Square,
  Step,
  type StepAttrs,
  Sub,
  Tanh,
  type Tensor,
  Transpose,
  type TransposeAttrs,
} from '@tensorflow/tfjs-core';

// Attributes are typed with tfjs-core's own `…Attrs` interfaces, so a renamed attribute fails
// type-checking here rather than silently at run time.
function run<T extends Tensor | Tensor[]>(
  kernel: string,
  inputs: NamedTensorMap | Tensor[],
  attrs?: object,
): T {
  return engine().runKernel<T>(
    kernel,
    inputs as unknown as NamedTensorMap,
    attrs as NamedAttrMap | undefined,
  );
}

/** `a + b`, element-wise with broadcasting (kernel `Add`, as `tf.add`). */
export function add<T extends Tensor = Tensor>(a: Tensor, b: Tensor): T {
  return run(Add, { a, b });
}

/** `a − b`, element-wise with broadcasting (kernel `Sub`, as `tf.sub`). */
export function sub<T extends Tensor = Tensor>(a: Tensor, b: Tensor): T {
  return run(Sub, { a, b });
}

/** `a ⊙ b`, element-wise with broadcasting (kernel `Multiply`, as `tf.mul`). */
export function mul<T extends Tensor = Tensor>(a: Tensor, b: Tensor): T {
  return run(Multiply, { a, b });
}

/** `x₀ + x₁ + …` of tensors of one shape (kernel `AddN`, as `tf.addN`). */
export function addN<T extends Tensor>(xs: T[]): T {
  return run(AddN, xs);
}

/** `−x` (kernel `Neg`, as `tf.neg`). */
export function neg<T extends Tensor>(x: T): T {
  return run(Neg, { x });
}

/** `x ⊙ x` (kernel `Square`, as `tf.square`). */
export function square<T extends Tensor>(x: T): T {
  return run(Square, { x });
}

/** Logistic `σ(x) = 1 / (1 + e^−x)` (kernel `Sigmoid`, as `tf.sigmoid`). */
export function sigmoid<T extends Tensor>(x: T): T {
  return run(Sigmoid, { x });
}

/** `tanh(x)` (kernel `Tanh`, as `tf.tanh`). */
export function tanh<T extends Tensor>(x: T): T {
  return run(Tanh, { x });
}

/** `max(x, 0)` (kernel `Relu`, as `tf.relu`). */
export function relu<T extends Tensor>(x: T): T {
  return run(Relu, { x });
}

/** `1` where `x > 0`, else `alpha`, default 0 (kernel `Step`, as `tf.step`). */
export function step<T extends Tensor>(x: T, alpha = 0): T {
  const attrs: StepAttrs = { alpha };
  return run(Step, { x }, attrs);
}

/**
 * `a · b` of untransposed operands: `[…, n, k] · […, k, m] → […, n, m]`, rank 2 or more with
 * matching (or broadcast) batch dimensions (kernel `BatchMatMul`, as `tf.matMul`).
 */
export function matMul<T extends Tensor = Tensor>(a: Tensor, b: Tensor): T {
  const attrs: BatchMatMulAttrs = { transposeA: false, transposeB: false };
  return run(BatchMatMul, { a, b }, attrs);
}

/** The activations {@link fusedMatMul} applies in the same kernel call. */
export type FusedActivation = 'linear' | 'relu' | 'sigmoid';

/**
 * `activation(a · b + bias)` in one kernel: a `[batch, n, k]`, b `[batch, k, m]`, bias `[m]` →
 * `[batch, n, m]` (kernel `_FusedMatMul`, as `tf.fused.matMul`). Rank-3 operands only: the wasm
 * backend's kernel does not reshape, unlike the public op.
 */
export function fusedMatMul<T extends Tensor = Tensor>(
  a: Tensor,
  b: Tensor,
  bias: Tensor,
  activation: FusedActivation,
): T {
  const attrs: _FusedMatMulAttrs = {
    transposeA: false,
    transposeB: false,
    activation,
    leakyreluAlpha: 0,
  };
  return run(_FusedMatMul, { a, b, bias }, attrs);
}

/**
 * `x` with its axes permuted: output axis i is input axis `perm[i]` (kernel `Transpose`, as
 * `tf.transpose`).
 */
export function transpose<T extends Tensor>(x: T, perm: number[]): T {
  const attrs: TransposeAttrs = { perm };
  return run(Transpose, { x }, attrs);
}

/** The tensors joined along `axis` (kernel `Concat`, as `tf.concat`). */
export function concat<T extends Tensor>(xs: T[], axis: number): T {
  const attrs: ConcatAttrs = { axis };
  return run(Concat, xs, attrs);
}

/**
 * `x` cut along `axis` into `parts` equal pieces (a number) or pieces of the given sizes (an
 * array), in one kernel call (kernel `SplitV`, as `tf.split`).
 */
export function split<T extends Tensor>(x: T, parts: number | number[], axis: number): T[] {
  const attrs: SplitVAttrs = { numOrSizeSplits: parts, axis };
  return run(SplitV, { x }, attrs);
}

/**
 * The block of `x` starting at index `begin` (one entry per axis) with extent `size` (kernel
 * `Slice`, as `tf.slice`).
 */
export function slice<T extends Tensor>(x: T, begin: number[], size: number[]): T {
  const attrs: SliceAttrs = { begin, size };
  return run(Slice, { x }, attrs);
}
