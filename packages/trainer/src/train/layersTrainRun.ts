import type { ModelSpec } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import type { ScaledPart } from '../data/prepareData.js';
import { initialModel } from './initialModel.js';
import { layersLoss, layersTargets } from './layersLoss.js';
import { trainedPredictions } from './predictScaled.js';
import type { TrainRunOptions, TrainRunResult } from './runTypes.js';
import { withSeededMathRandom } from './seededRandom.js';

function tensorsOf(spec: ModelSpec, part: ScaledPart): [tf.Tensor3D, tf.Tensor2D] {
  return [
    tf.tensor3d(part.inputs, [part.count, spec.windowLength, 1]),
    layersTargets(spec, part.targets),
  ];
}

/**
 * The `layers` training loop: trains one model with tfjs-layers' own `model.fit` on the active
 * backend (adam, shuffled batches, Keras-equivalent initializers seeded from `seed`), on the mse
 * for a point spec or the Gaussian NLL for a gaussian one (`layersLoss.ts`), from the same initial
 * model as the fused loop (`initialModel.ts`).
 *
 * Same seed, data and backend give bit-identical weights: the initializers take seeds derived from
 * `seed`, and the batch shuffle draws from `Math.random` seeded with it.
 */
export async function layersTrainRun(options: TrainRunOptions): Promise<TrainRunResult> {
  const { spec, data, seed, epochs, batchSize, learningRate, onEpochEnd } = options;
  const model = initialModel(spec, seed, data.fit.targets);
  const [xs, ys] = tensorsOf(spec, data.fit);
  const optimizer = tf.train.adam(learningRate);
  try {
    model.compile({ optimizer, loss: layersLoss(spec) });
    const losses: number[] = [];
    const started = performance.now();
    await withSeededMathRandom(`gatecast:${seed}`, () =>
      model.fit(xs, ys, {
        epochs,
        batchSize,
        shuffle: true,
        verbose: 0,
        yieldEvery: 'never',
        callbacks: {
          onEpochEnd: async (epoch, logs) => {
            const loss = logs?.loss ?? Number.NaN;
            losses.push(loss);
            onEpochEnd?.(epoch + 1, loss);
          },
        },
      }),
    );
    const trainingSeconds = (performance.now() - started) / 1000;
    const weights = model.getWeights().map((w) => ({
      shape: [...w.shape],
      values: w.dataSync() as Float32Array,
    }));
    return {
      seed,
      weights,
      losses,
      ...trainedPredictions(model, spec, data),
      trainingSeconds,
    };
  } finally {
    xs.dispose();
    ys.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
