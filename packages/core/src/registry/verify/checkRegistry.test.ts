import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGISTRY_FORMAT_VERSION } from '../../constants.js';
import { modelForward } from '../../model/forward.js';
import type { ModelSpec, ModelWeights } from '../../model/modelSpec.js';
import { randomModelWeights } from '../../model/randomWeights.js';
import { weightSlots } from '../../model/weightShapes.js';
import { weightsToList } from '../../model/weights.js';
import { scalerFromParams } from '../../scalers/fitScaler.js';
import { loadReferenceSeries, REFERENCE_CSV_PATH } from '../../testing/referenceSeries.js';
import type { Manifest } from '../manifest.js';
import type { Results } from '../results.js';
import { registryFixture } from '../testing/registryFixture.js';
import {
  checkRegistry,
  REPLAY_TOLERANCE,
  RegistryCheckError,
  type RegistryContents,
} from './checkRegistry.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const TEST_COUNT = 184;

/** tfjs-layers artifacts of some weights, as the trainer writes them (float32 little-endian). */
function layersArtifacts(spec: ModelSpec, weights: ModelWeights) {
  const slots = weightSlots(spec);
  const list = weightsToList(weights);
  const size = list.reduce((n, w) => n + w.values.length, 0);
  const bytes = new Uint8Array(4 * size);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const w of list) {
    for (const v of w.values) {
      view.setFloat32(offset, v, true);
      offset += 4;
    }
  }
  const roles = { kernel: 'kernel', recurrentKernel: 'recurrent_kernel', bias: 'bias' };
  const modelJson = JSON.stringify({
    format: 'layers-model',
    modelTopology: {},
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: slots.map((s) => ({
          name: `${s.layer}/${roles[s.role]}`,
          shape: s.shape,
          dtype: 'float32',
        })),
      },
    ],
  });
  return { modelJson, bytes };
}

/**
 * A complete registry of the fixture's two models with random weights over the real series: its
 * last 184 months are the test period, and the recorded forecasts and test predictions are what
 * the weights compute (this tests the check's decisions; the committed registry below, recorded by
 * tfjs, is the check against another engine).
 */
function syntheticRegistry(): RegistryContents {
  const seriesCsv = readFileSync(REFERENCE_CSV_PATH, 'utf8');
  const series = loadReferenceSeries();
  const { manifest, results } = registryFixture();
  const n = series.values.length;
  const L = manifest.split.windowLength;
  const first = n - TEST_COUNT;
  const windowAt = (k: number) => series.values.slice(k - L, k);
  const test: Results['test'] = {
    dates: series.dates.slice(first),
    actual: series.values.slice(first),
    lastValues: series.values.slice(first - 1, n - 1),
  };
  const files: Record<string, string | Uint8Array> = {};
  const models = manifest.models.map((entry, i) => {
    const weights = randomModelWeights(entry.spec, { seed: 11 + i });
    const scaler = scalerFromParams(entry.scaler);
    const run = (window: number[]) =>
      modelForward(entry.spec, weights, Float32Array.from(scaler.scaleWindow(window)));
    const { modelJson, bytes } = layersArtifacts(entry.spec, weights);
    files[entry.files.modelJson] = modelJson;
    files[entry.files.weights] = bytes;
    const latest = windowAt(n);
    const predictions = test.dates.map((_, j) => {
      const window = windowAt(first + j);
      return scaler.unscaleTarget(run(window), window);
    });
    const forecast = { ...entry.forecast, scaledValue: run(latest) };
    return {
      entry: {
        ...entry,
        forecast,
        files: { ...entry.files, modelJsonSha256: sha256(modelJson), weightsSha256: sha256(bytes) },
      },
      predictions,
    };
  });
  const resultsText = JSON.stringify({
    ...results,
    test,
    models: models.map((m, i) => ({
      ...(results.models[i] as Results['models'][number]),
      id: m.entry.id,
      predictions: m.predictions,
      intervals: {
        '80': m.predictions.map((p) => [p - 1, p + 1]),
        '95': m.predictions.map((p) => [p - 2, p + 2]),
      },
    })),
  } satisfies Results);
  const full: Manifest = {
    ...manifest,
    data: {
      ...manifest.data,
      sha256: sha256(seriesCsv),
      months: n,
      last: series.dates[n - 1] as string,
    },
    split: {
      ...manifest.split,
      test: {
        count: TEST_COUNT,
        firstTarget: test.dates[0] as string,
        lastTarget: test.dates[TEST_COUNT - 1] as string,
      },
    },
    models: models.map((m) => m.entry),
    files: { ...manifest.files, 'results.json': sha256(resultsText) },
  };
  return { manifestText: JSON.stringify(full), resultsText, seriesCsv, files };
}

/** The registry with one model's weights.bin replaced and, if asked, its hash updated to match. */
function withWeights(
  contents: RegistryContents,
  id: string,
  edit: (view: DataView) => void,
  options: { rehash: boolean },
): RegistryContents {
  const manifest = JSON.parse(contents.manifestText) as Manifest;
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`${id} is not in the registry`);
  const bytes = new Uint8Array(contents.files[entry.files.weights] as Uint8Array);
  edit(new DataView(bytes.buffer));
  if (options.rehash) entry.files.weightsSha256 = sha256(bytes);
  return {
    ...contents,
    manifestText: JSON.stringify(manifest),
    files: { ...contents.files, [entry.files.weights]: bytes },
  };
}

/** Byte offset of a weight slot's first value in weights.bin. */
function slotOffset(spec: ModelSpec, layer: string, role: string): number {
  let offset = 0;
  for (const slot of weightSlots(spec)) {
    if (slot.layer === layer && slot.role === role) return offset;
    offset += 4 * slot.shape.reduce((a, b) => a * b, 1);
  }
  throw new Error(`no ${layer}/${role}`);
}

const check = (contents: RegistryContents) => checkRegistry(contents, { sha256 });

describe('checkRegistry on a registry whose records match its weights', () => {
  it('passes every model', async () => {
    const checked = await check(syntheticRegistry());
    expect(checked.refused).toEqual([]);
    expect(checked.models.map((m) => m.entry.id)).toEqual(['gru-8@relative', 'gru-8@reference']);
    expect(checked.latestWindow).toHaveLength(12);
  });
});

describe('checkRegistry refuses', () => {
  const victim = 'gru-8@relative';
  const base = syntheticRegistry();
  const manifest = JSON.parse(base.manifestText) as Manifest;
  const spec = manifest.models.find((m) => m.id === victim)?.spec as ModelSpec;

  const refusal = async (contents: RegistryContents) => {
    const checked = await check(contents);
    expect(checked.models.map((m) => m.entry.id)).toEqual(['gru-8@reference']);
    return checked.refused;
  };

  it('a flipped byte in a weights file', async () => {
    const flipped = withWeights(base, victim, (v) => v.setUint8(100, v.getUint8(100) ^ 0x40), {
      rehash: false,
    });
    expect(await refusal(flipped)).toEqual([
      { id: victim, reason: 'weights.bin does not match its sha256 in the manifest' },
    ]);
  });

  it('a NaN or an infinite weight, even with its hash updated', async () => {
    const offset = slotOffset(spec, 'dense_0', 'bias');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const edited = withWeights(base, victim, (v) => v.setFloat32(offset + 8, bad, true), {
        rehash: true,
      });
      expect(await refusal(edited)).toEqual([
        {
          id: victim,
          reason: `weight dense_0/bias holds ${bad} at index 2: every weight must be finite`,
        },
      ]);
    }
  });

  it('weights whose shapes do not fit the spec', async () => {
    const edited = JSON.parse(base.manifestText) as Manifest;
    const entry = edited.models.find((m) => m.id === victim);
    if (!entry) throw new Error('no victim');
    const json = JSON.parse(base.files[entry.files.modelJson] as string);
    json.weightsManifest[0].weights[3].shape = [8, 8];
    const text = JSON.stringify(json);
    entry.files.modelJsonSha256 = sha256(text);
    const refused = await refusal({
      ...base,
      manifestText: JSON.stringify(edited),
      files: { ...base.files, [entry.files.modelJson]: text },
    });
    expect(refused).toEqual([
      { id: victim, reason: 'weight dense_0/kernel has shape [8,8], expected [8,16]' },
    ]);
  });

  it('a unit inactive on the latest window changed: the recorded forecast still matches, a test prediction does not', async () => {
    // dense_1's kernel row j multiplies dense_0 unit j's relu output: scaling a row whose unit is
    // inactive on the latest window leaves that forecast bit for bit, and changes the others.
    const offset = slotOffset(spec, 'dense_1', 'kernel');
    let tampered: RegistryContents | undefined;
    for (let j = 0; j < 16 && !tampered; j++) {
      const candidate = withWeights(
        base,
        victim,
        (v) => v.setFloat32(offset + 4 * j, v.getFloat32(offset + 4 * j, true) * 40, true),
        { rehash: true },
      );
      const refused = await check(candidate).then((c) => c.refused);
      if (refused[0]?.reason.startsWith('the weights do not reproduce test prediction')) {
        tampered = candidate;
      }
    }
    expect(tampered, 'some head unit is inactive on the latest window').toBeDefined();
    const refused = await refusal(tampered as RegistryContents);
    expect(refused[0]?.reason).toMatch(
      /^the weights do not reproduce test prediction \d+ of 184 \(target \d{4}-\d\d-01\): [\d.]+ points, results\.json records [\d.]+$/,
    );
  });

  it('a recorded forecast that the weights do not compute', async () => {
    const edited = JSON.parse(base.manifestText) as Manifest;
    const entry = edited.models.find((m) => m.id === victim);
    if (!entry) throw new Error('no victim');
    entry.forecast.scaledValue += 0.01;
    expect(await refusal({ ...base, manifestText: JSON.stringify(edited) })).toEqual([
      {
        id: victim,
        reason: expect.stringMatching(/^the weights do not reproduce the recorded forecast: /),
      },
    ]);
  });

  it('a role that does not fit the protocol', async () => {
    const edited = JSON.parse(base.manifestText) as Manifest;
    const entry = edited.models.find((m) => m.id === victim);
    if (!entry) throw new Error('no victim');
    entry.role = 'lesson-reproduction';
    expect(await refusal({ ...base, manifestText: JSON.stringify(edited) })).toEqual([
      { id: victim, reason: "role 'lesson-reproduction' does not fit protocol 'relative'" },
    ]);
  });

  it('a missing file', async () => {
    const files = { ...base.files };
    delete files[`${victim}/model.json`];
    expect(await refusal({ ...base, files })).toEqual([
      { id: victim, reason: 'model.json is missing' },
    ]);
  });
});

describe('checkRegistry tolerates engine rounding', () => {
  it('accepts every test prediction moved by half the tolerance, refuses one moved by twice it', async () => {
    const base = syntheticRegistry();
    const shift = (factor: number, only?: number) => {
      const results = JSON.parse(base.resultsText) as Results;
      const model = results.models[0] as Results['models'][number];
      model.predictions = model.predictions.map((p, i) =>
        only === undefined || i === only ? p * (1 + factor * REPLAY_TOLERANCE) : p,
      );
      const resultsText = JSON.stringify(results);
      const manifest = JSON.parse(base.manifestText) as Manifest;
      manifest.files['results.json'] = sha256(resultsText);
      return { ...base, resultsText, manifestText: JSON.stringify(manifest) };
    };
    expect((await check(shift(0.5))).refused).toEqual([]);
    expect((await check(shift(2, 183))).refused[0]?.reason).toMatch(/test prediction 184 of 184/);
  });
});

describe('checkRegistry refuses the whole registry', () => {
  const base = syntheticRegistry();

  it('for an unknown format version, naming it', async () => {
    const manifestText = base.manifestText.replace(
      `"formatVersion":${REGISTRY_FORMAT_VERSION}`,
      '"formatVersion":99',
    );
    await expect(check({ ...base, manifestText })).rejects.toThrow(
      /^manifest\.json is invalid: formatVersion: /,
    );
  });

  it('for results.json that is not the one the manifest lists', async () => {
    await expect(check({ ...base, resultsText: `${base.resultsText} ` })).rejects.toThrow(
      new RegistryCheckError('results.json does not match its sha256 in the manifest'),
    );
  });

  it('for another series', async () => {
    await expect(
      check({ ...base, seriesCsv: base.seriesCsv.replace('7412.55', '7412.56') }),
    ).rejects.toThrow('the bundled series does not match the manifest data sha256');
  });
});

const modelsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../models');
const committedIsCurrent =
  existsSync(join(modelsDir, 'manifest.json')) &&
  JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')).formatVersion ===
    REGISTRY_FORMAT_VERSION;

describe.skipIf(!committedIsCurrent)('the committed registry (recorded by tfjs)', () => {
  it('passes with every model: core reproduces all test predictions tfjs recorded', async () => {
    const manifestText = readFileSync(join(modelsDir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as Manifest;
    const files: Record<string, string | Uint8Array> = {};
    for (const m of manifest.models) {
      files[m.files.modelJson] = readFileSync(join(modelsDir, m.files.modelJson), 'utf8');
      files[m.files.weights] = readFileSync(join(modelsDir, m.files.weights));
    }
    const checked = await check({
      manifestText,
      resultsText: readFileSync(join(modelsDir, 'results.json'), 'utf8'),
      seriesCsv: readFileSync(REFERENCE_CSV_PATH, 'utf8'),
      files,
    });
    expect(checked.refused).toEqual([]);
    expect(checked.models).toHaveLength(manifest.models.length);
  });
});
