/** Model specs, their weights, and the plain-TypeScript forward pass. */
export { chooseDefaultModel, type DefaultModelCandidate } from './chooseDefaultModel.js';
export { modelForward, modelForwardBatch, modelOutputs } from './forward.js';
export { denseLayerName, recurrentLayerName } from './layerNames.js';
export type {
  DenseLayerSpec,
  DenseWeights,
  ModelSpec,
  ModelWeights,
  RecurrentLayerSpec,
  RecurrentWeights,
  WeightArray,
} from './modelSpec.js';
export { gateCount, modelOutput, outputCount } from './modelSpec.js';
export { parameterCount } from './parameterCount.js';
export { randomModelWeights, randomWeightArray, seededUniform } from './randomWeights.js';
export { assertModelSpec } from './validateSpec.js';
export { type WeightSlot, weightSlots } from './weightShapes.js';
export { weightsFromList, weightsToList } from './weights.js';
