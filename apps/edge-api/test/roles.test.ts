/**
 * Model roles: listings and the default show forecasters unless asked; the lesson's reproduction
 * (`lesson-reproduction`, the @reference models) is listed on request and reachable by id; every
 * model response says its role. Expected roles come from the trainer's manifest.
 */
import { PROTOCOL_ROLES } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { api, expectProblem, jsonPost, latestWindow, manifest } from './support.js';

const ids = (role: string) => manifest.models.filter((m) => m.role === role).map((m) => m.id);
const forecasters = ids('forecaster');
const lessonModels = ids('lesson-reproduction');

async function getJson<T>(path: string): Promise<T> {
  const response = await api(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

interface Listing {
  defaultModel: string;
  role: string;
  models: { id: string; role: string; protocol: 'reference' | 'relative' }[];
}
interface Comparison {
  role: string;
  forecasts: { id: string; kind: string; role?: string }[];
}

describe('the committed registry', () => {
  it('has both roles, each its protocol’s, and a forecaster as the default model', () => {
    expect(forecasters.length).toBeGreaterThan(0);
    expect(lessonModels.length).toBeGreaterThan(0);
    for (const m of manifest.models) expect(m.role).toBe(PROTOCOL_ROLES[m.protocol]);
    expect(forecasters).toContain(manifest.defaultModel);
  });
});

describe('GET /v1/models?role', () => {
  it('lists the forecasters by default, each with its role', async () => {
    const body = await getJson<Listing>('/v1/models');
    expect(body.role).toBe('forecaster');
    expect(body.models.map((m) => m.id)).toEqual(forecasters);
    for (const m of body.models) expect(m.role).toBe('forecaster');
    expect(body.defaultModel).toBe(manifest.defaultModel);
  });

  it('lists the lesson’s reproduction on request, and everything with all', async () => {
    const lesson = await getJson<Listing>('/v1/models?role=lesson-reproduction');
    expect(lesson.role).toBe('lesson-reproduction');
    expect(lesson.models.map((m) => m.id)).toEqual(lessonModels);
    for (const m of lesson.models) {
      expect(m).toMatchObject({ role: 'lesson-reproduction', protocol: 'reference' });
    }
    const all = await getJson<Listing>('/v1/models?role=all');
    expect(all.models.map((m) => m.id)).toEqual(manifest.models.map((m) => m.id));
  });

  it('answers 422 to an unknown role, naming the ones it takes', async () => {
    const problem = await expectProblem(
      await api('/v1/models?role=demo'),
      422,
      /must be one of forecaster, lesson-reproduction, all/,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/role');
  });
});

describe('GET /v1/compare?role', () => {
  it('compares the forecasters with the baselines by default', async () => {
    const body = await getJson<Comparison>('/v1/compare');
    expect(body.role).toBe('forecaster');
    const models = body.forecasts.filter((f) => f.kind === 'model');
    expect(models.map((f) => f.id)).toEqual(forecasters);
    for (const f of models) expect(f.role).toBe('forecaster');
    expect(body.forecasts.filter((f) => f.kind === 'baseline').map((f) => f.id)).toEqual([
      'naive',
      'drift',
      'ar1',
      'naiveEwma',
    ]);
    for (const f of body.forecasts.filter((f) => f.kind === 'baseline')) {
      expect(f.role).toBeUndefined();
    }
  });

  it('shows the lesson’s reproduction beside the baselines on request', async () => {
    const body = await getJson<Comparison>('/v1/compare?role=lesson-reproduction&horizon=3');
    const models = body.forecasts.filter((f) => f.kind === 'model');
    expect(models.map((f) => f.id)).toEqual(lessonModels);
    for (const f of models) expect(f.role).toBe('lesson-reproduction');
  });
});

describe('a lesson model by id', () => {
  const id = lessonModels[0] as string;

  it('is described and forecast, saying its role', async () => {
    const model = await getJson<{ id: string; role: string }>(
      `/v1/models/${encodeURIComponent(id)}`,
    );
    expect(model).toMatchObject({ id, role: 'lesson-reproduction' });
    const get = await getJson<{ model: string; role: string }>(
      `/v1/forecast?model=${encodeURIComponent(id)}`,
    );
    expect(get).toMatchObject({ model: id, role: 'lesson-reproduction' });
    const post = await api('/v1/forecast', jsonPost({ model: id, window: latestWindow }));
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ model: id, role: 'lesson-reproduction' });
  });

  it('while the default forecast is a forecaster’s', async () => {
    const body = await getJson<{ model: string; role: string }>('/v1/forecast');
    expect(body).toMatchObject({ model: manifest.defaultModel, role: 'forecaster' });
  });
});
