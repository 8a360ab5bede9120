/** tfjs-layers bridge: build a spec's model with Keras defaults, move weights in and out. */
export { type BuildLayersModelOptions, buildLayersModel } from './buildLayersModel.js';
export { type InitializerRole, initializerSeed } from './initializerSeed.js';
export { setLayersModelWeights, weightsFromLayersModel } from './layersModelWeights.js';
export { registerChainedOps } from './registerChainedOps.js';
