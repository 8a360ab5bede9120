import { readFileSync } from 'node:fs';
import { type ModelSpec, modelOutput, parseMonthlyCsv } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { configsByName, specFor, TRAINING_CONFIGS, type TrainingConfig } from './configs.js';
import { parameterLayout } from './fused/fusedNetwork.js';
import { fusedTrainRun } from './fusedTrainRun.js';
import { gatherBatch, kernelBatchLoss, kernelTrainingNetwork } from './kernelBatchLoss.js';
import { DEFAULT_LEARNING_RATE } from './runTypes.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));
const relative = protocolData('relative', split, scalerFor('relative', split));

/** Relative max-norm error of `actual` against `expected`. */
function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / scale;
}

/** A layers model of `spec` with seeded weights, all of them (biases too) perturbed. */
function perturbedModel(spec: ModelSpec, seed: number): tf.LayersModel {
  const model = buildLayersModel(spec, { seed });
  const random = seedrandom(`perturb:${seed}`);
  const weights = model.getWeights().map((w) => {
    const values = new Float32Array(w.dataSync());
    for (let i = 0; i < values.length; i++)
      values[i] = (values[i] as number) + 0.3 * (random() - 0.5);
    return tf.tensor(values, w.shape, 'float32');
  });
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

/**
 * The training loss written out in tfjs ops, for autograd: the mse of a point head's `[B, 1]`
 * output; for a gaussian head's `[B, 2]` `[μ, ρ]`, the mean of −log N(y; μ, e^{2ρ}) =
 * ρ + ½((y − μ)/e^ρ)² + ½ log 2π.
 */
function referenceLoss(spec: ModelSpec, output: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  if (modelOutput(spec) === 'point') return tf.mean(tf.square(tf.sub(output, targets)));
  const [mu, rho] = tf.split(output, 2, 1) as [tf.Tensor, tf.Tensor];
  const z = tf.div(tf.sub(targets, mu), tf.exp(rho));
  return tf.add(tf.mean(tf.add(rho, tf.mul(0.5, tf.square(z)))), 0.5 * Math.log(2 * Math.PI));
}

const specOf = (name: string): ModelSpec =>
  specFor(configsByName([name])[0] as TrainingConfig, 'relative');

describe('the fused loop on the wasm kernels', () => {
  beforeAll(async () => {
    await tfjsBackendLoaders.wasm();
  });

  describe.each(TRAINING_CONFIGS.map((c) => [c.name, c] as const))('%s', (_name, config) => {
    const spec = specFor(config, 'relative');

    it('gives the loss and gradients of tfjs autograd through the tfjs-layers model', () => {
      const model = perturbedModel(spec, 11);
      const indices = Array.from({ length: 32 }, (_, i) => (i * 17 + 5) % relative.fit.count);
      const batch = gatherBatch(relative.fit, spec.windowLength, indices);
      const x = tf.tensor3d(batch.inputs, [32, 12, 1]);
      const y = tf.tensor2d(batch.targets, [32, 1]);
      try {
        const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
        const reference = tf.variableGrads(
          () => referenceLoss(spec, model.apply(x, { training: true }) as tf.Tensor, y),
          variables,
        );
        const layout = parameterLayout(variables.map((v) => v.shape));
        const flat = tf.concat(variables.map((v) => tf.reshape(v, [v.size])));
        const network = kernelTrainingNetwork(spec, 32);
        expect(network.parameterCount).toBe(layout.total);
        const loss = kernelBatchLoss(network, batch);
        const { value, grad } = tf.valueAndGrad((p) => loss(p as tf.Tensor1D))(flat);
        expect(relativeError(value.dataSync(), reference.value.dataSync())).toBeLessThan(1e-5);
        const kernel = tf.split(grad, layout.sizes);
        const errors = variables.map((v, i) =>
          relativeError(
            (kernel[i] as tf.Tensor).dataSync(),
            (reference.grads[v.name] as tf.Tensor).dataSync(),
          ),
        );
        console.log(
          `${config.name} kernel gradient max relative error ${Math.max(...errors).toExponential(2)}`,
        );
        for (const e of errors) expect(e).toBeLessThan(1e-4);
        tf.dispose([
          flat,
          value,
          grad,
          reference.value,
          ...Object.values(reference.grads),
          ...kernel,
        ]);
      } finally {
        tf.dispose([x, y]);
        model.dispose();
      }
    });
  });

  it.each(['gru-8', 'gru-8-nll'])(
    '%s: handles a last partial batch (5 windows) like a full one',
    (name) => {
      const spec = specOf(name);
      const network = kernelTrainingNetwork(spec, 32);
      const model = perturbedModel(spec, 3);
      const flat = Float32Array.from(model.getWeights().flatMap((w) => [...w.dataSync()]));
      const all = gatherBatch(relative.fit, 12, [1, 2, 3, 4, 5]);
      const each = [1, 2, 3, 4, 5].map((i) => gatherBatch(relative.fit, 12, [i]));
      const whole = network.lossAndGradient(flat, all.inputs, all.targets, 5);
      const mean = new Float32Array(whole.gradient.length);
      let loss = 0;
      for (const one of each) {
        const r = network.lossAndGradient(flat, one.inputs, one.targets, 1);
        loss += r.loss / 5;
        r.gradient.forEach((g, k) => {
          mean[k] = (mean[k] as number) + g / 5;
        });
      }
      expect(Math.abs(whole.loss - loss)).toBeLessThan(1e-6 * Math.abs(loss));
      expect(relativeError(whole.gradient, mean)).toBeLessThan(1e-5);
      expect(() => network.lossAndGradient(flat, all.inputs, all.targets, 33)).toThrow(/batch/);
      model.dispose();
    },
  );

  it('trains like the tfjs-op fused loop: same batches, final losses within float rounding', async () => {
    for (const name of ['lstm-32', 'gru-8', 'gru-8-nll', 'lstm-32-16-nll']) {
      const options = {
        spec: specOf(name),
        data: relative,
        seed: 5,
        epochs: 3,
        batchSize: 32,
        learningRate: DEFAULT_LEARNING_RATE,
      };
      const kernels = await fusedTrainRun(options);
      const ops = await fusedTrainRun(options, { network: 'tfjs' });
      const errors = [
        relativeError(kernels.losses, ops.losses),
        relativeError(kernels.testPredictions, ops.testPredictions),
        ...(kernels.logScales
          ? [relativeError(kernels.logScales.test, ops.logScales?.test ?? [])]
          : []),
      ];
      console.log(
        `${name} final loss kernels ${kernels.losses.at(-1)} tfjs ops ${ops.losses.at(-1)}; ` +
          `relative differences (losses, test locations${kernels.logScales ? ', test log-scales' : ''}) ${errors.map((e) => e.toExponential(2))}`,
      );
      expect(relativeError(kernels.losses, ops.losses)).toBeLessThan(1e-4);
      expect(relativeError(kernels.testPredictions, ops.testPredictions)).toBeLessThan(1e-3);
      expect(kernels.logScales === undefined).toBe(modelOutput(options.spec) === 'point');
      if (kernels.logScales) {
        expect(relativeError(kernels.logScales.test, ops.logScales?.test ?? [])).toBeLessThan(1e-3);
      }
    }
  });
});
