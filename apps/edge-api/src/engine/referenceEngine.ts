import { modelForward } from '@gatecast/core';
import type { Engine } from './engine.js';

/**
 * The reference engine: core's plain-TypeScript cells (`modelForward`), one window at a time. No
 * setup, no dependencies; the yardstick the wasm engine is tested against.
 */
export const referenceEngine: Engine = {
  name: 'reference',
  simd: null,
  memory: () => null,
  load(spec, weights) {
    const length = spec.windowLength;
    return {
      predict(windows, count) {
        const out = new Float32Array(count);
        for (let i = 0; i < count; i++) {
          out[i] = modelForward(spec, weights, windows.subarray(i * length, (i + 1) * length));
        }
        return out;
      },
      dispose() {},
    };
  },
};
