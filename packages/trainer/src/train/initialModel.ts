import { denseLayerName, type ModelSpec, modelOutput } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';

/**
 * Standard deviation (population, divisor n) of `values`, accumulated in float64.
 *
 * @throws {Error} for an empty array
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new Error('standardDeviation: no values');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] as number;
  mean /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(sum / n);
}

/**
 * The initial log-scale of a gaussian head: `log sd(targets)` of the fitted targets, in the
 * protocol's scaled space. The relative protocol divides log returns by their fitted-span standard
 * deviation σ, so this is close to 0 there (the exact value depends on the targets' span).
 */
export function initialLogScale(fitTargets: ArrayLike<number>): number {
  return Math.log(standardDeviation(fitTargets));
}

/**
 * The untrained tfjs-layers model both training loops start from: `buildLayersModel(spec, { seed })`
 * (Keras-equivalent seeded initializers, every bias 0 but LSTM forget gates), and, for a gaussian
 * spec, the last layer's ρ bias set to {@link initialLogScale} of the fitted targets, so that the
 * first steps see the targets' own spread as the scale instead of 1 (the μ bias stays 0, as in a
 * point model). A point spec's model is exactly `buildLayersModel`'s.
 */
export function initialModel(
  spec: ModelSpec,
  seed: number,
  fitTargets: ArrayLike<number>,
): tf.LayersModel {
  const model = buildLayersModel(spec, { seed });
  if (modelOutput(spec) === 'gaussian') {
    const layer = model.getLayer(denseLayerName(spec.head.length - 1));
    const [kernel, bias] = layer.getWeights();
    if (kernel === undefined || bias === undefined)
      throw new Error('initialModel: no head weights');
    const values = Float32Array.from(bias.dataSync());
    values[1] = initialLogScale(fitTargets);
    const initialBias = tf.tensor1d(values, 'float32');
    layer.setWeights([kernel, initialBias]);
    initialBias.dispose();
  }
  return model;
}
