import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsBackendLoaders } from '../../backend/tfjsBackendLoaders.js';
import { gaussianNll, HALF_LOG_TWO_PI } from './gaussianNll.js';
import { ConstantCache, TensorStash } from './tensorStore.js';

// Four windows: targets y, locations μ, log-scales ρ (scales e^ρ from 0.22 to 2.1).
const y = [0.5, -1.25, 2.0, 0.0];
const mu = [0.25, -0.5, 1.0, 0.125];
const rho = [0.0, -0.5, 0.75, -1.5];

// scipy 1.17: (-norm.logpdf(y, loc=mu, scale=exp(rho))).mean(), and its central differences
// (h = 1e-6, float64) with respect to each μ_b and ρ_b.
const SCIPY_NLL = 0.872501058589854;
const SCIPY_D_MU = [-0.0625, 0.509677843, -0.05578254, 0.627673029];
const SCIPY_D_RHO = [0.234375, -0.132258382, 0.19421746, 0.171540871];

describe('gaussianNll', () => {
  beforeAll(async () => {
    await tfjsBackendLoaders.wasm();
  });

  it('is the mean Gaussian negative log-likelihood, ½ log 2π included (scipy)', () => {
    expect(HALF_LOG_TWO_PI).toBeCloseTo(0.9189385332046727, 15);
    const consts = new ConstantCache();
    const outputs = tf.tensor2d(
      mu.flatMap((m, i) => [m, rho[i] as number]),
      [4, 2],
    );
    const targets = tf.tensor2d(y, [4, 1]);
    try {
      const { loss, gradient } = gaussianNll(outputs, targets, consts, null);
      expect(gradient).toBeNull();
      expect(loss.dataSync()[0]).toBeCloseTo(SCIPY_NLL, 6);
      loss.dispose();
    } finally {
      tf.dispose([outputs, targets]);
      consts.dispose();
    }
  });

  it('gives the gradient [dμ, dρ] of scipy central differences, times the incoming dL', () => {
    const consts = new ConstantCache();
    const stash = new TensorStash();
    const outputs = tf.tensor2d(
      mu.flatMap((m, i) => [m, rho[i] as number]),
      [4, 2],
    );
    const targets = tf.tensor2d(y, [4, 1]);
    try {
      const { loss, gradient } = gaussianNll(outputs, targets, consts, stash);
      if (gradient === null) throw new Error('no gradient');
      const dL = tf.scalar(2);
      const g = gradient(dL);
      expect(g.shape).toEqual([4, 2]);
      const values = g.dataSync();
      SCIPY_D_MU.forEach((d, b) => {
        expect(values[2 * b]).toBeCloseTo(2 * d, 6);
        expect(values[2 * b + 1]).toBeCloseTo(2 * (SCIPY_D_RHO[b] as number), 6);
      });
      tf.dispose([loss, dL, g]);
    } finally {
      stash.dispose();
      tf.dispose([outputs, targets]);
      consts.dispose();
    }
  });
});
