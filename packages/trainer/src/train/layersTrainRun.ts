import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';
import type { ScaledPart } from '../data/prepareData.js';
import { trainedPredictions } from './predictScaled.js';
import type { TrainRunOptions, TrainRunResult } from './runTypes.js';
import { withSeededMathRandom } from './seededRandom.js';

function tensorsOf(part: ScaledPart, windowLength: number): [tf.Tensor3D, tf.Tensor2D] {
  return [
    tf.tensor3d(part.inputs, [part.count, windowLength, 1]),
    tf.tensor2d(part.targets, [part.count, 1]),
  ];
}

/**
 * The `layers` training loop: trains one model with tfjs-layers' own `model.fit` on the active
 * backend (adam, mse loss, shuffled batches, Keras-equivalent initializers seeded from `seed`).
 *
 * Same seed, data and backend give bit-identical weights: the initializers take seeds derived from
 * `seed`, and the batch shuffle draws from `Math.random` seeded with it.
 */
export async function layersTrainRun(options: TrainRunOptions): Promise<TrainRunResult> {
  const { spec, data, seed, epochs, batchSize, learningRate, onEpochEnd } = options;
  const length = data.windowLength;
  const model = buildLayersModel(spec, { seed });
  const [xs, ys] = tensorsOf(data.fit, length);
  const optimizer = tf.train.adam(learningRate);
  try {
    model.compile({ optimizer, loss: 'meanSquaredError' });
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
      ...trainedPredictions(model, data),
      trainingSeconds,
    };
  } finally {
    xs.dispose();
    ys.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
