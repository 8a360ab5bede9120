import wasmModule from '@gatecast/kernels/kernels.wasm';
import { describe, expect, it } from 'vitest';
import { registryBundle } from '../src/registry.generated.js';
import { forecastWindows } from '../src/serving/forecastWindows.js';
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

  it('wasm and reference agree on every test window of every model to 1e-5', () => {
    let worstOverModels = 0;
    const windows = results.test.dates.map(windowBefore);
    for (const entry of manifest.models) {
      const viaWasm = forecastWindows(served(wasm, entry.id), windows);
      const viaReference = forecastWindows(served(reference, entry.id), windows);
      viaWasm.forEach((f, i) => {
        expectRelativelyClose(f.forecast, viaReference[i]?.forecast as number, 1e-5);
      });
      // The raw outputs too (scaled space, where a relative model's outputs sit near 0): the
      // largest difference relative to the largest output.
      const scale = Math.max(...viaReference.map((f) => Math.abs(f.scaled)));
      const worst = Math.max(
        ...viaWasm.map((f, i) => Math.abs(f.scaled - (viaReference[i]?.scaled as number))),
      );
      expect(worst / scale).toBeLessThan(1e-5);
      worstOverModels = Math.max(worstOverModels, worst / scale);
    }
    console.log(
      `wasm vs reference, scaled outputs: worst relative difference ${worstOverModels.toExponential(2)}`,
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
