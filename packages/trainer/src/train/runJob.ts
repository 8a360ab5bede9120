import { configsByName, specFor } from './configs.js';
import { fastTrainRun } from './fastTrainRun.js';
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
  const run = job.loop === 'layers' ? trainRun : fastTrainRun;
  return run({
    spec: specFor(config, job.protocol),
    data: setup.data[job.protocol],
    seed: job.seed,
    epochs: job.epochs,
    batchSize: job.batchSize,
    onEpochEnd,
  });
}
