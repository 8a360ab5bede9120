export type {
  BackendChoice,
  BackendLoader,
  BackendName,
  BackendPreference,
} from './backend/selectBackend.js';
export { AUTO_ORDER, NoBackendError, selectBackend } from './backend/selectBackend.js';
export { tfjsBackendLoaders } from './backend/tfjsBackendLoaders.js';
export {
  chooseDefaultModel,
  defaultTrainOptions,
  type TrainOptions,
  type TrainSummary,
  train,
} from './main.js';
export { RegistryVerificationError, verifyRegistry } from './registry/verifyRegistry.js';
export { REFERENCE_CONFIGS, specFor } from './train/configs.js';
export { trainRun } from './train/trainRun.js';
