export { fitScaler, scalerFromParams, valuesCovered } from './fitScaler.js';
export { identityScaler } from './identityScaler.js';
export { fitLogReturnStd, relativeScaler } from './relativeScaler.js';
export type { Scaler, ScalerKind, ScalerParams } from './scaler.js';
