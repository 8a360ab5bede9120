import { type ModelSpec, parameterCount } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import type * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { configsByName, specFor, type TrainingConfig } from './configs.js';
import { initialLogScale, initialModel, standardDeviation } from './initialModel.js';

const specOf = (name: string): ModelSpec =>
  specFor(configsByName([name])[0] as TrainingConfig, 'relative');
const targets = Float32Array.of(1, 2, 4, 7);

describe('initialModel', () => {
  beforeAll(async () => {
    await tfjsBackendLoaders.wasm();
  });

  it('takes the population standard deviation (numpy.std)', () => {
    expect(standardDeviation(targets)).toBeCloseTo(2.29128784747792, 12);
    expect(initialLogScale(targets)).toBeCloseTo(0.8291140383017661, 12);
    expect(() => standardDeviation([])).toThrow(/no values/);
  });

  it("is buildLayersModel's model for a point spec", () => {
    const spec = specOf('gru-8');
    const ours = initialModel(spec, 5, targets).getWeights();
    const theirs = buildLayersModel(spec, { seed: 5 }).getWeights();
    ours.forEach((w, i) => {
      expect(Array.from(w.dataSync())).toEqual(Array.from((theirs[i] as tf.Tensor).dataSync()));
    });
  });

  it('starts a gaussian head at μ bias 0 and ρ bias log sd(targets), other weights as built', () => {
    const spec = specOf('gru-8-nll');
    const model = initialModel(spec, 5, targets);
    expect(model.countParams()).toBe(parameterCount(spec));
    const ours = model.getWeights();
    const theirs = buildLayersModel(spec, { seed: 5 }).getWeights();
    const last = ours.length - 1;
    expect(Array.from((ours[last] as tf.Tensor).dataSync())).toEqual([
      0,
      Math.fround(Math.log(2.29128784747792)),
    ]);
    ours.slice(0, last).forEach((w, i) => {
      expect(Array.from(w.dataSync())).toEqual(Array.from((theirs[i] as tf.Tensor).dataSync()));
    });
  });
});
