import * as tfc from '@tensorflow/tfjs-core';

/**
 * Tensor methods tfjs-core defines in `public/chained_ops` as `op(this, ...args)`, where `op` is the
 * tfjs-core export of the same name (the list of `register_all_chained_ops`, minus the few below
 * that need their own wrapper and the image/spectral ones tfjs-layers does not call).
 */
// biome-ignore format: a compact list reads better than one name per line
const plainChainedOps = [
  'abs', 'acos', 'acosh', 'add', 'all', 'any', 'argMax', 'argMin', 'asin', 'asinh', 'atan',
  'atan2', 'atanh', 'avgPool', 'batchNorm', 'batchToSpaceND', 'broadcastTo', 'cast', 'ceil',
  'clipByValue', 'conv1d', 'conv2d', 'conv2dTranspose', 'cos', 'cosh', 'cumprod', 'cumsum',
  'depthToSpace', 'depthwiseConv2d', 'dilation2d', 'div', 'divNoNan', 'dot', 'elu', 'equal', 'erf',
  'euclideanNorm', 'exp', 'expandDims', 'expm1', 'floor', 'floorDiv', 'gather', 'greater',
  'greaterEqual', 'isFinite', 'isInf', 'isNaN', 'leakyRelu', 'less', 'lessEqual',
  'localResponseNormalization', 'log', 'log1p', 'logSigmoid', 'logSoftmax', 'logSumExp',
  'logicalAnd', 'logicalNot', 'logicalOr', 'logicalXor', 'matMul', 'max', 'maxPool', 'maximum',
  'mean', 'min', 'minimum', 'mirrorPad', 'mod', 'mul', 'neg', 'norm', 'notEqual', 'oneHot',
  'onesLike', 'pad', 'pool', 'pow', 'prelu', 'prod', 'reciprocal', 'relu', 'relu6', 'reshape',
  'reverse', 'round', 'rsqrt', 'selu', 'separableConv2d', 'sigmoid', 'sign', 'sin', 'sinh',
  'slice', 'softmax', 'softplus', 'spaceToBatchND', 'split', 'sqrt', 'square',
  'squaredDifference', 'squeeze', 'step', 'stridedSlice', 'sub', 'sum', 'tan', 'tanh', 'tile',
  'topk', 'transpose', 'unique', 'unsortedSegmentSum', 'unstack', 'zerosLike',
] as const;

type AnyTensor = tfc.Tensor;
type Method = (this: AnyTensor, ...args: unknown[]) => unknown;

/** Methods whose body is not `op(this, ...args)`, written as in tfjs-core's chained_ops. */
const specialChainedOps: Record<string, Method> = {
  flatten() {
    return tfc.reshape(this, [this.size]);
  },
  asScalar() {
    if (this.size !== 1) throw new Error('The array must have only 1 element.');
    return tfc.reshape(this, []);
  },
  as1D() {
    return tfc.reshape(this, [this.size]);
  },
  as2D(...dims) {
    return tfc.reshape(this, dims as number[]);
  },
  as3D(...dims) {
    return tfc.reshape(this, dims as number[]);
  },
  as4D(...dims) {
    return tfc.reshape(this, dims as number[]);
  },
  as5D(...dims) {
    return tfc.reshape(this, dims as number[]);
  },
  asType(dtype) {
    return tfc.cast(this, dtype as tfc.DataType);
  },
  toBool() {
    return tfc.cast(this, 'bool');
  },
  toFloat() {
    return tfc.cast(this, 'float32');
  },
  toInt() {
    return tfc.cast(this, 'int32');
  },
  reshapeAs(other) {
    return tfc.reshape(this, (other as AnyTensor).shape);
  },
  concat(x, axis) {
    const rest = x instanceof tfc.Tensor ? [x] : (x as AnyTensor[]);
    return tfc.concat([this, ...rest], axis as number | undefined);
  },
  stack(x, axis) {
    const rest = x instanceof tfc.Tensor ? [x] : (x as AnyTensor[]);
    return tfc.stack([this, ...rest], axis as number | undefined);
  },
  where(condition, x) {
    return tfc.where(condition as AnyTensor, this, x as AnyTensor);
  },
};

/**
 * Installs tfjs' chained tensor methods (`t.flatten()`, `t.transpose()`, …) that are missing.
 *
 * Why: tfjs-layers calls some of them (e.g. its orthogonal initializer calls `r.flatten()`), but
 * since tfjs 3 only the `@tensorflow/tfjs` union package registers them; `@tensorflow/tfjs-core`'s
 * Node bundle does not, and its ES-module `register_all_chained_ops` cannot be imported by Node
 * (extensionless relative imports). With only tfjs-core + tfjs-layers installed, building an RNN
 * then fails with "rMat.flatten is not a function". Idempotent; methods already present (e.g. from
 * `@tensorflow/tfjs`) are left alone.
 */
export function registerChainedOps(): void {
  const prototype = tfc.Tensor.prototype as unknown as Record<string, unknown>;
  const ops = tfc as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of plainChainedOps) {
    const op = ops[name];
    if (prototype[name] !== undefined || typeof op !== 'function') continue;
    prototype[name] = function (this: AnyTensor, ...args: unknown[]) {
      this.throwIfDisposed();
      return op(this, ...args);
    };
  }
  for (const [name, method] of Object.entries(specialChainedOps)) {
    if (prototype[name] !== undefined) continue;
    prototype[name] = function (this: AnyTensor, ...args: unknown[]) {
      this.throwIfDisposed();
      return method.apply(this, args);
    };
  }
}
