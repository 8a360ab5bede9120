import { modelOutputs, outputCount } from '@gatecast/core';
import type { Engine } from './engine.js';

/**
 * The reference engine: core's plain-TypeScript cells (`modelOutputs`), one window at a time. No
 * setup, no dependencies; the yardstick the wasm engine is tested against.
 */
export const referenceEngine: Engine = {
  name: 'reference',
  simd: null,
  memory: () => null,
  load(spec, weights) {
    const length = spec.windowLength;
    const outputs = outputCount(spec);
    return {
      outputs,
      predict(windows, count) {
        const out = new Float32Array(count * outputs);
        for (let i = 0; i < count; i++) {
          const window = windows.subarray(i * length, (i + 1) * length);
          out.set(modelOutputs(spec, weights, window), i * outputs);
        }
        return out;
      },
      dispose() {},
    };
  },
};
