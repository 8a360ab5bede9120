/**
 * The `layers` loop's loss and targets per output kind: tfjs-layers' own `'meanSquaredError'` for
 * a point spec; for a gaussian spec the same Gaussian NLL as `fused/gaussianNll.ts`, written as a
 * tfjs-layers loss function and differentiated by tfjs' autograd (so the two loops' gradients
 * check each other, besides the gradient test's own expression).
 */
import { type ModelSpec, modelOutput } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import { HALF_LOG_TWO_PI } from './fused/gaussianNll.js';

/**
 * Per-window Gaussian NLL `ρ + ½((y − μ)e^{−ρ})² + ½ log 2π` of `[B, 2]` predictions `[μ, ρ]`
 * against `[B, 2]` targets whose first column is y (the second is padding: tfjs-layers wants
 * targets of the model's output shape). Returns `[B]`; `fit` takes its mean over the batch.
 */
export function gaussianNllLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const y = tf.slice(yTrue, [0, 0], [-1, 1]);
  const mu = tf.slice(yPred, [0, 0], [-1, 1]);
  const rho = tf.slice(yPred, [0, 1], [-1, 1]);
  const standardised = tf.mul(tf.sub(mu, y), tf.exp(tf.neg(rho)));
  const perWindow = tf.add(tf.add(rho, tf.mul(tf.square(standardised), 0.5)), HALF_LOG_TWO_PI);
  return tf.reshape(perWindow, [-1]);
}

/** The loss `model.compile` takes for `spec`. */
export function layersLoss(
  spec: ModelSpec,
): 'meanSquaredError' | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor) {
  return modelOutput(spec) === 'gaussian' ? gaussianNllLoss : 'meanSquaredError';
}

/**
 * `[count]` scaled targets as the tensor `fit` takes for `spec`: `[count, 1]`, or for a gaussian
 * spec `[count, 2]` with the target in the first column and zeros in the second.
 */
export function layersTargets(spec: ModelSpec, targets: Float32Array): tf.Tensor2D {
  if (modelOutput(spec) !== 'gaussian') return tf.tensor2d(targets, [targets.length, 1]);
  const padded = new Float32Array(2 * targets.length);
  targets.forEach((y, i) => {
    padded[2 * i] = y;
  });
  return tf.tensor2d(padded, [targets.length, 2]);
}
