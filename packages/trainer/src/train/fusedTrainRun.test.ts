import { readFileSync } from 'node:fs';
import { type ModelSpec, modelOutput, parseMonthlyCsv, rmse } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor, unscalePredictions } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { configsByName, specFor, TRAINING_CONFIGS, type TrainingConfig } from './configs.js';
import { batchRanges, makeBatch, shuffleInPlace } from './fused/batches.js';
import { batchLoss, fusedPredict, parameterLayout } from './fused/fusedNetwork.js';
import { ConstantCache } from './fused/tensorStore.js';
import { fusedTrainRun } from './fusedTrainRun.js';
import { layersTrainRun } from './layersTrainRun.js';
import { DEFAULT_LEARNING_RATE, type TrainRunResult } from './runTypes.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));
const relative = protocolData('relative', split, scalerFor('relative', split));

/** Relative max-norm error of `actual` against `expected`. */
function relativeError(actual: Float32Array, expected: Float32Array): number {
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
const lstm32 = specOf('lstm-32');
const gru8 = specOf('gru-8');
const learningRate = DEFAULT_LEARNING_RATE;

/** Test RMSE in index points of a run's scaled test predictions. */
function testRmse(result: TrainRunResult): number {
  const scaler = scalerFor('relative', split);
  return rmse(split.test.targets, unscalePredictions(result.testPredictions, split.test, scaler));
}

const bytesOf = (result: TrainRunResult) =>
  result.weights.map((w) =>
    Buffer.from(w.values.buffer, w.values.byteOffset, w.values.byteLength).toString('hex'),
  );

describe('fused training loop', () => {
  beforeAll(async () => {
    await tfjsBackendLoaders.wasm();
  });

  describe.each(TRAINING_CONFIGS.map((c) => [c.name, c] as const))('%s', (_name, config) => {
    const spec = specFor(config, 'relative');

    it('gives the loss gradients of tfjs autograd through the tfjs-layers model', () => {
      const model = perturbedModel(spec, 11);
      const indices = Array.from({ length: 32 }, (_, i) => (i * 17 + 5) % relative.fit.count);
      const batch = makeBatch(relative.fit, spec.windowLength, indices);
      const consts = new ConstantCache();
      const x = tf.tensor3d(
        Float32Array.from(
          indices.flatMap((i) => [...relative.fit.inputs.subarray(i * 12, i * 12 + 12)]),
        ),
        [32, 12, 1],
      );
      try {
        const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
        const reference = tf.variableGrads(
          () => referenceLoss(spec, model.apply(x, { training: true }) as tf.Tensor, batch.targets),
          variables,
        );
        const layout = parameterLayout(variables.map((v) => v.shape));
        const flat = tf.concat(variables.map((v) => tf.reshape(v, [v.size])));
        const { loss, stash } = batchLoss(spec, layout, batch, consts);
        const flatGradient = tf.grad((p) => loss(p as tf.Tensor1D))(flat);
        stash.dispose();
        const fused = tf
          .split(flatGradient, layout.sizes)
          .map((g, i) => tf.reshape(g, layout.shapes[i] as number[]));
        tf.dispose([flat, flatGradient]);
        expect(fused.map((g) => g.shape)).toEqual(variables.map((v) => v.shape));
        const errors = variables.map((v, i) =>
          relativeError(
            (fused[i] as tf.Tensor).dataSync() as Float32Array,
            (reference.grads[v.name] as tf.Tensor).dataSync() as Float32Array,
          ),
        );
        console.log(
          `${config.name} gradient max relative error ${Math.max(...errors).toExponential(2)}`,
        );
        for (const e of errors) expect(e).toBeLessThan(1e-4);
        tf.dispose([reference.value, ...Object.values(reference.grads), ...fused]);
      } finally {
        batch.dispose();
        x.dispose();
        consts.dispose();
        model.dispose();
      }
    });

    it('predicts what the tfjs-layers model predicts with the same weights', () => {
      const model = perturbedModel(spec, 12);
      const consts = new ConstantCache();
      try {
        const { inputs, count } = relative.test;
        const expected = tf.tidy(
          () =>
            (
              model.predict(tf.tensor3d(inputs, [count, 12, 1])) as tf.Tensor
            ).dataSync() as Float32Array,
        );
        const actual = fusedPredict(spec, model.getWeights(), inputs, count, consts);
        expect(actual).toHaveLength(expected.length); // count × outputs
        let worst = 0;
        for (let i = 0; i < expected.length; i++) {
          worst = Math.max(worst, Math.abs((actual[i] as number) - (expected[i] as number)));
        }
        console.log(`${config.name} forward max abs difference ${worst.toExponential(2)}`);
        expect(worst).toBeLessThan(1e-5);
      } finally {
        consts.dispose();
        model.dispose();
      }
    });
  });

  describe('batches', () => {
    it('shuffles exactly like tf.util.shuffle drawing from the same generator', () => {
      const ours = Array.from({ length: 613 }, (_, i) => i);
      const theirs = [...ours];
      const a = seedrandom('gatecast:1');
      const b = seedrandom('gatecast:1');
      const original = Math.random;
      Math.random = () => b();
      try {
        for (let epoch = 0; epoch < 3; epoch++) {
          shuffleInPlace(ours, a);
          tf.util.shuffle(theirs);
          expect(ours).toEqual(theirs);
        }
      } finally {
        Math.random = original;
      }
    });

    it('cuts batches of batchSize with a last partial batch, like fit', () => {
      expect(batchRanges(613, 32)).toHaveLength(20);
      expect(batchRanges(613, 32).at(-1)).toEqual([608, 613]);
      expect(batchRanges(64, 32)).toEqual([
        [0, 32],
        [32, 64],
      ]);
      expect(() => batchRanges(10, 0)).toThrow(/batchSize/);
    });
  });

  describe('fusedTrainRun', () => {
    it('gives bit-identical weights, losses and predictions for the same seed', async () => {
      const run = (seed: number) =>
        fusedTrainRun({
          spec: lstm32,
          data: relative,
          seed,
          epochs: 2,
          batchSize: 32,
          learningRate,
        });
      const a = await run(7);
      const b = await run(7);
      const c = await run(8);
      expect(bytesOf(b)).toEqual(bytesOf(a));
      expect(b.losses).toEqual(a.losses);
      expect(Array.from(b.testPredictions)).toEqual(Array.from(a.testPredictions));
      expect(b.latestPrediction).toBe(a.latestPrediction);
      expect(bytesOf(c)).not.toEqual(bytesOf(a));
    });

    it('returns the run result of either loop: weights in getWeights() order, one loss per epoch', async () => {
      const epochs: number[] = [];
      const result = await fusedTrainRun({
        spec: gru8,
        data: relative,
        seed: 1,
        epochs: 3,
        batchSize: 32,
        learningRate,
        onEpochEnd: (epoch) => epochs.push(epoch),
      });
      const model = buildLayersModel(gru8, { seed: 1 });
      expect(result.weights.map((w) => w.shape)).toEqual(model.getWeights().map((w) => w.shape));
      model.dispose();
      expect(epochs).toEqual([1, 2, 3]);
      expect(result.losses).toHaveLength(3);
      expect(result.losses.every(Number.isFinite)).toBe(true);
      expect(result.validationPredictions).toHaveLength(relative.validation.count);
      expect(result.testPredictions).toHaveLength(relative.test.count);
      expect(Number.isFinite(result.latestPrediction)).toBe(true);
      expect(result.trainingSeconds).toBeGreaterThan(0);
      expect(result.seed).toBe(1);
    });

    it('trains a gaussian spec like the layers loop fits it: locations, log-scales, NLL losses', async () => {
      const options = {
        spec: specOf('gru-8-nll'),
        data: relative,
        seed: 2,
        epochs: 3,
        batchSize: 32,
        learningRate,
      };
      const fused = await fusedTrainRun(options);
      const layers = await layersTrainRun(options);
      for (const result of [fused, layers]) {
        expect(result.validationPredictions).toHaveLength(relative.validation.count);
        expect(result.testPredictions).toHaveLength(relative.test.count);
        expect(result.logScales?.validation).toHaveLength(relative.validation.count);
        expect(result.logScales?.test).toHaveLength(relative.test.count);
        expect(Number.isFinite(result.logScales?.latest)).toBe(true);
      }
      // Same initial model, batches and loss: the two loops agree up to float rounding.
      const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
        relativeError(Float32Array.from(a), Float32Array.from(b));
      const errors = [
        close(fused.losses, layers.losses),
        close(fused.testPredictions, layers.testPredictions),
        close(fused.logScales?.test ?? [], layers.logScales?.test ?? []),
      ];
      console.log(`gru-8-nll fused vs layers, 3 epochs: ${errors.map((e) => e.toExponential(2))}`);
      for (const e of errors) expect(e).toBeLessThan(1e-3);
      // A Gaussian NLL in nats: about ½ log 2π + log sd ≈ 1.4 for standardised targets.
      expect(fused.losses.every((l) => l > 0.5 && l < 3)).toBe(true);
    });

    it('keeps the number of live tensors stable across epochs and releases them all', async () => {
      for (const spec of [
        lstm32,
        gru8,
        specOf('simplernn-32'),
        specOf('lstm-32-16'),
        specOf('gru-8-nll'),
      ]) {
        // Building a tfjs-layers LSTM leaks 4 tensors per layer by itself (its unitForgetBias
        // initializer does not dispose its parts); fusedTrainRun must add nothing to that.
        const beforeBuild = tf.memory().numTensors;
        buildLayersModel(spec, { seed: 3 }).dispose();
        const buildLeak = tf.memory().numTensors - beforeBuild;
        const before = tf.memory().numTensors;
        const counts: number[] = [];
        await fusedTrainRun({
          spec,
          data: relative,
          seed: 3,
          epochs: 4,
          batchSize: 32,
          learningRate,
          onEpochEnd: () => counts.push(tf.memory().numTensors),
        });
        expect(new Set(counts).size).toBe(1);
        expect(tf.memory().numTensors - before).toBe(buildLeak);
      }
    });

    it('learns as well as tfjs-layers fit: LSTM(32), relative protocol, 40 epochs, seed 1', async () => {
      const options = {
        spec: lstm32,
        data: relative,
        seed: 1,
        epochs: 40,
        batchSize: 32,
        learningRate,
      };
      const fused = testRmse(await fusedTrainRun(options));
      const layers = testRmse(await layersTrainRun(options));
      console.log(
        `LSTM(32) seed 1 test RMSE: fused ${fused.toFixed(2)}, layers fit ${layers.toFixed(2)}`,
      );
      for (const value of [fused, layers]) {
        expect(value).toBeGreaterThan(117);
        expect(value).toBeLessThan(125);
      }
    });
  });
});
