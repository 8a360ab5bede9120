export type {
  BackendChoice,
  BackendLoader,
  BackendName,
  BackendPreference,
} from './backend/selectBackend.js';
export { AUTO_ORDER, NoBackendError, selectBackend } from './backend/selectBackend.js';
export { silenceTfjsNotices } from './backend/silenceTfjsNotices.js';
export { tfjsBackendLoaders } from './backend/tfjsBackendLoaders.js';
export {
  type BacktestOptions,
  type BacktestResult,
  defaultBacktestOptions,
  runBacktest,
} from './backtest/runBacktest.js';
export {
  type PreparedSplit,
  type ProtocolData,
  prepareSplit,
  protocolData,
  scalerFor,
  unscalePredictions,
} from './data/prepareData.js';
export { chooseDefaultModel } from './registry/chooseDefaultModel.js';
export { RegistryVerificationError, verifyRegistry } from './registry/verifyRegistry.js';
export {
  defaultTrainOptions,
  type TrainOptions,
  type TrainSummary,
  train,
} from './sweep.js';
export {
  configsByName,
  NLL_CONFIGS,
  REFERENCE_CONFIGS,
  specFor,
  TRAINING_CONFIGS,
  type TrainingConfig,
  trainsUnder,
} from './train/configs.js';
export { type FusedOptions, fusedTrainRun } from './train/fusedTrainRun.js';
export type { SweepEvent, TrainingLoop, TrainJob } from './train/jobs.js';
export { layersTrainRun } from './train/layersTrainRun.js';
export { runSweep, type SweepOptions } from './train/runSweep.js';
export {
  DEFAULT_LEARNING_RATE,
  type TrainRunOptions,
  type TrainRunResult,
} from './train/runTypes.js';
