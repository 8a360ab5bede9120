/** Simple forecasts every recurrent model must be measured against, with their intervals. */
export { driftForecast } from './driftForecast.js';
export { ewmaNaiveBands } from './ewmaNaiveBand.js';
export { type Ar1, type Ar1Fit, fitAr1 } from './fitAr1.js';
export { forecastLogReturn, type LogReturnModel } from './logReturnModel.js';
export { logReturns } from './logReturns.js';
export { meanLogReturn } from './meanLogReturn.js';
export { naiveForecast } from './naiveForecast.js';
export {
  type FitResidualQuantileBaselineOptions,
  fitResidualQuantileBaseline,
  type ResidualQuantileBaseline,
  residualQuantileForecast,
} from './residualQuantileBaseline.js';
