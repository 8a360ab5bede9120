// Worker-thread entry: forecasts the origins the main thread sends (see forecastInWorkers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import {
  type ForecastSetup,
  type ForecastTask,
  forecastContext,
  runForecastTask,
} from './forecastTask.js';

const port = parentPort;
if (!port) throw new Error('forecastWorker must run in a worker thread');
const context = forecastContext(workerData as ForecastSetup);
port.postMessage({ type: 'ready' });
port.on('message', (task: ForecastTask | null) => {
  if (task === null) {
    port.close();
    return;
  }
  try {
    port.postMessage({ type: 'done', result: runForecastTask(context, task) });
  } catch (error) {
    port.postMessage({
      type: 'failed',
      index: task.index,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
