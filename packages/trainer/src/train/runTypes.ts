// What one training run takes and gives, whichever loop trains it (`fusedTrainRun.ts`,
// `layersTrainRun.ts`): both loops, the sweep and the reports import these, none imports a loop
// for them.
import type { ModelSpec, WeightArray } from '@gatecast/core';
import type { ProtocolData } from '../data/prepareData.js';

/** Adam's learning rate in the lesson, and the sweep's default. */
export const DEFAULT_LEARNING_RATE = 1e-3;

/** What one training run needs: the model, the data, and the lesson's optimizer settings. */
export interface TrainRunOptions {
  spec: ModelSpec;
  data: ProtocolData;
  seed: number;
  /** Passes over the fitting windows (40 in the lesson). */
  epochs: number;
  /** Windows per gradient step (32 in the lesson). */
  batchSize: number;
  /** Adam's learning rate ({@link DEFAULT_LEARNING_RATE} in the lesson). */
  learningRate: number;
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
  /** Wall time of the training loop, in seconds. */
  trainingSeconds: number;
}
