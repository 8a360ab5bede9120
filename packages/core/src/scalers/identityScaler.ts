import type { Scaler } from './scaler.js';

/**
 * The reference protocol's scaler: none. Raw index levels in and out, as in the lesson.
 *
 * @example identityScaler().scaleWindow([1, 2]) // => [1, 2]
 */
export function identityScaler(): Scaler {
  return {
    params: { kind: 'identity' },
    scaleWindow: (window) => [...window],
    scaleTarget: (target) => target,
    unscaleTarget: (scaled) => scaled,
  };
}
