/**
 * The whole forecaster (recurrent stack → dense head → loss) as ONE `tf.customGrad` op of its
 * parameters: the forward runs the fused layers of `lstmLayer.ts`, `gruLayer.ts`,
 * `simpleRnnLayer.ts` and `denseHead.ts`, and the gradient function chains their hand-written
 * backward passes. The loss is the mean squared error (`denseHead.ts`) for a point spec, the
 * Gaussian negative log-likelihood of the `[μ, ρ]` head (`gaussianNll.ts`) for a gaussian one:
 *
 *     dŷ → head backward → dh_{T−1} of the last recurrent layer → its BPTT → dx_t of its input
 *        = dh_t of the layer below (every step, since inner layers return sequences) → …
 *
 * so tfjs' tape holds a single node per step.
 *
 * The parameters are one flat vector: every weight of the tfjs-layers model, flattened row-major
 * and concatenated in `getWeights()` order ({@link parameterLayout}). The op cuts it into the
 * weights (one `split`), and its gradient is the weight gradients flattened and concatenated the
 * same way. Adam updates each element independently, so one flat variable trains exactly like
 * the separate ones, with one set of update kernels per step instead of one per weight.
 */
import { type CellKind, type ModelOutput, type ModelSpec, modelOutput } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import { disposeSequence, type FusedBatch, sequenceOf } from './batches.js';
import { type DenseTensors, denseHeadForward, meanSquaredError } from './denseHead.js';
import { gaussianNll } from './gaussianNll.js';
import { gruLayerForward } from './gruLayer.js';
import { lstmLayerForward } from './lstmLayer.js';
import type {
  FusedContext,
  RecurrentForward,
  RecurrentLayerForward,
  RecurrentTensors,
  SequenceInput,
} from './sequence.js';
import { simpleRnnLayerForward } from './simpleRnnLayer.js';
import { type ConstantCache, TensorStash } from './tensorStore.js';

const CELL_FORWARD: Record<CellKind, RecurrentLayerForward> = {
  simpleRNN: simpleRnnLayerForward,
  gru: gruLayerForward,
  lstm: lstmLayerForward,
};

/** Number of weight tensors of a spec (3 per recurrent layer, 2 per dense layer). */
export function weightCount(spec: ModelSpec): number {
  return 3 * spec.recurrent.length + 2 * spec.head.length;
}

/** Where each weight (in `getWeights()` order) lives in the flat parameter vector. */
export interface ParameterLayout {
  shapes: number[][];
  /** Elements per weight. */
  sizes: number[];
  /** Total number of parameters. */
  total: number;
}

/** The flat-parameter layout of weights with these shapes (`getWeights()` order). */
export function parameterLayout(shapes: readonly (readonly number[])[]): ParameterLayout {
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  return { shapes: shapes.map((s) => [...s]), sizes, total: sizes.reduce((a, b) => a + b, 0) };
}

/** Concatenates weights (row-major) into one flat vector, in the given order. */
export function flattenWeights(weights: readonly { values: ArrayLike<number> }[]): Float32Array {
  const total = weights.reduce((n, w) => n + w.values.length, 0);
  const flat = new Float32Array(total);
  let offset = 0;
  for (const w of weights) {
    flat.set(w.values, offset);
    offset += w.values.length;
  }
  return flat;
}

/** Cuts a flat vector back into weights (copies), in `getWeights()` order. */
export function unflattenWeights(
  layout: ParameterLayout,
  flat: Float32Array,
): { shape: number[]; values: Float32Array }[] {
  let offset = 0;
  return layout.shapes.map((shape, i) => {
    const size = layout.sizes[i] as number;
    const values = flat.slice(offset, offset + size);
    offset += size;
    return { shape: [...shape], values };
  });
}

function groupWeights(
  spec: ModelSpec,
  weights: readonly tf.Tensor[],
): { recurrent: RecurrentTensors[]; dense: DenseTensors[] } {
  if (weights.length !== weightCount(spec)) {
    throw new Error(
      `fused network: got ${weights.length} weights, spec needs ${weightCount(spec)}`,
    );
  }
  const at = (i: number) => weights[i] as tf.Tensor;
  const recurrent = spec.recurrent.map((_, i) => ({
    kernel: at(3 * i) as tf.Tensor2D,
    recurrentKernel: at(3 * i + 1) as tf.Tensor2D,
    bias: at(3 * i + 2) as tf.Tensor1D,
  }));
  const offset = 3 * spec.recurrent.length;
  const dense = spec.head.map((_, j) => ({
    kernel: at(offset + 2 * j) as tf.Tensor2D,
    bias: at(offset + 2 * j + 1) as tf.Tensor1D,
  }));
  return { recurrent, dense };
}

interface NetworkForward {
  /** `[B, outputs]`: `[B, 1]` for a point spec, `[B, 2]` (`[μ, ρ]`) for a gaussian one. */
  output: tf.Tensor2D;
  /** Gradients of every weight, in `getWeights()` order, given `∂L/∂ŷ`. */
  backward: ((dOutput: tf.Tensor2D) => tf.Tensor[]) | null;
}

/** Forward pass of the whole network (and its backward when `ctx.stash` is set). */
export function networkForward(
  spec: ModelSpec,
  weights: readonly tf.Tensor[],
  input: SequenceInput,
  ctx: FusedContext,
): NetworkForward {
  const { recurrent, dense } = groupWeights(spec, weights);
  const layers: RecurrentForward[] = [];
  let sequence = input;
  spec.recurrent.forEach((layer, i) => {
    const forward = CELL_FORWARD[layer.cell](
      recurrent[i] as RecurrentTensors,
      sequence,
      ctx,
      layer.returnSequences,
    );
    layers.push(forward);
    sequence = { steps: forward.outputs, withOnes: false };
  });
  const last = sequence.steps[sequence.steps.length - 1] as tf.Tensor2D;
  const head = denseHeadForward(
    dense,
    spec.head.map((l) => l.activation),
    last,
    ctx.stash,
  );
  const headBackward = head.backward;
  if (headBackward === null) return { output: head.output, backward: null };

  const backward = (dOutput: tf.Tensor2D): tf.Tensor[] => {
    const headGrads = headBackward(dOutput);
    let dOutputs: (tf.Tensor2D | null)[] = [headGrads.input];
    const recurrentGrads: tf.Tensor[][] = new Array(layers.length);
    for (let i = layers.length - 1; i >= 0; i--) {
      const layerBackward = layers[i]?.backward;
      if (!layerBackward) throw new Error('fused network: recurrent layer has no backward');
      const g = layerBackward(dOutputs, i > 0);
      recurrentGrads[i] = [g.kernel, g.recurrentKernel, g.bias];
      if (i > 0) {
        if (g.inputs === null) throw new Error('fused network: missing input gradients');
        dOutputs = g.inputs;
      }
    }
    return [...recurrentGrads.flat(), ...headGrads.layers.flatMap((l) => [l.kernel, l.bias])];
  };
  return { output: head.output, backward };
}

/** A training loss of the head's outputs, with the hand-written gradient with respect to them. */
type HeadLoss = typeof meanSquaredError;

const LOSSES: Record<ModelOutput, HeadLoss> = {
  point: meanSquaredError,
  gaussian: gaussianNll,
};

/**
 * The training loss of one batch as a function of the flat parameter vector (`[layout.total]`),
 * as a single `tf.customGrad` op: calling it returns the loss — the mse for a point spec, the
 * Gaussian NLL (`gaussianNll.ts`) for a gaussian one — (a scalar on tfjs' tape); its
 * gradient (`[layout.total]`) is the hand-written backward. Tensors kept for the backward live in
 * the returned `stash`, which the gradient function empties; call `stash.dispose()` after the step
 * anyway (it is idempotent), in case no gradient was taken.
 */
export function batchLoss(
  spec: ModelSpec,
  layout: ParameterLayout,
  batch: Pick<FusedBatch, 'input' | 'targets'>,
  consts: ConstantCache,
): { loss: (parameters: tf.Tensor1D) => tf.Scalar; stash: TensorStash } {
  const stash = new TensorStash();
  const loss = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const parameters = args[0] as tf.Tensor1D;
    const weights = tf
      .split(parameters, layout.sizes)
      .map((w, i) => stash.keep(tf.reshape(w, layout.shapes[i] as number[])));
    const net = networkForward(spec, weights, batch.input, { consts, stash });
    const objective = LOSSES[modelOutput(spec)](net.output, batch.targets, consts, stash);
    const netBackward = net.backward;
    const lossGradient = objective.gradient;
    if (netBackward === null || lossGradient === null)
      throw new Error('fused network: no backward');
    return {
      value: objective.loss,
      gradFunc: (dy: tf.Scalar) => {
        try {
          return tf.tidy(() =>
            tf.concat(
              netBackward(lossGradient(dy)).map((g) => tf.reshape(g, [g.size])),
              0,
            ),
          );
        } finally {
          stash.dispose();
        }
      },
    };
  }) as (parameters: tf.Tensor1D) => tf.Scalar;
  return { loss, stash };
}

/**
 * Outputs of the network for `count` windows (`inputs` `[count · windowLength]`, one feature),
 * with the fused forward pass (no tape, nothing kept): `[count · outputCount(spec)]` row-major
 * (`[count]` for a point spec, `[μ₀, ρ₀, μ₁, ρ₁, …]` for a gaussian one).
 */
export function fusedPredict(
  spec: ModelSpec,
  weights: readonly tf.Tensor[],
  inputs: Float32Array,
  count: number,
  consts: ConstantCache,
): Float32Array {
  const indices = Array.from({ length: count }, (_, i) => i);
  const input = sequenceOf(inputs, spec.windowLength, indices);
  try {
    return tf.tidy(() => {
      const { output } = networkForward(spec, weights, input, { consts, stash: null });
      return output.dataSync() as Float32Array;
    });
  } finally {
    disposeSequence(input);
  }
}
