import type { Protocol, TrainingLoopName } from '@gatecast/core';
import type { BackendChoice, BackendPreference } from '../backend/selectBackend.js';
import type { ProtocolData } from '../data/prepareData.js';
import type { TrainRunResult } from './runTypes.js';

/**
 * How a run trains: `fused` (the default) with one custom-gradient tfjs op per network
 * (`fusedTrainRun`), or `layers` with tfjs-layers' own `model.fit` (`layersTrainRun`). Both use tfjs'
 * adam on the same seeded batches and reach the same weights up to float rounding.
 */
export type TrainingLoop = TrainingLoopName;

/** One training run to do: a config under a protocol with one seed. */
export interface TrainJob {
  /** Index in the sweep, used to report progress and order results. */
  index: number;
  configName: string;
  protocol: Protocol;
  seed: number;
  epochs: number;
  batchSize: number;
  /** Adam's learning rate. */
  learningRate: number;
  loop: TrainingLoop;
  /**
   * The entry of the runner's `data` to train on; absent: the job's protocol. The backtest keys
   * each origin's data apart (one sweep, one pool of workers, for all origins).
   */
  dataKey?: string;
}

/** What a runner needs besides the jobs. Plain data: it is sent to worker threads as is. */
export interface RunnerSetup {
  backend: BackendPreference;
  /** Keyed by protocol, or by the jobs' `dataKey`. */
  data: Partial<Record<string, ProtocolData>>;
}

/** Progress of a sweep, reported as it happens. */
export type SweepEvent =
  | { type: 'backend'; worker: number; choice: BackendChoice }
  | { type: 'start'; job: TrainJob; worker: number }
  | { type: 'epoch'; job: TrainJob; epoch: number; loss: number }
  | { type: 'done'; job: TrainJob; result: TrainRunResult };

/** Messages a training worker sends to the main thread. */
export type WorkerMessage =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'epoch'; index: number; epoch: number; loss: number }
  | { type: 'done'; index: number; result: TrainRunResult }
  | { type: 'failed'; index: number; message: string };
