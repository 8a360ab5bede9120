import {
  type ModelSpec,
  modelOutputs,
  randomModelWeights,
  seededUniform,
  WINDOW_LENGTH,
} from '@gatecast/core';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine/engine.js';
import { createKernelEngine } from '../src/engine/kernelEngine.js';
import { referenceEngine } from '../src/engine/referenceEngine.js';
import { registryBundle } from '../src/registry.generated.js';
import type { ServedModel } from '../src/serving/modelPool.js';
import { buildServingState, type ServingState } from '../src/serving/servingState.js';
import { expectRelativelyClose, manifest, results, windowBefore } from './support.js';

const wasm = await buildServingState(registryBundle, { preferred: 'wasm', wasmModule });
const reference = await buildServingState(registryBundle, { preferred: 'reference' });
const engines: [string, ServingState][] = [
  ['wasm', wasm],
  ['reference', reference],
];

/** The served model `id` of `state`; fails the test when it is not served. */
function served(state: ServingState, id: string): ServedModel {
  const found = state.models.lookup(id);
  if (!found || !('served' in found)) throw new Error(`${id} is not served`);
  return found.served;
}

/**
 * The model's next-month forecasts (points) from `windows` (points), in one engine call: each
 * window scaled with the model's protocol, run, and its first output (the forecast, or a gaussian
 * model's location) unscaled; `scaled` keeps every raw output of the window (`[μ, ρ]` for a
 * gaussian model). Engine parity only; the serving code's own paths are tested apart.
 */
function forecastWindows(
  model: ServedModel,
  windows: readonly number[][],
): { forecast: number; scaled: number[] }[] {
  const length = model.entry.spec.windowLength;
  const inputs = new Float32Array(windows.length * length);
  windows.forEach((window, i) => {
    inputs.set(model.scaler.scaleWindow(window), i * length);
  });
  const outputs = model.runner.predict(inputs, windows.length);
  const stride = model.runner.outputs;
  expect(outputs).toHaveLength(windows.length * stride);
  return windows.map((window, i) => ({
    forecast: model.scaler.unscaleTarget(outputs[i * stride] as number, window),
    scaled: Array.from(outputs.subarray(i * stride, (i + 1) * stride)),
  }));
}

/** Test windows spread over the period: first, early, middle, late, last. */
const sampled = [0, 37, 92, 150, 183];

describe('engine parity', () => {
  it('starts each engine as asked', () => {
    expect(wasm.engine.engine.name).toBe('wasm');
    expect(wasm.engine.engine.simd).toBe(true);
    expect(reference.engine.engine.name).toBe('reference');
    expect(wasm.models.all().refused).toEqual([]);
    expect(reference.models.all().refused).toEqual([]);
  });

  for (const [name, state] of engines) {
    it(`${name} reproduces every recorded next-month forecast to 1e-4`, () => {
      for (const entry of manifest.models) {
        const { canonical } = served(state, entry.id);
        expectRelativelyClose(canonical.forecast, entry.forecast.value);
        expectRelativelyClose(
          canonical.intervals['80']?.[0],
          entry.forecast.intervals['80'][0] as number,
        );
        expectRelativelyClose(
          canonical.intervals['95']?.[1],
          entry.forecast.intervals['95'][1] as number,
        );
      }
    });

    it(`${name} reproduces the trainer’s test predictions to 1e-4`, () => {
      for (const recorded of results.models) {
        const windows = sampled.map((i) => windowBefore(results.test.dates[i] as string));
        const forecasts = forecastWindows(served(state, recorded.id), windows);
        sampled.forEach((i, k) => {
          expectRelativelyClose(forecasts[k]?.forecast, recorded.predictions[i] as number);
        });
      }
    });
  }

  it('wasm and reference (core modelOutputs) agree on every output of every model to 1e-5', () => {
    const gaussian = manifest.models.filter((m) => m.spec.output === 'gaussian');
    expect(gaussian.length).toBeGreaterThan(0);
    let worstOverModels = 0;
    const windows = results.test.dates.map(windowBefore);
    for (const entry of manifest.models) {
      const viaWasm = forecastWindows(served(wasm, entry.id), windows);
      const viaReference = forecastWindows(served(reference, entry.id), windows);
      expect(served(wasm, entry.id).runner.outputs).toBe(entry.spec.output === 'gaussian' ? 2 : 1);
      viaWasm.forEach((f, i) => {
        expectRelativelyClose(f.forecast, viaReference[i]?.forecast as number, 1e-5);
      });
      // The raw outputs too, each column apart (μ and a gaussian model's ρ; scaled space, where a
      // relative model's outputs sit near 0): the largest difference relative to the largest
      // output of that column.
      const outputs = served(reference, entry.id).runner.outputs;
      for (let k = 0; k < outputs; k++) {
        const column = (fs: typeof viaWasm) => fs.map((f) => f.scaled[k] as number);
        const want = column(viaReference);
        const got = column(viaWasm);
        const scale = Math.max(...want.map(Math.abs));
        const worst = Math.max(...got.map((g, i) => Math.abs(g - (want[i] as number))));
        expect(worst / scale).toBeLessThan(1e-5);
        worstOverModels = Math.max(worstOverModels, worst / scale);
      }
    }
    console.log(
      `wasm vs reference over ${manifest.models.length} models (${gaussian.length} gaussian), scaled outputs: worst relative difference ${worstOverModels.toExponential(2)}`,
    );
  });

  it('wasm gives the same answer for a window alone or inside a batch', () => {
    const model = served(wasm, 'gru-32@relative');
    const windows = results.test.dates.slice(0, 40).map(windowBefore);
    const batch = forecastWindows(model, windows);
    windows.forEach((window, i) => {
      expectRelativelyClose(
        forecastWindows(model, [window])[0]?.forecast,
        batch[i]?.forecast as number,
        1e-6,
      );
    });
  });
});

// The engines themselves, without a registry.
const wasmEngine = createKernelEngine(wasmModule);
const bareEngines: Engine[] = [wasmEngine, referenceEngine];

describe('engine parity for a gaussian spec (head [μ, ρ], random weights)', () => {
  const head: ModelSpec['head'] = [
    { units: 16, activation: 'relu' },
    { units: 2, activation: 'linear' },
  ];
  const specs: [string, ModelSpec][] = [
    [
      'gru-32',
      {
        windowLength: WINDOW_LENGTH,
        recurrent: [{ cell: 'gru', units: 32, returnSequences: false }],
        head,
        protocol: 'relative',
        output: 'gaussian',
      },
    ],
    [
      'lstm-32-16',
      {
        windowLength: WINDOW_LENGTH,
        recurrent: [
          { cell: 'lstm', units: 32, returnSequences: true },
          { cell: 'lstm', units: 16, returnSequences: false },
        ],
        head,
        protocol: 'relative',
        output: 'gaussian',
      },
    ],
  ];
  /** `count` windows of scaled inputs in [−2, 2), the last month 0 as the relative scaler makes it. */
  function scaledWindows(count: number, seed: number): Float32Array {
    const next = seededUniform(seed);
    const out = new Float32Array(count * WINDOW_LENGTH);
    for (let i = 0; i < out.length; i++) {
      out[i] = i % WINDOW_LENGTH === WINDOW_LENGTH - 1 ? 0 : 4 * next() - 2;
    }
    return out;
  }
  const count = 17;

  for (const [name, spec] of specs) {
    it(`wasm and reference give core's [μ, ρ] per window for ${name}, count × 2 row-major`, () => {
      const weights = randomModelWeights(spec, { seed: 31 });
      const windows = scaledWindows(count, 32);
      const expected = Array.from({ length: count }, (_, i) =>
        Array.from(
          modelOutputs(spec, weights, windows.subarray(i * WINDOW_LENGTH, (i + 1) * WINDOW_LENGTH)),
        ),
      ).flat();
      for (const engine of bareEngines) {
        const runner = engine.load(spec, weights);
        // Loading places the weights; forecasting must hold nothing more.
        const before = engine.memory();
        try {
          expect(runner.outputs).toBe(2);
          const outputs = runner.predict(windows, count);
          expect(outputs).toHaveLength(2 * count);
          outputs.forEach((value, k) => {
            const want = expected[k] as number;
            expect(Math.abs(value - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
          });
          // Non-trivial: locations and log-scales both vary across windows.
          const mu = expected.filter((_, k) => k % 2 === 0);
          const rho = expected.filter((_, k) => k % 2 === 1);
          expect(Math.max(...mu) - Math.min(...mu)).toBeGreaterThan(0.01);
          expect(Math.max(...rho) - Math.min(...rho)).toBeGreaterThan(0.01);
          // A window alone gives what it gives inside the batch.
          const alone = runner.predict(windows.subarray(5 * WINDOW_LENGTH, 6 * WINDOW_LENGTH), 1);
          expect(Math.abs((alone[0] as number) - (outputs[10] as number))).toBeLessThan(1e-6);
          expect(Math.abs((alone[1] as number) - (outputs[11] as number))).toBeLessThan(1e-6);
          expect(engine.memory()).toEqual(before);
        } finally {
          runner.dispose();
        }
      }
    });
  }

  it('gives a point model one output per window', () => {
    const spec: ModelSpec = {
      ...(specs[0]?.[1] as ModelSpec),
      head: [head[0] as ModelSpec['head'][number], { units: 1, activation: 'linear' }],
      output: 'point',
    };
    for (const engine of bareEngines) {
      const runner = engine.load(spec, randomModelWeights(spec, { seed: 33 }));
      expect(runner.outputs).toBe(1);
      expect(runner.predict(scaledWindows(3, 34), 3)).toHaveLength(3);
      runner.dispose();
    }
  });
});
