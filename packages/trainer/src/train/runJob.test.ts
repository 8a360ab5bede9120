import { readFileSync } from 'node:fs';
import { parseMonthlyCsv } from '@gatecast/core';
import { buildLayersModel } from '@gatecast/core/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { configsByName, specFor, type TrainingConfig } from './configs.js';
import type { TrainingLoop, TrainJob } from './jobs.js';
import { runJob } from './runJob.js';
import { DEFAULT_LEARNING_RATE } from './runTypes.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));
const data = {
  reference: protocolData('reference', split, scalerFor('reference', split)),
  relative: protocolData('relative', split, scalerFor('relative', split)),
};
const config = configsByName(['simplernn-32'])[0] as TrainingConfig;

const job = (loop: TrainingLoop, learningRate: number): TrainJob => ({
  index: 0,
  configName: config.name,
  protocol: 'relative',
  seed: 1,
  epochs: 1,
  batchSize: 32,
  learningRate,
  loop,
});

/** The seeded initial weights of the job's model, flattened. */
function initialWeights(): number[] {
  const model = buildLayersModel(specFor(config, 'relative'), { seed: 1 });
  const values = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  model.dispose();
  return values;
}

describe('runJob', () => {
  beforeAll(async () => {
    await tfjsBackendLoaders.wasm();
  });

  // Adam's step is the learning rate times a bounded factor: at 0 no weight moves.
  it.each(['fused', 'layers'] as const)(
    'gives the %s loop the job’s learning rate',
    async (loop) => {
      const epochs: number[] = [];
      const run = (learningRate: number) =>
        runJob(job(loop, learningRate), { data }, (epoch) => epochs.push(epoch));
      const frozen = await run(0);
      const trained = await run(DEFAULT_LEARNING_RATE);
      const flat = (r: typeof frozen) => r.weights.flatMap((w) => Array.from(w.values));
      expect(flat(frozen)).toEqual(initialWeights());
      expect(flat(trained)).not.toEqual(initialWeights());
      expect(epochs).toEqual([1, 1]);
    },
  );
});
