/**
 * Degraded states: a registry whose default model is refused serves the best remaining model by
 * the trainer's rule and says so (responses and /health); a registry with no model left answers
 * /health 503 and every forecast 503, as problem details.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { RegistryBundle } from '../src/registry/bundle.js';
import { registryBundle } from '../src/registry.generated.js';
import { expectProblem, jsonPost, latestWindow, manifest } from './support.js';

const origin = 'http://gatecast.test';

/** The bundled registry with one byte flipped in each listed model's weights.bin. */
function withCorruptWeights(ids: readonly string[]): RegistryBundle {
  const files = { ...registryBundle.files };
  for (const id of ids) {
    const entry = manifest.models.find((m) => m.id === id);
    if (!entry) throw new Error(`${id} is not in the manifest`);
    const bytes = new Uint8Array((files[entry.files.weights] as ArrayBuffer).slice(0));
    bytes[64] = (bytes[64] as number) ^ 0x40;
    files[entry.files.weights] = bytes.buffer;
  }
  return { ...registryBundle, files };
}

/**
 * The trainer's rule, written out here from its description (packages/trainer README): the
 * relative-protocol model with gated cells only and the lowest validation RMSE of its served seed.
 */
function expectedFallback(excluded: string): string {
  const candidates = manifest.models.filter(
    (m) =>
      m.id !== excluded &&
      m.protocol === 'relative' &&
      m.spec.recurrent.every((layer) => layer.cell === 'gru' || layer.cell === 'lstm'),
  );
  const best = [...candidates].sort((a, b) => a.validationRmse - b.validationRmse)[0];
  if (!best) throw new Error('no gated relative model besides the default');
  return best.id;
}

describe('a refused default model', () => {
  const requested = manifest.defaultModel;
  const app = createApp({
    registry: withCorruptWeights([requested]),
    engine: { preferred: 'reference' },
  });
  const fallback = expectedFallback(requested);
  const request = (path: string, init?: RequestInit) => app.request(`${origin}${path}`, init);

  it('is replaced on GET /v1/forecast by the best remaining forecaster, which the answer names', async () => {
    expect(fallback).not.toBe(requested);
    const response = await request('/v1/forecast');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      model: string;
      forecast: number;
      defaultFallback?: { requested: string; reason: string };
    };
    expect(body.model).toBe(fallback);
    const recorded = manifest.models.find((m) => m.id === fallback)?.forecast.value as number;
    expect(Math.abs(body.forecast - recorded)).toBeLessThan(1e-3 * recorded);
    expect(body.defaultFallback).toEqual({
      requested,
      reason: 'weights.bin does not match its sha256 in the manifest',
    });
  });

  it('is replaced on POST /v1/forecast and the batch too, and named in /health and /v1/models', async () => {
    const post = (await (
      await request('/v1/forecast', jsonPost({ window: latestWindow }))
    ).json()) as {
      model: string;
      defaultFallback?: { requested: string };
    };
    expect(post.model).toBe(fallback);
    expect(post.defaultFallback?.requested).toBe(requested);
    const batch = (await (
      await request('/v1/forecast/batch', jsonPost({ items: [{ window: latestWindow }] }))
    ).json()) as { model: string; defaultFallback?: { requested: string } };
    expect(batch.model).toBe(fallback);
    expect(batch.defaultFallback?.requested).toBe(requested);

    const health = await request('/health');
    expect(health.status).toBe(200);
    const status = (await health.json()) as {
      status: string;
      defaultModel: string;
      defaultFallback: { requested: string; reason: string } | null;
    };
    expect(status.status).toBe('degraded');
    expect(status.defaultModel).toBe(fallback);
    expect(status.defaultFallback?.requested).toBe(requested);

    const list = (await (await request('/v1/models')).json()) as {
      defaultModel: string;
      defaultFallback?: { requested: string };
    };
    expect(list.defaultModel).toBe(fallback);
    expect(list.defaultFallback?.requested).toBe(requested);
  });

  it('is still refused by name, and a named model carries no fallback', async () => {
    await expectProblem(await request(`/v1/forecast?model=${requested}`), 503, /not served/);
    const named = (await (await request(`/v1/forecast?model=${fallback}`)).json()) as Record<
      string,
      unknown
    >;
    expect(named.model).toBe(fallback);
    expect('defaultFallback' in named).toBe(false);
  });
});

describe('a registry with no model left', () => {
  const app = createApp({
    registry: withCorruptWeights(manifest.models.map((m) => m.id)),
    engine: { preferred: 'reference' },
  });
  const request = (path: string, init?: RequestInit) => app.request(`${origin}${path}`, init);

  it('answers /health 503 unavailable, listing every refusal', async () => {
    const response = await request('/health');
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      status: string;
      models: { loaded: string[]; refused: { id: string }[] };
      defaultModel: string | null;
      reason: string | null;
    };
    expect(body.status).toBe('unavailable');
    expect(body.models.loaded).toEqual([]);
    expect(body.models.refused.map((r) => r.id).sort()).toEqual(
      manifest.models.map((m) => m.id).sort(),
    );
    expect(body.defaultModel).toBeNull();
    expect(body.reason).toMatch(/every model was refused/);
  });

  it('answers every forecast 503 problem details, never a 5xx of its own', async () => {
    await expectProblem(await request('/v1/forecast'), 503, /no model can be served/);
    await expectProblem(
      await request('/v1/forecast', jsonPost({ window: latestWindow })),
      503,
      /no model can be served/,
    );
    await expectProblem(
      await request('/v1/forecast/batch', jsonPost({ items: [{ window: latestWindow }] })),
      503,
      /no model can be served/,
    );
  });
});

describe('a healthy registry', () => {
  it('says ok with the registry’s own default and no fallback', async () => {
    const app = createApp({ registry: registryBundle, engine: { preferred: 'reference' } });
    const response = await app.request(`${origin}/health`);
    const body = (await response.json()) as {
      status: string;
      defaultModel: string;
      defaultFallback: unknown;
    };
    expect(response.status).toBe(200);
    expect(body.defaultModel).toBe(manifest.defaultModel);
    expect(body.defaultFallback).toBeNull();
    const forecast = (await (await app.request(`${origin}/v1/forecast`)).json()) as Record<
      string,
      unknown
    >;
    expect(forecast.model).toBe(manifest.defaultModel);
    expect('defaultFallback' in forecast).toBe(false);
  });
});
