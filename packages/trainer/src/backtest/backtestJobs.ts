// The backtest's training runs: every origin × config × seed, as one list for one sweep.
import type { TrainingConfig } from '../train/configs.js';
import type { TrainingLoop, TrainJob } from '../train/jobs.js';

/** What every run shares. */
export interface JobSettings {
  seeds: readonly number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  loop: TrainingLoop;
}

/**
 * A config's rough training cost per fitting window, relative to SimpleRNN(32): gated cells do
 * three to four times the work per step, and small layers still pay per-kernel dispatch. Only
 * orders the jobs, so a rough figure does.
 */
export function relativeCost(config: TrainingConfig): number {
  return config.recurrent.reduce(
    (sum, layer) => sum + (layer.cell === 'simpleRNN' ? 1 : 3) * (0.5 + layer.units / 64),
    0,
  );
}

/**
 * One relative-protocol job per origin × config × seed, each naming its origin's data
 * (`dataKey` = the origin's month). Longest first (cost × fitting windows), so the worker pool
 * ends together; `index` is the job's place in this order, which the sweep's results keep.
 *
 * @param origins - `[month, fitting windows]` of each origin.
 */
export function backtestJobs(
  origins: readonly { key: string; fitCount: number }[],
  configs: readonly TrainingConfig[],
  settings: JobSettings,
): TrainJob[] {
  const planned: { cost: number; job: Omit<TrainJob, 'index'> }[] = [];
  for (const origin of origins) {
    for (const config of configs) {
      for (const seed of settings.seeds) {
        planned.push({
          cost: relativeCost(config) * origin.fitCount,
          job: {
            configName: config.name,
            protocol: 'relative',
            seed,
            epochs: settings.epochs,
            batchSize: settings.batchSize,
            learningRate: settings.learningRate,
            loop: settings.loop,
            dataKey: origin.key,
          },
        });
      }
    }
  }
  // A stable sort: equal costs keep origin × config × seed order.
  planned.sort((a, b) => b.cost - a.cost);
  return planned.map(({ job }, index) => ({ index, ...job }));
}
