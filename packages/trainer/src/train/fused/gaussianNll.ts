/**
 * The Gaussian negative log-likelihood of a gaussian head's `[μ, ρ]` outputs, with a hand-written
 * gradient: the loss of the learned-scale (`<config>-nll`) models, beside `denseHead.ts`'s mse.
 *
 * Per window b, with location μ_b, log-scale ρ_b (scale s_b = e^{ρ_b}) and target y_b, all in
 * the protocol's scaled space, and w_b = (μ_b − y_b) · e^{−ρ_b} the standardised error:
 *
 *     L = mean_b ( ρ_b + ½ w_b² ) + ½ log 2π
 *
 * which is the mean of −log N(y_b; μ_b, s_b²) exactly (the constant ½ log 2π ≈ 0.9189 is included,
 * so the reported training loss is the NLL itself, in nats per window; it does not change the
 * gradient). Backward, for an incoming scalar gradient dL:
 *
 *     dμ_b = dL · (1 / B) · w_b · e^{−ρ_b}
 *     dρ_b = dL · (1 / B) · (1 − w_b²)
 *
 * ρ is not clamped: the network's ρ is what core's forward and the worker serve, so a clamp in
 * the loss alone would train a different function than the one served. Instead the training loop
 * starts ρ's bias at the log of the fitted targets' standard deviation (`initialModel.ts`), so the
 * first steps see a sensible scale, and adam's steps are bounded by the learning rate whatever
 * the gradient's size.
 */
import * as tf from '@tensorflow/tfjs';
import * as op from './ops.js';
import type { ConstantCache, TensorStash } from './tensorStore.js';

/** `½ log 2π`, the Gaussian NLL's constant. */
export const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Gaussian NLL of `[B, 2]` outputs `[μ, ρ]` against `[B, 1]` targets, and its gradient with
 * respect to the outputs (`[B, 2]`: `[dμ, dρ]`) for an incoming scalar gradient `dL`. Tensors the
 * gradient needs are kept in `stash` (when given; without it no gradient is returned).
 */
export function gaussianNll(
  outputs: tf.Tensor2D,
  targets: tf.Tensor2D,
  consts: ConstantCache,
  stash: TensorStash | null,
): { loss: tf.Scalar; gradient: ((dLoss: tf.Scalar) => tf.Tensor2D) | null } {
  const [mu, rho] = op.splitColumns(outputs, 2) as [tf.Tensor2D, tf.Tensor2D];
  const inverseScale = tf.exp(op.neg(rho)) as tf.Tensor2D;
  const standardised = op.mul(op.sub(mu, targets), inverseScale);
  const perWindow = op.add(rho, op.mul(op.square(standardised), consts.scalar(0.5)));
  const loss: tf.Scalar = tf.add(tf.mean(perWindow), consts.scalar(HALF_LOG_TWO_PI));
  if (stash === null) return { loss, gradient: null };
  stash.keep(inverseScale);
  stash.keep(standardised);
  const batch = outputs.shape[0];
  const factor = consts.scalar(1 / batch);
  const one = consts.scalar(1);
  return {
    loss,
    gradient: (dLoss) => {
      const scale = tf.mul(dLoss, factor);
      const dMu = op.mul(op.mul(standardised, inverseScale), scale);
      const dRho = op.mul(op.sub(one, op.square(standardised)), scale);
      return op.concat([dMu, dRho], 1);
    },
  };
}
