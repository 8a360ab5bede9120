import { Worker } from 'node:worker_threads';
import { selectBackend } from '../backend/selectBackend.js';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import type { RunnerSetup, SweepEvent, TrainJob, WorkerMessage } from './jobs.js';
import { runJob } from './runJob.js';
import type { TrainRunResult } from './runTypes.js';

export interface SweepOptions extends RunnerSetup {
  jobs: TrainJob[];
  /** Worker threads; 0 trains in this thread (used by tests and `--workers 0`). */
  workers: number;
  onEvent?: (event: SweepEvent) => void;
}

/** Error raised when a run fails; the sweep stops and nothing is exported. */
export class SweepError extends Error {
  override readonly name = 'SweepError';
}

/**
 * Trains every job and returns the results in job order.
 *
 * With `workers > 0`, jobs are spread over that many worker threads, each loading its own tfjs
 * backend (tfjs is single-threaded per backend, so threads are how a sweep uses several cores).
 * Any failed run rejects the whole sweep.
 */
export async function runSweep(options: SweepOptions): Promise<TrainRunResult[]> {
  return options.workers > 0 ? runInWorkers(options) : runInThread(options);
}

async function runInThread(options: SweepOptions): Promise<TrainRunResult[]> {
  const { jobs, onEvent } = options;
  const choice = await selectBackend(options.backend, tfjsBackendLoaders);
  onEvent?.({ type: 'backend', worker: 0, choice });
  const results: TrainRunResult[] = [];
  for (const job of jobs) {
    onEvent?.({ type: 'start', job, worker: 0 });
    const result = await runJob(job, options, (epoch, loss) =>
      onEvent?.({ type: 'epoch', job, epoch, loss }),
    );
    onEvent?.({ type: 'done', job, result });
    results.push(result);
  }
  return results;
}

function runInWorkers(options: SweepOptions): Promise<TrainRunResult[]> {
  const { jobs, onEvent } = options;
  const setup: RunnerSetup = { backend: options.backend, data: options.data };
  const results = new Array<TrainRunResult | undefined>(jobs.length);
  const queue = [...jobs];
  const count = Math.min(options.workers, jobs.length);
  const workers: Worker[] = [];

  return new Promise((resolve, reject) => {
    let finished = 0;
    let settled = false;
    const settle = () => {
      settled = true;
      for (const w of workers) void w.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      settle();
      reject(error);
    };
    const retired = new Set<Worker>();
    const feed = (worker: Worker, id: number) => {
      const job = queue.shift();
      if (!job) {
        retired.add(worker);
        worker.postMessage(null);
        return;
      }
      onEvent?.({ type: 'start', job, worker: id });
      worker.postMessage(job);
    };

    for (let id = 0; id < count; id++) {
      const worker = new Worker(new URL('./trainWorker.js', import.meta.url), {
        workerData: setup,
      });
      workers.push(worker);
      const handle = (message: WorkerMessage) => {
        switch (message.type) {
          case 'backend':
            onEvent?.({ type: 'backend', worker: id, choice: message.choice });
            feed(worker, id);
            break;
          case 'epoch':
            onEvent?.({
              type: 'epoch',
              job: jobs[message.index] as TrainJob,
              epoch: message.epoch,
              loss: message.loss,
            });
            break;
          case 'done':
            results[message.index] = message.result;
            onEvent?.({
              type: 'done',
              job: jobs[message.index] as TrainJob,
              result: message.result,
            });
            finished++;
            if (finished === jobs.length) {
              settle();
              resolve(results as TrainRunResult[]);
            } else {
              feed(worker, id);
            }
            break;
          case 'failed':
            fail(new SweepError(`run ${describe(jobs[message.index])} failed: ${message.message}`));
            break;
        }
      };
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        try {
          handle(message);
        } catch (error) {
          // A progress callback that throws stops the sweep, as it does in the calling thread.
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      worker.on('error', (error) =>
        fail(new SweepError(`a training worker crashed: ${error.message}`)),
      );
      worker.on('exit', (code) => {
        // A worker told there is nothing left exits normally; any other exit loses its run.
        if (!settled && !retired.has(worker)) {
          fail(new SweepError(`a training worker exited (code ${code}) in the middle of its runs`));
        }
      });
    }
  });
}

function describe(job: TrainJob | undefined): string {
  return job ? `${job.configName}@${job.protocol} seed ${job.seed}` : '?';
}
