/**
 * Multi-month forecasts: the recursive path of any model runner ({@link forecastPaths}) and its
 * quantiles at any level from a stored calibration ({@link pathBands}). Pure functions, no tfjs.
 */
export {
  type BatchPredict,
  type DroppedWindow,
  type ForecastPaths,
  type ForecastPathsOptions,
  forecastPaths,
  scaledUnit,
} from './forecastPaths.js';
export {
  conformalOffsets,
  type PathBand,
  type PathBandsOptions,
  pathBands,
  quantileKeys,
  scaleMultiplier,
} from './pathBands.js';
