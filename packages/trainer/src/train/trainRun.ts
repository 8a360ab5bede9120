import type { ModelSpec, WeightArray } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';
import type { ProtocolData, ScaledPart } from '../data/prepareData.js';
import { trainedPredictions } from './predictScaled.js';
import { withSeededMathRandom } from './seededRandom.js';

/** What one training run needs: the model, the data, and the lesson's optimizer settings. */
export interface TrainRunOptions {
  spec: ModelSpec;
  data: ProtocolData;
  seed: number;
  /** Passes over the fitting windows (40 in the lesson). */
  epochs: number;
  /** Windows per gradient step (32 in the lesson). */
  batchSize: number;
  /** Adam's learning rate (0.001 in the lesson). */
  learningRate?: number;
  /** Called after every epoch with its 1-based number and the mean training loss (scaled space). */
  onEpochEnd?: (epoch: number, loss: number) => void;
}

/** A trained model's weights and its predictions, all in the protocol's scaled space. */
export interface TrainRunResult {
  seed: number;
  /** Weights in tfjs `getWeights()` order. */
  weights: WeightArray[];
  /** `[epochs]` mean training loss per epoch. */
  losses: number[];
  validationPredictions: Float32Array;
  testPredictions: Float32Array;
  /** The forecast for the month after the series ends. */
  latestPrediction: number;
  /** Wall time of `fit`, in seconds. */
  trainingSeconds: number;
}

function tensorsOf(part: ScaledPart, windowLength: number): [tf.Tensor3D, tf.Tensor2D] {
  return [
    tf.tensor3d(part.inputs, [part.count, windowLength, 1]),
    tf.tensor2d(part.targets, [part.count, 1]),
  ];
}

/**
 * Trains one model with tfjs-layers on the active backend: adam, mse loss, shuffled batches,
 * Keras-equivalent initializers seeded from `seed`.
 *
 * Same seed, data and backend give bit-identical weights: the initializers take seeds derived from
 * `seed`, and the batch shuffle draws from `Math.random` seeded with it.
 */
export async function trainRun(options: TrainRunOptions): Promise<TrainRunResult> {
  const { spec, data, seed, epochs, batchSize, learningRate = 1e-3, onEpochEnd } = options;
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
