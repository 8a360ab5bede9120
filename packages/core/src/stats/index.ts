/** Statistical tests for comparing forecasters, and the distribution functions they need. */
export type {
  DieboldMarianoAlternative,
  DieboldMarianoLoss,
  DieboldMarianoOptions,
  DieboldMarianoResult,
} from './dieboldMariano.js';
export { dieboldMariano } from './dieboldMariano.js';
export { type DieboldMarianoLossesOptions, dieboldMarianoLosses } from './dieboldMarianoLosses.js';
export { normalQuantile } from './normalQuantile.js';
export { studentTCdf } from './studentTCdf.js';
