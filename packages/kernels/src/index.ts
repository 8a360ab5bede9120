/**
 * `@gatecast/kernels`: whole-window SimpleRNN, GRU and LSTM kernels and the dense head in
 * WebAssembly with 128-bit SIMD (compiled from `assembly/` at build), and the typed host code that
 * lays models out in their memory and calls them: {@link createKernelModel} for serving,
 * {@link createTrainingNetwork} for training (forward with a tape, backpropagation through time).
 */
export { Arena } from './arena.js';
export { type CellKernels, cellKernels } from './cellKernels.js';
export { createKernelModel, type KernelModel, placeWeights } from './forwardModel.js';
export { instantiateKernels, type Kernels } from './instantiateKernels.js';
export type { KernelExports } from './kernelExports.js';
export {
  type BlockPlacement,
  modelGeometry,
  padded,
  place,
  placedSize,
  sourceSize,
  unplace,
  weightPlacements,
} from './paddedLayout.js';
export { createTrainingNetwork, type TrainingNetwork } from './trainingNetwork.js';
