/** Forecast accuracy metrics; each throws on empty or mismatched input. */
export { coverage } from './coverage.js';
export { directionalAccuracy } from './directionalAccuracy.js';
export { type IntervalScoreOptions, intervalScore, intervalScores } from './intervalScore.js';
export { mae } from './mae.js';
export { mape } from './mape.js';
export { mase } from './mase.js';
export { meanWidth } from './meanWidth.js';
export { naiveScale } from './naiveScale.js';
export { pinballLoss, type QuantileForecast } from './pinballLoss.js';
export { rmse } from './rmse.js';
