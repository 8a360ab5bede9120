/** Statistical tests for comparing forecasters. */
export type {
  DieboldMarianoAlternative,
  DieboldMarianoLoss,
  DieboldMarianoOptions,
  DieboldMarianoResult,
} from './dieboldMariano.js';
export { dieboldMariano } from './dieboldMariano.js';
export { studentTCdf } from './studentTCdf.js';
