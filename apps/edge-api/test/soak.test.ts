/**
 * A soak of repeated forecasts: the wasm backend's live tensors and their bytes, as /health
 * reports them, are the same after 3,000 forecasts as before. A leak of one tensor per request
 * would show as thousands.
 */

import { describe, expect, it } from 'vitest';
import { directApi, jsonPost, latestWindow, manifest } from './support.js';

const api = directApi();

interface Memory {
  tensors: number;
  bytes: number;
}

async function memory(): Promise<Memory> {
  const health = (await (await api('/health')).json()) as { engine: { memory: Memory | null } };
  if (!health.engine.memory) throw new Error('the wasm engine reports no memory');
  return health.engine.memory;
}

describe('a soak of repeated forecasts', () => {
  it('leaves the tensor count and memory unchanged', async () => {
    await api('/v1/forecast'); // first request: anything lazily created is created now
    const before = await memory();
    const ids = manifest.models.map((m) => m.id);
    for (let i = 0; i < 1_000; i++) {
      const model = ids[i % ids.length];
      const shifted = latestWindow.map((v, j) => v * (1 + ((i + j) % 7) / 1_000));
      const responses = await Promise.all([
        api(`/v1/forecast?model=${encodeURIComponent(model ?? '')}`),
        api('/v1/forecast', jsonPost({ model, window: shifted })),
        api(
          '/v1/forecast/batch',
          jsonPost({ model, items: [{ window: shifted }, { window: latestWindow }] }),
        ),
      ]);
      for (const response of responses) {
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    }
    expect(await memory()).toEqual(before);
  }, 600_000);
});
