// The defaults of a training sweep, apart from the sweep itself: this module loads no tfjs, so the
// CLI's help can be printed from source in well under a second, before anything is built.
import { availableParallelism } from 'node:os';
import { PROTOCOLS } from '@gatecast/core';
import type { TrainOptions } from './sweep.js';
import { TRAINING_CONFIGS } from './train/configs.js';
import { DEFAULT_LEARNING_RATE } from './train/runTypes.js';

/** The defaults of a full sweep: the lesson's settings, five seeds, one worker per core. */
export function defaultTrainOptions(): TrainOptions {
  return {
    dataFile: 'data/sp500_monthly.csv',
    outDir: 'models',
    protocols: [...PROTOCOLS],
    configs: [...TRAINING_CONFIGS],
    seeds: 5,
    epochs: 40,
    batchSize: 32,
    learningRate: DEFAULT_LEARNING_RATE,
    backend: 'auto',
    workers: availableParallelism(),
    loop: 'fused',
  };
}
