/** Checking a registry's contents before serving or building it (plain TypeScript, no I/O). */
export {
  type CheckedModel,
  type CheckedRegistry,
  type CheckRegistryOptions,
  checkModelFiles,
  checkRecordedForecast,
  checkRegistry,
  REPLAY_TOLERANCE,
  type RefusedModel,
  RegistryCheckError,
  type RegistryContents,
  type Sha256Hex,
} from './checkRegistry.js';
export { asBytes, decodeLayersWeights, ModelFilesError } from './layersWeights.js';
