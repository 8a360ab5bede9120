/**
 * `@gatecast/core/registry/verify`: checking a registry's contents before building or serving it.
 * Plain TypeScript, no I/O, no tfjs; apart from `@gatecast/core/registry` because it runs models
 * (core's forward pass, scalers and CSV parser), which the schema entry must not pull in.
 */
export {
  type CheckedModel,
  type CheckedRegistry,
  type CheckRegistryOptions,
  checkModelFiles,
  checkRecordedForecast,
  checkRegistry,
  coreReplay,
  REPLAY_TOLERANCE,
  type RefusedModel,
  RegistryCheckError,
  type RegistryContents,
  type ReplayRunner,
  type Sha256Hex,
} from './checkRegistry.js';
export { asBytes, decodeLayersWeights, ModelFilesError } from './layersWeights.js';
