/**
 * The forward pass in tfjs-core kernels: the same cells as core's plain-TypeScript ones (see
 * `packages/core/src/cells/*.ts` for the gate equations), rearranged so that each time step costs
 * as few kernel calls as possible. Weights are repacked and uploaded once, at load.
 *
 * Every tensor is `[1, batch, width]`. The input of a step is concatenated with the state,
 * `[x_t | h_{t−1}]`, so that one fused matMul against the stacked kernel `[W; U]` (rows: input
 * width n, then units u) computes every gate's pre-activation with its bias added:
 *
 * - SimpleRNN: `h = tanh([x|h]·[W;U] + b)`.
 * - LSTM (blocks i, f, c, o): the c columns are doubled so that one fused σ serves all four blocks,
 *   since `tanh(a) = 2σ(2a) − 1`; then `c = f⊙c + i⊙g`, `h = o⊙tanh(c)`.
 * - GRU (reset_after = false, blocks z, r, h): `[z|r] = σ([x|h]·[W;U]_{zr} + b_{zr})`,
 *   `h̃ = tanh([x | r⊙h]·[W;U]_h + b_h)`, `h = h̃ + z⊙(h − h̃)`.
 *
 * The kernels are called directly, through `@gatecast/core/kernels`: at this model size the public
 * ops' argument checks and bookkeeping cost more than the arithmetic.
 */
import type {
  DenseLayerSpec,
  DenseWeights,
  RecurrentLayerSpec,
  RecurrentWeights,
  WeightArray,
} from '@gatecast/core';
import {
  add,
  concat,
  type FusedActivation,
  fusedMatMul,
  mul,
  split,
  sub,
  tanh,
} from '@gatecast/core/kernels';
import { type Tensor, tensor } from '@tensorflow/tfjs-core';

/** The width axis of every `[1, batch, width]` tensor: steps are joined and split along it. */
const WIDTH = 2;

/** Scalars shared by every model: 1 and 2. */
export interface Constants {
  one: Tensor;
  two: Tensor;
}

/** A prepared layer: its tensors, and a function of the step inputs. */
export interface TfRecurrentLayer {
  tensors: Tensor[];
  /**
   * Runs the layer over the sequence.
   *
   * @param inputs - `timeSteps` tensors `[1, batch, n]`.
   * @returns every state `[1, batch, u]` if the layer returns sequences, else just the last.
   */
  run(inputs: Tensor[], batch: number): Tensor[];
}

/**
 * Stacks `[W; U]` for the columns `[from, from + count)`: rows of W (input width n), then rows of
 * U (units u), each column multiplied by `scale(column)`. Returns `[1, n + u, count]`.
 */
function stackedKernel(
  kernel: WeightArray,
  recurrentKernel: WeightArray,
  from: number,
  count: number,
  scale: (column: number) => number = () => 1,
): Tensor {
  const width = kernel.shape[1] as number;
  const rows = (kernel.shape[0] as number) + (recurrentKernel.shape[0] as number);
  const out = new Float32Array(rows * count);
  let row = 0;
  for (const matrix of [kernel.values, recurrentKernel.values]) {
    for (let r = 0; r < matrix.length / width; r++, row++) {
      for (let j = 0; j < count; j++) {
        out[row * count + j] = (matrix[r * width + from + j] as number) * scale(from + j);
      }
    }
  }
  return tensor(out, [1, rows, count], 'float32');
}

function biasSlice(
  bias: WeightArray,
  from: number,
  count: number,
  scale = (_: number) => 1,
): Tensor {
  const out = new Float32Array(count);
  for (let j = 0; j < count; j++) out[j] = (bias.values[from + j] as number) * scale(from + j);
  return tensor(out, [count], 'float32');
}

function zeros(batch: number, units: number): Tensor {
  return tensor(new Float32Array(batch * units), [1, batch, units], 'float32');
}

function simpleRnnLayer(spec: RecurrentLayerSpec, w: RecurrentWeights): TfRecurrentLayer {
  const u = spec.units;
  const kernel = stackedKernel(w.kernel, w.recurrentKernel, 0, u);
  const bias = biasSlice(w.bias, 0, u);
  return {
    tensors: [kernel, bias],
    run(inputs, batch) {
      let h = zeros(batch, u);
      const states: Tensor[] = [];
      for (const x of inputs) {
        h = tanh(fusedMatMul(concat([x, h], WIDTH), kernel, bias, 'linear'));
        if (spec.returnSequences) states.push(h);
      }
      return spec.returnSequences ? states : [h];
    },
  };
}

function lstmLayer(spec: RecurrentLayerSpec, w: RecurrentWeights, k: Constants): TfRecurrentLayer {
  const u = spec.units;
  // Block c (columns 2u..3u) doubled: σ(2a) there gives tanh(a) = 2σ(2a) − 1.
  const doubleC = (column: number) => (column >= 2 * u && column < 3 * u ? 2 : 1);
  const kernel = stackedKernel(w.kernel, w.recurrentKernel, 0, 4 * u, doubleC);
  const bias = biasSlice(w.bias, 0, 4 * u, doubleC);
  return {
    tensors: [kernel, bias],
    run(inputs, batch) {
      let h = zeros(batch, u);
      let c = zeros(batch, u);
      const states: Tensor[] = [];
      for (const x of inputs) {
        const gates = fusedMatMul(concat([x, h], WIDTH), kernel, bias, 'sigmoid');
        const [i, f, s, o] = split(gates, [u, u, u, u], WIDTH) as [Tensor, Tensor, Tensor, Tensor];
        const g = sub(mul(s, k.two), k.one);
        c = add(mul(f, c), mul(i, g));
        h = mul(o, tanh(c));
        if (spec.returnSequences) states.push(h);
      }
      return spec.returnSequences ? states : [h];
    },
  };
}

function gruLayer(spec: RecurrentLayerSpec, w: RecurrentWeights): TfRecurrentLayer {
  const u = spec.units;
  const gateKernel = stackedKernel(w.kernel, w.recurrentKernel, 0, 2 * u);
  const gateBias = biasSlice(w.bias, 0, 2 * u);
  const candidateKernel = stackedKernel(w.kernel, w.recurrentKernel, 2 * u, u);
  const candidateBias = biasSlice(w.bias, 2 * u, u);
  return {
    tensors: [gateKernel, gateBias, candidateKernel, candidateBias],
    run(inputs, batch) {
      let h = zeros(batch, u);
      const states: Tensor[] = [];
      for (const x of inputs) {
        const gates = fusedMatMul(concat([x, h], WIDTH), gateKernel, gateBias, 'sigmoid');
        const [z, r] = split(gates, [u, u], WIDTH) as [Tensor, Tensor];
        const xr = concat([x, mul(r, h)], WIDTH);
        const candidate = tanh(fusedMatMul(xr, candidateKernel, candidateBias, 'linear'));
        h = add(candidate, mul(z, sub(h, candidate)));
        if (spec.returnSequences) states.push(h);
      }
      return spec.returnSequences ? states : [h];
    },
  };
}

/** Uploads a recurrent layer's weights, repacked for its cell. */
export function prepareRecurrentLayer(
  spec: RecurrentLayerSpec,
  weights: RecurrentWeights,
  constants: Constants,
): TfRecurrentLayer {
  switch (spec.cell) {
    case 'simpleRNN':
      return simpleRnnLayer(spec, weights);
    case 'lstm':
      return lstmLayer(spec, weights, constants);
    case 'gru':
      return gruLayer(spec, weights);
  }
}

/** A prepared dense layer: `activation(x · K + b)` as one fused kernel call. */
export interface TfDenseLayer {
  tensors: Tensor[];
  /** `[1, batch, n]` → `[1, batch, m]`. */
  run(x: Tensor): Tensor;
}

/** Uploads a dense layer's weights. */
export function prepareDenseLayer(spec: DenseLayerSpec, weights: DenseWeights): TfDenseLayer {
  const kernel = tensor(weights.kernel.values, [1, ...weights.kernel.shape], 'float32');
  const bias = tensor(weights.bias.values, weights.bias.shape, 'float32');
  const activation: FusedActivation = spec.activation;
  return { tensors: [kernel, bias], run: (x) => fusedMatMul(x, kernel, bias, activation) };
}
