import { describe, expect, it } from 'vitest';
import { registryBundle } from '../registry.generated.js';
import { forecastBatch } from './batchForecast.js';
import { modelPaths } from './modelPaths.js';
import { buildServingState, type ServedModel } from './servingState.js';

const state = await buildServingState(registryBundle, { preferred: 'reference' });
const id = state.registry.manifest.defaultModel;
const found = state.models.lookup(id);
if (!found || !('served' in found)) throw new Error(`${id} is not served`);
const model: ServedModel = found.served;
const latest = state.registry.latest.window;

/** The model with its engine's batched calls recorded: the number of windows in each. */
function counted(): { model: ServedModel; calls: number[] } {
  const calls: number[] = [];
  const runner = {
    ...model.runner,
    predict: (inputs: Float32Array, count: number) => {
      calls.push(count);
      return model.runner.predict(inputs, count);
    },
  };
  return { model: { ...model, runner }, calls };
}

describe('forecastBatch', () => {
  it('runs the valid items in one engine call per month; the others answer with their problem', () => {
    const { model: countedModel, calls } = counted();
    const items = [
      { id: 'a', window: latest },
      { id: 'short', window: latest.slice(1) },
      { window: latest.map((v) => v * 1.1) },
      'not an item',
      { id: 'overflow', window: new Array(12).fill(1.79e308) },
      { id: 'b', window: latest.map((v) => v * 0.9) },
    ];
    const results = forecastBatch({
      model: countedModel,
      items,
      request: { horizon: 3, levels: [80] },
    });
    // Four valid windows at month 1; the overflowing one leaves the batch after it.
    expect(calls).toEqual([4, 3, 3]);
    expect(results.map((r) => ('error' in r ? `${r.id}:${r.error.type}` : r.id))).toEqual([
      'a',
      'short:tag:gatecast,2026:problem:invalid-item',
      undefined,
      'undefined:tag:gatecast,2026:problem:invalid-item',
      'overflow:tag:gatecast,2026:problem:forecast-not-finite',
      'b',
    ]);
    // Each valid item's path is the one it gets alone.
    const alone = modelPaths(model, [latest.map((v) => v * 0.9)], 3).values[0];
    const b = results[5];
    expect(b && 'path' in b ? b.path.map((p) => p.forecast) : undefined).toEqual(alone);
  });

  it('makes no engine call when no item is valid', () => {
    const { model: countedModel, calls } = counted();
    const results = forecastBatch({
      model: countedModel,
      items: [{}, { window: [] }],
      request: { horizon: 2, levels: [80] },
    });
    expect(calls).toEqual([]);
    expect(results.every((r) => 'error' in r)).toBe(true);
  });
});
