// Forecasting every origin spread over worker threads: each origin's interval selection is
// seconds of plain-TypeScript work, and origins are independent.
import { Worker } from 'node:worker_threads';
import {
  type ForecastSetup,
  type ForecastTask,
  type ForecastTaskResult,
  forecastContext,
  runForecastTask,
} from './forecastTask.js';

type Message =
  | { type: 'ready' }
  | { type: 'done'; result: ForecastTaskResult }
  | { type: 'failed'; index: number; message: string };

/**
 * Runs every task and returns the results in task order. With `workers > 0` the tasks go to that
 * many worker threads (one task at a time each); with 0, to this thread. Any failure rejects.
 *
 * @param onDone - called after each task with the number done so far
 */
export async function forecastInWorkers(options: {
  setup: ForecastSetup;
  tasks: readonly ForecastTask[];
  workers: number;
  onDone?: (result: ForecastTaskResult, done: number) => void;
}): Promise<ForecastTaskResult[]> {
  const { setup, tasks, onDone } = options;
  if (options.workers <= 0) {
    const context = forecastContext(setup);
    return tasks.map((task, i) => {
      const result = runForecastTask(context, task);
      onDone?.(result, i + 1);
      return result;
    });
  }
  const results = new Array<ForecastTaskResult | undefined>(tasks.length);
  const queue = tasks.map((task, position) => ({ task, position }));
  const positions = new Map<Worker, number>();
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    let done = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results as ForecastTaskResult[]);
    };
    const feed = (worker: Worker) => {
      const next = queue.shift();
      if (!next) {
        positions.delete(worker);
        worker.postMessage(null);
        return;
      }
      positions.set(worker, next.position);
      worker.postMessage(next.task);
    };
    const count = Math.min(options.workers, tasks.length);
    if (count === 0) finish();
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./forecastWorker.js', import.meta.url), {
        workerData: setup,
      });
      workers.push(worker);
      worker.on('message', (message: Message) => {
        if (settled) return;
        try {
          if (message.type === 'failed') {
            finish(new Error(`forecasting origin ${message.index} failed: ${message.message}`));
            return;
          }
          if (message.type === 'done') {
            results[positions.get(worker) as number] = message.result;
            done++;
            onDone?.(message.result, done);
            if (done === tasks.length) {
              finish();
              return;
            }
          }
          feed(worker);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
        }
      });
      worker.on('error', (error) =>
        finish(new Error(`a forecast worker crashed: ${error.message}`)),
      );
      worker.on('exit', (code) => {
        if (!settled && positions.has(worker)) {
          finish(new Error(`a forecast worker exited (code ${code}) in the middle of its origin`));
        }
      });
    }
  });
}
