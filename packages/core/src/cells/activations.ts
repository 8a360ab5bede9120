/**
 * Scalar activations used by the cells and the dense head, matching tfjs-layers' definitions.
 * All map a pre-activation (unitless) to an activation (unitless).
 */

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), range (0, 1).
 *
 * This is tfjs' `'sigmoid'`, the recurrent activation we build every model with (Keras' default);
 * it is not tfjs' default `'hardSigmoid'` (a piecewise-linear clip of 0.2·x + 0.5).
 *
 * @example sigmoid(0) // => 0.5
 */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The hyperbolic tangent, range (−1, 1): the state activation of all three cells.
 *
 * @example tanh(0) // => 0
 */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/**
 * The rectified linear unit max(0, x).
 *
 * @example relu(-2) // => 0
 */
export function relu(x: number): number {
  return Math.max(x, 0);
}
