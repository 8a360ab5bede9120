import wasmModule from '@gatecast/kernels/kernels.wasm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { RegistryBundle } from '../src/registry/bundle.js';
import { registryBundle } from '../src/registry.generated.js';
import { expectProblem, expectRelativelyClose, latestWindow, manifest } from './support.js';

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
        /"formatVersion":\s*1/,
        '"formatVersion": 2',
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
  it('are refused when the model is first loaded, with a reason', async () => {
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
