/** Forecast accuracy metrics; each throws on empty or mismatched input. */
export { directionalAccuracy } from './directionalAccuracy.js';
export { mae } from './mae.js';
export { mape } from './mape.js';
export { mase } from './mase.js';
export { naiveScale } from './naiveScale.js';
export { rmse } from './rmse.js';
