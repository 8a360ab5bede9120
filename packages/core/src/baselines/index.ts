/** Simple forecasts every recurrent model must be measured against. */
export { driftForecast } from './driftForecast.js';
export { meanLogReturn } from './meanLogReturn.js';
export { naiveForecast } from './naiveForecast.js';
