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

/**
 * The log-scales ρ of a gaussian model's predictions (scale `s = exp(ρ)`, in the units of the
 * scaled targets), index for index beside the locations μ in `validationPredictions`,
 * `testPredictions` and `latestPrediction`.
 */
export interface LogScales {
  validation: Float32Array;
  test: Float32Array;
  latest: number;
}

/**
 * A trained model's weights and its predictions, all in the protocol's scaled space. For a
 * gaussian spec the predictions are the locations μ, and `logScales` holds the log-scales ρ.
 */
export interface TrainRunResult {
  seed: number;
  /** Weights in tfjs `getWeights()` order. */
  weights: WeightArray[];
  /**
   * `[epochs]` mean training loss per epoch: the mse for a point spec, the Gaussian NLL (with its
   * ½ log 2π, nats per window) for a gaussian one.
   */
  losses: number[];
  validationPredictions: Float32Array;
  testPredictions: Float32Array;
  /** The forecast for the month after the series ends. */
  latestPrediction: number;
  /** Present exactly for a gaussian spec (`spec.output === 'gaussian'`). */
  logScales?: LogScales;
  /** Wall time of the training loop, in seconds. */
  trainingSeconds: number;
}
