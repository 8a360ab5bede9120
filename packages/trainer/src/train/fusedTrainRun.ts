/**
 * The `fused` training loop (the default): a faster drop-in for the `layers` loop
 * (`layersTrainRun`), with the same model, initial weights, optimizer, loss, epochs, batches and
 * result, and far fewer and cheaper kernels per training step.
 *
 * tfjs-layers' `fit` runs an RNN step by step through generic layer code and differentiates it
 * with tfjs' tape: about 1,300 small kernels per LSTM batch, including matMuls with transposed
 * operands, which the wasm backend runs several times slower than plain ones. Here the whole
 * network and its loss are one `tf.customGrad` op of the flat parameters, in one of two
 * implementations ({@link FusedOptions}):
 *
 * - `'kernels'` (default, `kernelBatchLoss.ts`): gatecast's WebAssembly SIMD kernels
 *   (`@gatecast/kernels`) run every recurrent layer over the whole batch of windows with a tape,
 *   the dense head, the loss (mse, or for a gaussian spec — `output: 'gaussian'`, a `[μ, ρ]` head —
 *   the Gaussian negative log-likelihood) and backpropagation through time, one kernel call per
 *   layer each way; tfjs sees one op forward and one backward per batch.
 * - `'tfjs'` (`fused/fusedNetwork.ts`, kept for comparison): each recurrent layer
 *   (`fused/lstmLayer.ts`, `gruLayer.ts`, `simpleRnnLayer.ts`) runs its T steps with fused gate
 *   matMuls and sigmoids in tfjs ops and backpropagates through time by hand; the dense head and
 *   mse (`fused/denseHead.ts`) or the Gaussian NLL (`fused/gaussianNll.ts`) likewise. About 400
 *   kernels per LSTM(32) batch instead of 1,300, none of them a transposed matMul, dispatched
 *   without the op wrappers' overhead (`fused/ops.ts`).
 *
 * Adam is tfjs' own (`tf.train.adam`), applied through `optimizer.minimize` to one flat
 * `tf.Variable` holding every weight in `getWeights()` order (adam is elementwise, so this is the
 * same update as per-weight variables, in one set of kernels).
 *
 * Same as `layersTrainRun`: initial weights from `initialModel(spec, seed, …)` (`buildLayersModel`'s
 * seeded ones, with a gaussian head's ρ bias at the log-sd of the fitted targets); batches of
 * `batchSize` from a fresh in-place shuffle of the fitting windows each epoch (tfjs' Fisher–Yates,
 * drawn from `seedrandom('gatecast:<seed>')`, the generator `layersTrainRun` seeds `Math.random` with,
 * so both loops visit the windows in the same order); the epoch loss is the batch-size-weighted
 * mean of the batch losses; predictions come from the tfjs-layers model holding the trained
 * weights. Same seed, data and backend give bit-identical weights.
 */
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import { batchRanges, makeBatch, shuffleInPlace } from './fused/batches.js';
import {
  batchLoss,
  flattenWeights,
  parameterLayout,
  unflattenWeights,
} from './fused/fusedNetwork.js';
import { ConstantCache } from './fused/tensorStore.js';
import { initialModel } from './initialModel.js';
import { gatherBatch, kernelBatchLoss, kernelTrainingNetwork } from './kernelBatchLoss.js';
import { trainedPredictions } from './predictScaled.js';
import type { TrainRunOptions, TrainRunResult } from './runTypes.js';

/** Which implementation of the fused network a {@link fusedTrainRun} uses. */
export interface FusedOptions {
  /**
   * `'kernels'` (default): the whole network, its loss and its backward run in gatecast's
   * WebAssembly kernels (`kernelBatchLoss.ts`); `'tfjs'`: in tfjs ops (`fused/fusedNetwork.ts`),
   * as before issue 14, kept for comparison. Both are one `tf.customGrad` op updated by tfjs' adam,
   * with the same loss (mse, or the Gaussian NLL for a gaussian spec).
   */
  network?: 'kernels' | 'tfjs';
}

/** The tfjs-op network's loss for one batch, and what to dispose after the step. */
function tfjsBatchLoss(
  spec: TrainRunOptions['spec'],
  layout: ReturnType<typeof parameterLayout>,
  batch: ReturnType<typeof makeBatch>,
  consts: ConstantCache,
): { loss: (parameters: tf.Tensor1D) => tf.Scalar; dispose(): void } {
  const { loss, stash } = batchLoss(spec, layout, batch, consts);
  return {
    loss,
    dispose() {
      stash.dispose();
      batch.dispose();
    },
  };
}

/**
 * Trains one model like `layersTrainRun` (adam, mse or Gaussian NLL, shuffled batches,
 * Keras-equivalent seeded initializers), with the fused custom-gradient network of `fused/`.
 * Resolves to the same result shape, weights in `getWeights()` order.
 */
export async function fusedTrainRun(
  options: TrainRunOptions,
  fused: FusedOptions = {},
): Promise<TrainRunResult> {
  const { spec, data, seed, epochs, batchSize, learningRate, onEpochEnd } = options;
  const network = fused.network === 'tfjs' ? null : kernelTrainingNetwork(spec, batchSize);
  const length = data.windowLength;
  const model = initialModel(spec, seed, data.fit.targets);
  const initial = model.getWeights();
  const layout = parameterLayout(initial.map((w) => w.shape));
  const parameters = tf.tidy(() =>
    tf.variable(
      tf.tensor1d(flattenWeights(initial.map((w) => ({ values: w.dataSync() }))), 'float32'),
      true,
    ),
  );
  const optimizer = tf.train.adam(learningRate);
  const consts = new ConstantCache();
  try {
    const random = seedrandom(`gatecast:${seed}`);
    const order = Array.from({ length: data.fit.count }, (_, i) => i);
    const ranges = batchRanges(data.fit.count, batchSize);
    const losses: number[] = [];
    const started = performance.now();
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffleInPlace(order, random);
      let total = 0;
      for (const [start, end] of ranges) {
        const indices = order.slice(start, end);
        const { loss, dispose } = network
          ? { loss: kernelBatchLoss(network, gatherBatch(data.fit, length, indices)), dispose() {} }
          : tfjsBatchLoss(spec, layout, makeBatch(data.fit, length, indices), consts);
        try {
          const cost = optimizer.minimize(() => loss(parameters), true, [parameters]);
          if (cost === null) throw new Error('fusedTrainRun: optimizer returned no cost');
          total += (cost.dataSync()[0] as number) * (end - start);
          cost.dispose();
        } finally {
          dispose();
        }
      }
      const epochLoss = total / data.fit.count;
      losses.push(epochLoss);
      onEpochEnd?.(epoch + 1, epochLoss);
    }
    const trainingSeconds = (performance.now() - started) / 1000;
    const weights = unflattenWeights(layout, parameters.dataSync() as Float32Array);
    const trained = weights.map((w) => tf.tensor(w.values, w.shape, 'float32'));
    model.setWeights(trained);
    tf.dispose(trained);
    return {
      seed,
      weights,
      losses,
      ...trainedPredictions(model, spec, data),
      trainingSeconds,
    };
  } finally {
    optimizer.dispose();
    parameters.dispose();
    consts.dispose();
    model.dispose();
  }
}
