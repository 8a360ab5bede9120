/**
 * The `fused` training loop (the default): a faster drop-in for the `layers` loop
 * (`layersTrainRun`), with the same model, initial weights, optimizer, loss, epochs, batches and
 * result, and far fewer and cheaper tfjs kernels per training step.
 *
 * tfjs-layers' `fit` runs an RNN step by step through generic layer code and differentiates it
 * with tfjs' tape: about 1,300 small kernels per LSTM batch, including matMuls with transposed
 * operands, which the wasm backend runs several times slower than plain ones. Here the whole
 * network and its loss are one `tf.customGrad` op (`fused/fusedNetwork.ts`): each recurrent layer
 * (`fused/lstmLayer.ts`, `gruLayer.ts`, `simpleRnnLayer.ts`) runs its T steps with fused gate
 * matMuls and sigmoids, keeps what its backward needs, and backpropagates through time by hand
 * with weights transposed once per batch; weight gradients are summed over all steps in one
 * matMul after the loop; the dense head and mse (`fused/denseHead.ts`) likewise, or for a gaussian
 * spec (`output: 'gaussian'`, a `[μ, ρ]` head) the Gaussian negative log-likelihood
 * (`fused/gaussianNll.ts`). About 400 kernels
 * per LSTM(32) batch instead of 1,300, none of them a transposed matMul, dispatched without the
 * op wrappers' overhead (`fused/ops.ts`). Adam is tfjs' own (`tf.train.adam`), applied
 * through `optimizer.minimize` to one flat `tf.Variable` holding every weight in `getWeights()`
 * order (adam is elementwise, so this is the same update as per-weight variables, in one set of
 * kernels).
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
import { trainedPredictions } from './predictScaled.js';
import type { TrainRunOptions, TrainRunResult } from './runTypes.js';

/**
 * Trains one model like `layersTrainRun` (adam, mse or Gaussian NLL, shuffled batches,
 * Keras-equivalent seeded initializers), with the fused custom-gradient network of `fused/`.
 * Resolves to the same result shape, weights in `getWeights()` order.
 */
export async function fusedTrainRun(options: TrainRunOptions): Promise<TrainRunResult> {
  const { spec, data, seed, epochs, batchSize, learningRate, onEpochEnd } = options;
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
        const batch = makeBatch(data.fit, length, order.slice(start, end));
        const { loss, stash } = batchLoss(spec, layout, batch, consts);
        try {
          const cost = optimizer.minimize(() => loss(parameters), true, [parameters]);
          if (cost === null) throw new Error('fusedTrainRun: optimizer returned no cost');
          total += (cost.dataSync()[0] as number) * (end - start);
          cost.dispose();
        } finally {
          stash.dispose();
          batch.dispose();
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
