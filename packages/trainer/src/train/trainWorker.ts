// Worker-thread entry: loads a tfjs backend once, then trains the jobs the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../backend/selectBackend.js';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import type { RunnerSetup, TrainJob, WorkerMessage } from './jobs.js';
import { runJob } from './runJob.js';

const port = parentPort;
if (!port) throw new Error('trainWorker must run in a worker thread');
const setup = workerData as RunnerSetup;
silenceTfjsNotices();
const post = (message: WorkerMessage) => {
  // Weights and predictions are typed arrays; structured clone copies them, which is cheap here.
  port.postMessage(message);
};

const choice = await selectBackend(setup.backend, tfjsBackendLoaders);
post({ type: 'backend', choice });

port.on('message', async (job: TrainJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  try {
    const result = await runJob(job, setup, (epoch, loss) =>
      post({ type: 'epoch', index: job.index, epoch, loss }),
    );
    post({ type: 'done', index: job.index, result });
  } catch (error) {
    post({
      type: 'failed',
      index: job.index,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
