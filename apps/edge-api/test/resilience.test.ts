import { modelForward, weightSlots, weightsFromList } from '@gatecast/core';
import { decodeLayersWeights, REPLAY_TOLERANCE } from '@gatecast/core/registry/verify';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { RegistryBundle } from '../src/registry/bundle.js';
import { sha256Hex } from '../src/registry/sha256.js';
import { registryBundle } from '../src/registry.generated.js';
import {
  expectProblem,
  expectRelativelyClose,
  latestWindow,
  manifest,
  results,
  windowBefore,
} from './support.js';

const victim = 'lstm-32@relative';
const victimEntry = manifest.models.find((m) => m.id === victim);
if (!victimEntry) throw new Error(`${victim} is not in the manifest`);

/** The bundled registry with one float of the victim's weights.bin changed. */
function corruptedRegistry(): RegistryBundle {
  const path = victimEntry?.files.weights as string;
  const bytes = new Uint8Array((registryBundle.files[path] as ArrayBuffer).slice(0));
  bytes[100] = (bytes[100] as number) ^ 0x40;
  return { ...registryBundle, files: { ...registryBundle.files, [path]: bytes.buffer } };
}

/**
 * The bundled registry with `id`'s weights.bin edited by `edit` and its sha256 in the manifest
 * updated to match: a tamper the hash check cannot see.
 */
async function rehashedRegistry(
  id: string,
  edit: (view: DataView, offsetOf: (layer: string, role: string) => number) => void,
): Promise<RegistryBundle> {
  const edited = JSON.parse(registryBundle.manifestText) as typeof manifest;
  const entry = edited.models.find((m) => m.id === id);
  if (!entry) throw new Error(`${id} is not in the manifest`);
  const bytes = (registryBundle.files[entry.files.weights] as ArrayBuffer).slice(0);
  const offsetOf = (layer: string, role: string) => {
    let offset = 0;
    for (const slot of weightSlots(entry.spec)) {
      if (slot.layer === layer && slot.role === role) return offset;
      offset += 4 * slot.shape.reduce((a, b) => a * b, 1);
    }
    throw new Error(`${id} has no ${layer}/${role}`);
  };
  edit(new DataView(bytes), offsetOf);
  entry.files.weightsSha256 = await sha256Hex(bytes);
  return {
    ...registryBundle,
    manifestText: JSON.stringify(edited),
    files: { ...registryBundle.files, [entry.files.weights]: bytes },
  };
}

/**
 * What `/health` says of the refused models of a registry, and how many it loaded, with the
 * start-up check replaying on the reference engine (core's forward pass) or on wasm.
 */
async function healthOf(registry: RegistryBundle, engine: 'reference' | 'wasm' = 'reference') {
  const app = createApp({
    registry,
    engine: engine === 'wasm' ? { preferred: 'wasm', wasmModule } : { preferred: 'reference' },
  });
  return (await (await app.request(`${origin}/health`)).json()) as {
    models: { loaded: string[]; refused: { id: string; reason: string }[] };
  };
}

const origin = 'http://gatecast.test';

describe('a corrupted weights file', () => {
  const app = createApp({ registry: corruptedRegistry(), engine: { wasmModule } });

  it('is refused at load and reported by /health', async () => {
    const response = await app.request(`${origin}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      models: { loaded: string[]; refused: unknown[] };
    };
    expect(body.status).toBe('degraded');
    expect(body.models.refused).toEqual([
      { id: victim, reason: 'weights.bin does not match its sha256 in the manifest' },
    ]);
    expect(body.models.loaded).toHaveLength(manifest.models.length - 1);
    expect(body.models.loaded).not.toContain(victim);
  });

  it('answers 503 problem details for that model on every route', async () => {
    await expectProblem(
      await app.request(`${origin}/v1/forecast?model=${victim}`),
      503,
      /not served: weights\.bin does not match/,
    );
    await expectProblem(await app.request(`${origin}/v1/models/${victim}`), 503, /not served/);
    const post = await app.request(`${origin}/v1/forecast`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: victim, window: latestWindow }),
    });
    await expectProblem(post, 503, /not served/);
  });

  it('keeps serving the other models', async () => {
    const other = manifest.models.find((m) => m.id === 'gru-32@relative');
    const response = await app.request(`${origin}/v1/forecast?model=gru-32@relative`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { forecast: number; engine: string };
    expect(body.engine).toBe('wasm');
    expectRelativelyClose(body.forecast, other?.forecast.value as number);
    const list = (await (await app.request(`${origin}/v1/models`)).json()) as {
      models: { id: string }[];
      refused: { id: string }[];
    };
    expect(list.models.map((m) => m.id)).not.toContain(victim);
    expect(list.refused.map((r) => r.id)).toEqual([victim]);
    const compare = (await (await app.request(`${origin}/v1/compare`)).json()) as {
      forecasts: { id: string }[];
    };
    expect(compare.forecasts.map((f) => f.id)).not.toContain(victim);
  });
});

describe('a missing model file', () => {
  it('refuses that model with a reason', async () => {
    const files = { ...registryBundle.files };
    delete files[victimEntry?.files.modelJson as string];
    const app = createApp({
      registry: { ...registryBundle, files },
      engine: { preferred: 'reference' },
    });
    const body = (await (await app.request(`${origin}/health`)).json()) as {
      models: { refused: unknown[] };
    };
    expect(body.models.refused).toEqual([{ id: victim, reason: 'model.json is missing' }]);
  });
});

describe('an unusable registry', () => {
  const app = createApp({
    registry: {
      ...registryBundle,
      manifestText: registryBundle.manifestText.replace(
        /"formatVersion":\s*\d+/,
        '"formatVersion": 99',
      ),
    },
    engine: { preferred: 'reference' },
  });

  it('makes /health answer 503 with the reason', async () => {
    const response = await app.request(`${origin}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).toMatch(/manifest\.json is invalid: formatVersion/);
  });

  it('makes the API answer 503 problem details', async () => {
    await expectProblem(await app.request(`${origin}/v1/models`), 503, /manifest\.json is invalid/);
    await expectProblem(
      await app.request(`${origin}/v1/forecast`),
      503,
      /manifest\.json is invalid/,
    );
  });

  it('refuses a series that does not match the manifest', async () => {
    const tampered = createApp({
      registry: {
        ...registryBundle,
        seriesCsv: registryBundle.seriesCsv.replace('7412.55', '7412.56'),
      },
      engine: { preferred: 'reference' },
    });
    const body = (await (await tampered.request(`${origin}/health`)).json()) as { reason: string };
    expect(body.reason).toBe('the bundled series does not match the manifest data sha256');
  });
});

describe('engine fallback', () => {
  it('serves with the reference engine when wasm cannot start, and says so', async () => {
    const app = createApp({ registry: registryBundle, engine: { preferred: 'wasm' } });
    const health = (await (await app.request(`${origin}/health`)).json()) as {
      status: string;
      engine: Record<string, unknown>;
    };
    expect(health.status).toBe('degraded');
    expect(health.engine).toEqual({
      name: 'reference',
      preferred: 'wasm',
      simd: null,
      fallbackReason: 'no wasm module was bundled',
      memory: null,
    });
    const forecast = (await (await app.request(`${origin}/v1/forecast`)).json()) as {
      engine: string;
      forecast: number;
    };
    expect(forecast.engine).toBe('reference');
    const entry = manifest.models.find((m) => m.id === manifest.defaultModel);
    expectRelativelyClose(forecast.forecast, entry?.forecast.value as number);
  });
});

describe('weights that do not reproduce the recorded forecast', () => {
  it('are refused at start-up, with a reason', async () => {
    const edited = JSON.parse(registryBundle.manifestText) as {
      models: { id: string; forecast: { scaledValue: number } }[];
    };
    const entry = edited.models.find((m) => m.id === 'gru-8@relative');
    if (!entry) throw new Error('gru-8@relative is not in the manifest');
    entry.forecast.scaledValue += 0.5;
    const app = createApp({
      registry: { ...registryBundle, manifestText: JSON.stringify(edited) },
      engine: { preferred: 'reference' },
    });
    await expectProblem(
      await app.request(`${origin}/v1/forecast?model=gru-8@relative`),
      503,
      /gru-8@relative is not served: the weights do not reproduce the recorded forecast/,
    );
    const health = (await (await app.request(`${origin}/health`)).json()) as {
      models: { refused: { id: string }[]; loaded: string[] };
    };
    expect(health.models.refused.map((r) => r.id)).toEqual(['gru-8@relative']);
    expect(health.models.loaded).toHaveLength(manifest.models.length - 1);
  });
});

describe('tampered weights whose sha256 was updated to match', () => {
  it('NaN or infinite: refused as not finite', async () => {
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY]) {
      const registry = await rehashedRegistry(victim, (view, offsetOf) =>
        view.setFloat32(offsetOf('dense_0', 'bias') + 8, bad, true),
      );
      const health = await healthOf(registry);
      expect(health.models.refused).toEqual([
        {
          id: victim,
          reason: `weight dense_0/bias holds ${bad} at index 2: every weight must be finite`,
        },
      ]);
      expect(health.models.loaded).toHaveLength(manifest.models.length - 1);
    }
  });

  it('in a head unit inactive on the latest window: the one recorded forecast still matches, a test prediction does not', async () => {
    // dense_1's kernel row j weighs dense_0 unit j's relu output. Scaling the row of a unit that
    // is 0 on the latest window leaves that window's forecast bit for bit (what the start-up
    // check compared alone before), and moves the forecasts of windows where the unit is active.
    const id = 'gru-32@relative';
    const entry = manifest.models.find((m) => m.id === id);
    if (!entry) throw new Error(`${id} is not in the manifest`);
    if (entry.spec.head[0]?.units !== 16 || entry.spec.head[1]?.units !== 1) {
      throw new Error(`${id} is not a Dense(16) → Dense(1) head`);
    }
    const weightsOf = (bytes: ArrayBuffer) =>
      weightsFromList(
        entry.spec,
        decodeLayersWeights(
          entry.spec,
          registryBundle.files[entry.files.modelJson] as string,
          bytes,
        ),
      );
    const relative = (window: number[]) => {
      const last = window.at(-1) as number;
      const sigma = (entry.scaler as { logReturnStd: number }).logReturnStd;
      return Float32Array.from(window, (x) => Math.log(x / last) / sigma);
    };
    const recorded = results.models.find((m) => m.id === id);
    if (!recorded) throw new Error(`results.json has no ${id}`);
    const original = weightsOf(registryBundle.files[entry.files.weights] as ArrayBuffer);
    const canonical = modelForward(entry.spec, original, relative(latestWindow));
    let tampered: RegistryBundle | undefined;
    let moved = 0;
    for (let unit = 0; unit < 16 && !tampered; unit++) {
      const candidate = await rehashedRegistry(id, (view, offsetOf) => {
        const at = offsetOf('dense_1', 'kernel') + 4 * unit;
        view.setFloat32(at, view.getFloat32(at, true) * 40 + 1, true);
      });
      const edited = JSON.parse(candidate.manifestText) as typeof manifest;
      const path = edited.models.find((m) => m.id === id)?.files.weights as string;
      const weights = weightsOf(candidate.files[path] as ArrayBuffer);
      if (modelForward(entry.spec, weights, relative(latestWindow)) !== canonical) continue;
      const last = (d: string) => windowBefore(d).at(-1) as number;
      const sigma = (entry.scaler as { logReturnStd: number }).logReturnStd;
      moved = Math.max(
        ...results.test.dates.map((date, i) => {
          const scaled = modelForward(entry.spec, weights, relative(windowBefore(date)));
          const points = last(date) * Math.exp(sigma * scaled);
          const want = recorded.predictions[i] as number;
          return Math.abs(points - want) / Math.abs(want);
        }),
      );
      if (moved > 10 * REPLAY_TOLERANCE) tampered = candidate;
    }
    expect(
      tampered,
      'a head unit inactive on the latest window, active on a test one',
    ).toBeDefined();
    for (const engine of ['reference', 'wasm'] as const) {
      const health = await healthOf(tampered as RegistryBundle, engine);
      expect(health.models.refused, engine).toEqual([
        {
          id,
          reason: expect.stringMatching(
            /^the weights do not reproduce test prediction \d+ of 184 \(target \d{4}-\d\d-01\): [\d.]+ points, results\.json records [\d.]+$/,
          ),
        },
      ]);
      expect(health.models.loaded).toHaveLength(manifest.models.length - 1);
    }
  });

  it('with a shape the spec does not have: refused naming the weight', async () => {
    const edited = JSON.parse(registryBundle.manifestText) as typeof manifest;
    const entry = edited.models.find((m) => m.id === victim);
    if (!entry) throw new Error(`${victim} is not in the manifest`);
    const json = JSON.parse(registryBundle.files[entry.files.modelJson] as string);
    json.weightsManifest[0].weights[0].shape = [2, 64];
    const text = JSON.stringify(json);
    entry.files.modelJsonSha256 = await sha256Hex(text);
    const health = await healthOf({
      ...registryBundle,
      manifestText: JSON.stringify(edited),
      files: { ...registryBundle.files, [entry.files.modelJson]: text },
    });
    expect(health.models.refused).toEqual([
      { id: victim, reason: 'weight rnn_0/kernel has shape [2,64], expected [1,128]' },
    ]);
  });
});

describe('an unexpected error', () => {
  it('answers a bare 500 problem and reports the error to the host only', async () => {
    const seen: unknown[] = [];
    const app = createApp({
      registry: registryBundle,
      engine: { preferred: 'reference' },
      onUnexpectedError: (error) => seen.push(error),
    });
    app.get('/v1/boom', () => {
      throw new Error('secret at /work/main/apps/edge-api/src/app.ts:1');
    });
    const problem = await expectProblem(
      await app.request(`${origin}/v1/boom`),
      500,
      /^the server failed to handle the request$/,
    );
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(seen).toHaveLength(1);
  });
});
