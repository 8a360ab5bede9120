import { describe, expect, it } from 'vitest';
import { modelForward, modelOutputs } from '../model/forward.js';
import type { ModelSpec } from '../model/modelSpec.js';
import { randomModelWeights } from '../model/randomWeights.js';
import { identityScaler } from '../scalers/identityScaler.js';
import { relativeScaler } from '../scalers/relativeScaler.js';
import { forecastPaths } from './forecastPaths.js';

/** A "model" whose output is the mean of its (float32) scaled inputs. */
function meanOfInputs(length: number) {
  const calls: number[] = [];
  const predict = (inputs: Float32Array, count: number) => {
    calls.push(count);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      let sum = 0;
      for (let t = 0; t < length; t++) sum += inputs[i * length + t] as number;
      out[i] = sum / length;
    }
    return out;
  };
  return { predict, calls };
}

describe('forecastPaths', () => {
  it('feeds each forecast back, re-scaled against the new last value (relative)', () => {
    // python3: s=0.05; w=[100,103,101,106]; for 3 steps: x=log(w/w[-1])/s (float32),
    // y=float32(mean(x)); lvl=w[-1]*exp(s*y); w=w[1:]+[lvl]
    const { predict, calls } = meanOfInputs(4);
    const { values, firstScaled } = forecastPaths({
      windows: [[100, 103, 101, 106]],
      horizon: 3,
      scaler: relativeScaler(0.05),
      predict,
    });
    const expected = [102.47457253749747, 103.1027252374642, 103.12842259268342];
    values[0]?.forEach((v, h) => {
      expect(v).toBeCloseTo(expected[h] as number, 9);
    });
    expect(firstScaled[0]).toBeCloseTo(Math.log(102.47457253749747 / 106) / 0.05, 6);
    expect(calls).toEqual([1, 1, 1]);
  });

  it('feeds raw levels back for the reference protocol, all windows in one call per step', () => {
    // y = 0.5·x[-1] + 0.5·x[-2] + 1 from [10, 20, 40]: 31, 36.5, 34.75, 36.625 (by hand).
    const calls: number[] = [];
    const predict = (inputs: Float32Array, count: number) => {
      calls.push(count);
      return Float32Array.from({ length: count }, (_, i) => {
        const a = inputs[i * 3 + 2] as number;
        const b = inputs[i * 3 + 1] as number;
        return 0.5 * a + 0.5 * b + 1;
      });
    };
    const { values } = forecastPaths({
      windows: [
        [10, 20, 40],
        [0, 0, 0],
      ],
      horizon: 4,
      scaler: identityScaler(),
      predict,
    });
    expect(values).toEqual([
      [31, 36.5, 34.75, 36.625],
      [1, 1.5, 2.25, 2.875],
    ]);
    expect(calls).toEqual([2, 2, 2, 2]);
  });

  it('adds the steps variances for a [location, log-scale] model, in log units', () => {
    // python3: r=[-0.5,0,0.5]; np.sqrt(np.cumsum((0.05*np.exp(r))**2))
    const rho = [-0.5, 0, 0.5];
    let step = 0;
    const { values, scales } = forecastPaths({
      windows: [[100, 100, 100]],
      horizon: 3,
      scaler: relativeScaler(0.05),
      outputs: 2,
      predict: (_, count) => Float32Array.from([0, rho[step++] as number].slice(0, 2 * count)),
    });
    expect(values[0]).toEqual([100, 100, 100]);
    const expected = [0.030326532985631673, 0.05847818912148876, 0.10107127769092573];
    scales?.[0]?.forEach((s, h) => {
      expect(s).toBeCloseTo(expected[h] as number, 12);
    });
  });

  it('matches a step-by-step recursion through core forward for a real spec', () => {
    for (const output of [undefined, 'gaussian'] as const) {
      const spec: ModelSpec = {
        windowLength: 12,
        recurrent: [{ cell: 'gru', units: 8, returnSequences: false }],
        head: [
          { units: 4, activation: 'relu' },
          { units: output === 'gaussian' ? 2 : 1, activation: 'linear' },
        ],
        protocol: 'relative',
        ...(output ? { output } : {}),
      };
      const weights = randomModelWeights(spec, { seed: 3 });
      const scaler = relativeScaler(0.04);
      const windows = [
        Array.from({ length: 12 }, (_, t) => 1000 * Math.exp(0.01 * t)),
        Array.from({ length: 12 }, (_, t) => 500 + 10 * Math.sin(t)),
      ];
      const outputs = output === 'gaussian' ? 2 : 1;
      const paths = forecastPaths({
        windows,
        horizon: 12,
        scaler,
        outputs,
        predict: (inputs, count) => {
          const out = new Float32Array(count * outputs);
          for (let i = 0; i < count; i++) {
            out.set(
              modelOutputs(spec, weights, inputs.subarray(i * 12, (i + 1) * 12)),
              i * outputs,
            );
          }
          return out;
        },
      });
      windows.forEach((start, i) => {
        let window = [...start];
        let variance = 0;
        for (let h = 0; h < 12; h++) {
          const scaled = Float32Array.from(scaler.scaleWindow(window));
          const y = modelForward(spec, weights, scaled);
          const level = window[11] as number;
          const next = level * Math.exp(0.04 * y);
          expect(paths.values[i]?.[h]).toBeCloseTo(next, 9);
          if (outputs === 2) {
            variance += (0.04 * Math.exp(modelOutputs(spec, weights, scaled)[1] as number)) ** 2;
            expect(paths.scales?.[i]?.[h]).toBeCloseTo(Math.sqrt(variance), 12);
          }
          window = [...window.slice(1), next];
        }
      });
      expect(paths.scales === undefined).toBe(outputs === 1);
    }
  });

  it('drops a window whose forecast is not usable and goes on with the others (unusable: drop)', () => {
    // Reference protocol, y = 2·x[-1], and Infinity for an input above 5e37 (an overflow): window
    // 1 fails at step 1, window 3 (2e37 → 4e37 → 8e37) at step 3.
    const calls: number[] = [];
    const predict = (inputs: Float32Array, count: number) => {
      calls.push(count);
      return Float32Array.from({ length: count }, (_, i) => {
        const last = inputs[i * 2 + 1] as number;
        return last > 5e37 ? Number.POSITIVE_INFINITY : 2 * last;
      });
    };
    const windows = [
      [1, 2],
      [1, 1e38],
      [3, 4],
      [5, 2e37],
    ];
    const { values, dropped } = forecastPaths({
      windows,
      horizon: 3,
      scaler: identityScaler(),
      predict,
      unusable: 'drop',
    });
    expect(dropped).toEqual([
      { window: 1, step: 1, reason: 'forecast Infinity is not usable' },
      { window: 3, step: 3, reason: 'forecast Infinity is not usable' },
    ]);
    expect(values[0]).toEqual([4, 8, 16]);
    expect(values[2]).toEqual([8, 16, 32]);
    // Step 1: all four windows; step 2: three (window 1 dropped); step 3: three (window 3 is
    // dropped during it).
    expect(calls).toEqual([4, 3, 3]);
    // The same batch without `drop` throws, naming the first window that failed.
    expect(() => forecastPaths({ windows, horizon: 3, scaler: identityScaler(), predict })).toThrow(
      /^window 1, step 1: forecast Infinity is not usable$/,
    );
  });

  it('drops a relative-protocol window whose forecast is not positive, or whose scale is not finite', () => {
    const { dropped, values } = forecastPaths({
      windows: [
        [100, 100],
        [100, 100],
        [100, 100],
      ],
      horizon: 2,
      scaler: relativeScaler(0.05),
      outputs: 2,
      // window 1: location −1e30 (level e^(−5e28) underflows to 0); window 2: log-scale 1e4.
      predict: (_, count) =>
        Float32Array.from({ length: 2 * count }, (_, j) =>
          count === 3 && j === 2 ? -1e30 : count === 3 && j === 5 ? 1e4 : 0,
        ),
      unusable: 'drop',
    });
    expect(dropped).toEqual([
      { window: 1, step: 1, reason: 'forecast 0 is not usable' },
      { window: 2, step: 1, reason: 'scale Infinity is not usable' },
    ]);
    expect(values[0]).toEqual([100, 100]);
  });

  it('refuses a bad horizon, ragged windows or a predict of the wrong size', () => {
    const { predict } = meanOfInputs(2);
    const scaler = identityScaler();
    expect(() => forecastPaths({ windows: [[1, 2]], horizon: 0, scaler, predict })).toThrow(
      RangeError,
    );
    expect(() => forecastPaths({ windows: [[1, 2], [1]], horizon: 1, scaler, predict })).toThrow(
      /window 1 has 1 values/,
    );
    expect(() =>
      forecastPaths({ windows: [[1, 2]], horizon: 1, scaler, predict, outputs: 2 }),
    ).toThrow(/predict returned 1 values for 1 windows × 2 outputs/);
    expect(forecastPaths({ windows: [], horizon: 3, scaler, predict }).values).toEqual([]);
  });
});
