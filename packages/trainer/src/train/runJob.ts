import { configsByName, specFor } from './configs.js';
import type { RunnerSetup, TrainJob } from './jobs.js';
import { type TrainRunResult, trainRun } from './trainRun.js';

/** Runs one job on the active tfjs backend of this thread. */
export function runJob(
  job: TrainJob,
  setup: Pick<RunnerSetup, 'data'>,
  onEpochEnd: (epoch: number, loss: number) => void,
): Promise<TrainRunResult> {
  const [config] = configsByName([job.configName]);
  if (!config) throw new Error(`unknown config ${job.configName}`);
  return trainRun({
    spec: specFor(config, job.protocol),
    data: setup.data[job.protocol],
    seed: job.seed,
    epochs: job.epochs,
    batchSize: job.batchSize,
    onEpochEnd,
  });
}
