import { readFileSync } from 'node:fs';
import { parseMonthlyCsv } from '@gatecast/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend.js';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { configsByName, specFor } from './configs.js';
import { layersTrainRun } from './layersTrainRun.js';
import { DEFAULT_LEARNING_RATE, type TrainRunResult } from './runTypes.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));
const data = protocolData('relative', split, scalerFor('relative', split));
const [gru8] = configsByName(['gru-8']);
if (!gru8) throw new Error('gru-8 config missing');

const run = (seed: number) =>
  layersTrainRun({
    spec: specFor(gru8, 'relative'),
    data,
    seed,
    epochs: 2,
    batchSize: 32,
    learningRate: DEFAULT_LEARNING_RATE,
  });

const bytesOf = (result: TrainRunResult) =>
  result.weights.map((w) =>
    Buffer.from(w.values.buffer, w.values.byteOffset, w.values.byteLength).toString('hex'),
  );

describe('layersTrainRun', () => {
  beforeAll(async () => {
    // The same loaders the CLI uses; on a machine without tfjs-node this lands on wasm.
    await selectBackend('auto', tfjsBackendLoaders);
  });

  it('gives bit-identical weights and predictions for the same seed and backend', async () => {
    const a = await run(7);
    const b = await run(7);
    expect(bytesOf(b)).toEqual(bytesOf(a));
    expect(Array.from(b.testPredictions)).toEqual(Array.from(a.testPredictions));
    expect(b.losses).toEqual(a.losses);
    expect(b.latestPrediction).toBe(a.latestPrediction);
  });

  it('gives different weights for a different seed', async () => {
    const a = await run(7);
    const c = await run(8);
    expect(bytesOf(c)).not.toEqual(bytesOf(a));
  });

  it('reports one loss per epoch and predictions for every window', async () => {
    const epochs: number[] = [];
    const result = await layersTrainRun({
      spec: specFor(gru8, 'relative'),
      data,
      seed: 1,
      epochs: 3,
      batchSize: 32,
      learningRate: DEFAULT_LEARNING_RATE,
      onEpochEnd: (epoch) => epochs.push(epoch),
    });
    expect(epochs).toEqual([1, 2, 3]);
    expect(result.losses).toHaveLength(3);
    expect(result.losses.every(Number.isFinite)).toBe(true);
    expect(result.validationPredictions).toHaveLength(108);
    expect(result.testPredictions).toHaveLength(184);
    expect(Number.isFinite(result.latestPrediction)).toBe(true);
  });
});
