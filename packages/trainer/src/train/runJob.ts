import { configsByName, specFor } from './configs.js';
import { fusedTrainRun } from './fusedTrainRun.js';
import type { RunnerSetup, TrainingLoop, TrainJob } from './jobs.js';
import { layersTrainRun } from './layersTrainRun.js';
import type { TrainRunOptions, TrainRunResult } from './runTypes.js';

const LOOPS: Record<TrainingLoop, (options: TrainRunOptions) => Promise<TrainRunResult>> = {
  fused: fusedTrainRun,
  layers: layersTrainRun,
};

/** Runs one job on the active tfjs backend of this thread. */
export function runJob(
  job: TrainJob,
  setup: Pick<RunnerSetup, 'data'>,
  onEpochEnd: (epoch: number, loss: number) => void,
): Promise<TrainRunResult> {
  const [config] = configsByName([job.configName]);
  if (!config) throw new Error(`unknown config ${job.configName}`);
  const key = job.dataKey ?? job.protocol;
  const data = setup.data[key];
  if (!data) throw new Error(`no data "${key}" for ${job.configName}@${job.protocol}`);
  return LOOPS[job.loop]({
    spec: specFor(config, job.protocol),
    data,
    seed: job.seed,
    epochs: job.epochs,
    batchSize: job.batchSize,
    learningRate: job.learningRate,
    onEpochEnd,
  });
}
