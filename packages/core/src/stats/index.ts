/** Statistical tests for comparing forecasters, and the distribution functions they need. */
export { averageRanks } from './averageRanks.js';
export type {
  DieboldMarianoAlternative,
  DieboldMarianoLoss,
  DieboldMarianoOptions,
  DieboldMarianoResult,
} from './dieboldMariano.js';
export { dieboldMariano } from './dieboldMariano.js';
export { type DieboldMarianoLossesOptions, dieboldMarianoLosses } from './dieboldMarianoLosses.js';
export { type FriedmanResult, friedmanTest } from './friedman.js';
export { normalQuantile } from './normalQuantile.js';
export {
  chiSquareSurvival,
  regularizedGammaP,
  regularizedGammaQ,
} from './regularizedIncompleteGamma.js';
export { studentTCdf } from './studentTCdf.js';
