/**
 * Prediction intervals: quantile rules, static and online conformal calibration, volatility
 * scaling, and the maps from the protocols' scaled space back to index points. Pure functions.
 */
export {
  type AdaptiveConformalOptions,
  type AdaptiveConformalResult,
  adaptiveConformal,
} from './adaptiveConformal.js';
export { type ClampedBand, clampedBand } from './clampedBand.js';
export {
  type EmpiricalQuantileOptions,
  empiricalQuantile,
  type QuantileMethod,
  sortedAscending,
} from './empiricalQuantile.js';
export { type EwmaVolatilityOptions, ewmaVolatility } from './ewmaVolatility.js';
export {
  type LevelProbabilities,
  levelProbabilities,
  quantileProbabilities,
} from './levelProbabilities.js';
export {
  type Band,
  type LevelBand,
  type MultiplicativeBandOptions,
  multiplicativeBand,
  symmetricMultiplicativeBand,
} from './multiplicativeBand.js';
export type { OnlineHalfWidths } from './onlineScores.js';
export { type RollingConformalOptions, rollingConformal } from './rollingConformal.js';
export { type SplitConformalOptions, splitConformal } from './splitConformal.js';
export {
  type VolatilityScaledOnlineOptions,
  type VolatilityScaledOnlineResult,
  type VolatilityScaledSplitOptions,
  volatilityScaledOnline,
  volatilityScaledScores,
  volatilityScaledSplitConformal,
} from './volatilityScaled.js';
