import { readFileSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  modelForwardBatch,
  parseMonthlyCsv,
  REGISTRY_FORMAT_VERSION,
  scalerFromParams,
  weightsFromList,
} from '@gatecast/core';
import { type Manifest, parseManifest, parseResults, type Results } from '@gatecast/core/registry';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSplit } from './data/prepareData.js';
import { loadLayersArtifacts } from './registry/layersArtifacts.js';
import { sha256 } from './registry/sha256.js';
import { RegistryVerificationError, verifyRegistry } from './registry/verifyRegistry.js';
import { defaultTrainOptions, type TrainOptions, train } from './sweep.js';
import { REFERENCE_CSV, scratchDir } from './testing/paths.js';
import { configsByName } from './train/configs.js';
import type { TrainJob } from './train/jobs.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));

/** A quick in-thread sweep of two configs, both protocols, 2 seeds × 2 epochs. */
const quick = (outDir: string, extra: Partial<TrainOptions> = {}): TrainOptions => ({
  ...defaultTrainOptions(),
  dataFile: REFERENCE_CSV,
  outDir,
  configs: configsByName(['simplernn-32', 'lstm-32-16']),
  seeds: 2,
  epochs: 2,
  workers: 0,
  ...extra,
});

/** Every file under a directory with its sha256, to prove a registry was left untouched. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f.slice(dir.length), sha256(await readFile(f))])),
  );
}

describe('train (quick sweep into a temporary registry)', () => {
  const outDir = join(scratchDir('registry'), 'models');
  let manifest: Manifest;
  let results: Results;

  beforeAll(async () => {
    await train(quick(outDir));
    manifest = parseManifest(JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')));
    results = parseResults(JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8')));
  });

  it('writes one served model per config × protocol, with per-seed figures', () => {
    expect(manifest.models.map((m) => m.id)).toEqual([
      'simplernn-32@reference',
      'lstm-32-16@reference',
      'simplernn-32@relative',
      'lstm-32-16@relative',
    ]);
    for (const model of manifest.models) {
      expect(model.seeds.map((s) => s.seed)).toEqual([1, 2]);
      const best = Math.min(...model.seeds.map((s) => s.validationRmse));
      expect(model.validationRmse).toBe(best);
      expect(model.seeds.find((s) => s.seed === model.servedSeed)?.validationRmse).toBe(best);
      expect(model.forecast).toMatchObject({ asOf: '2026-05-01', target: '2026-06-01' });
      const [lo80, hi80] = model.forecast.intervals[80] as [number, number];
      const [lo95, hi95] = model.forecast.intervals[95] as [number, number];
      expect(lo95).toBeLessThanOrEqual(lo80);
      // Nested; with signed scores a biased model's band need not contain its point forecast.
      expect(lo80).toBeLessThanOrEqual(hi80);
      expect(hi80).toBeLessThanOrEqual(hi95);
      if (model.calibration.scores === 'absolute') {
        expect(lo80).toBeLessThanOrEqual(model.forecast.value);
      }
      const first = model.intervalSummary.test[0]?.levels;
      expect(first?.['95'].coverage).toBeGreaterThanOrEqual(first?.['80'].coverage ?? 1);
      expect(model.forecast.path).toHaveLength(12);
      expect(model.selection.candidates.map((c) => c.id)).toContain(model.selection.served);
    }
    expect(manifest.defaultModel).toBe('lstm-32-16@relative');
    expect(manifest.data).toMatchObject({ first: '1950-01-01', last: '2026-05-01', months: 917 });
    expect(manifest.data.sha256).toBe(sha256(readFileSync(REFERENCE_CSV)));
  });

  it('records the naive baseline of the reference split', () => {
    expect(manifest.baselines.naive.test.rmse).toBeCloseTo(126.01, 2);
    expect(manifest.baselines.naive.test.mae).toBeCloseTo(85.96, 2);
    expect(results.test.dates).toHaveLength(184);
    expect(results.test.dates[0]).toBe('2011-02-01');
  });

  it('verifies: every file matches its sha256 and both engines reproduce the forecasts', async () => {
    await expect(verifyRegistry(outDir, split.latestWindow)).resolves.toMatchObject({
      formatVersion: REGISTRY_FORMAT_VERSION,
    });
    for (const file of ['results.json', 'intervals.json'] as const) {
      expect(sha256(await readFile(join(outDir, file)))).toBe(manifest.files[file]);
    }
  });

  it('reloads with tf.loadLayersModel and core, reproducing the recorded test predictions', async () => {
    for (const model of manifest.models) {
      const modelJson = JSON.parse(await readFile(join(outDir, model.files.modelJson), 'utf8'));
      const weightsBin = await readFile(join(outDir, model.files.weights));
      const layers = await loadLayersArtifacts(modelJson, weightsBin);
      const scaler = scalerFromParams(model.scaler);
      const scaled = split.test.inputs.map((w) => scaler.scaleWindow(w));
      const viaTfjs = tf.tidy(() =>
        Array.from(
          (
            layers.predict(tf.tensor3d(scaled.map((w) => w.map((v) => [v])))) as tf.Tensor
          ).dataSync(),
        ),
      );
      const weights = weightsFromList(
        model.spec,
        layers
          .getWeights()
          .map((w) => ({ shape: [...w.shape], values: w.dataSync() as Float32Array })),
      );
      const viaCore = modelForwardBatch(model.spec, weights, scaled);
      const recorded = results.models.find((m) => m.id === model.id)?.predictions ?? [];
      split.test.inputs.forEach((window, i) => {
        const tfjsPoints = scaler.unscaleTarget(viaTfjs[i] as number, window);
        const corePoints = scaler.unscaleTarget(viaCore[i] as number, window);
        const tolerance = 1e-5 * Math.max(1, Math.abs(tfjsPoints));
        expect(Math.abs(corePoints - tfjsPoints)).toBeLessThanOrEqual(tolerance);
        // recorded on the training backend (wasm); tfjs cpu and wasm agree to ~1e-4, not bitwise
        expect(Math.abs((recorded[i] as number) - tfjsPoints)).toBeLessThanOrEqual(
          1e-4 * Math.max(1, Math.abs(tfjsPoints)),
        );
      });
      layers.dispose();
    }
  });

  it('refuses a registry whose weights were altered', async () => {
    const copy = join(scratchDir('tampered'), 'models');
    await cp(outDir, copy, { recursive: true });
    const weightsPath = join(copy, manifest.models[0]?.files.weights ?? '');
    const bytes = await readFile(weightsPath);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    await writeFile(weightsPath, bytes);
    await expect(verifyRegistry(copy, split.latestWindow)).rejects.toThrow(
      RegistryVerificationError,
    );
  });

  it('leaves the previous registry untouched when a run fails midway', async () => {
    const before = await snapshot(outDir);
    let epochs = 0;
    const failing = quick(outDir, {
      onEvent: (event) => {
        if (event.type === 'epoch' && ++epochs === 3)
          throw new Error('simulated crash mid-training');
      },
    });
    await expect(train(failing)).rejects.toThrow('simulated crash mid-training');
    expect(await snapshot(outDir)).toEqual(before);
    const siblings = await readdir(join(outDir, '..'));
    expect(siblings).toEqual(['models']);
  });

  it('leaves the previous registry untouched when export fails before the swap', async () => {
    const before = await snapshot(outDir);
    const failing = quick(outDir, {
      configs: configsByName(['simplernn-32']),
      protocols: ['relative'],
      seeds: 1,
      epochs: 1,
      beforeSwap: async () => {
        throw new Error('simulated failure during export');
      },
    });
    await expect(train(failing)).rejects.toThrow('simulated failure during export');
    expect(await snapshot(outDir)).toEqual(before);
    expect(await readdir(join(outDir, '..'))).toEqual(['models']);
  });
});

describe('train options', () => {
  it('passes learningRate and the loop to every run and records them in the manifest', async () => {
    const outDir = join(scratchDir('options'), 'models');
    const started: TrainJob[] = [];
    const { manifest } = await train(
      quick(outDir, {
        configs: configsByName(['simplernn-32']),
        protocols: ['relative'],
        seeds: 1,
        epochs: 1,
        learningRate: 0.01,
        loop: 'layers',
        onEvent: (event) => {
          if (event.type === 'start') started.push(event.job);
        },
      }),
    );
    expect(started.map((job) => [job.learningRate, job.loop])).toEqual([[0.01, 'layers']]);
    expect(manifest.training).toMatchObject({ epochs: 1, learningRate: 0.01, loop: 'layers' });
    expect(manifest.training.seeds).toEqual([1]);
  });
});
