/** Plain-TypeScript recurrent cells and dense layer, numerically equal to tfjs-layers'. */
export { relu, sigmoid, tanh } from './activations.js';
export { denseForward } from './dense.js';
export { gruForward } from './gru.js';
export { lstmForward } from './lstm.js';
export type { RecurrentForwardOptions } from './recurrentForwardOptions.js';
export { simpleRnnForward } from './simpleRnn.js';
