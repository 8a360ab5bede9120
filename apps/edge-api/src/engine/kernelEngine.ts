import { createKernelModel, instantiateKernels } from '@gatecast/kernels';
import type { Engine } from './engine.js';

/** Largest batch the API accepts (`POST /v1/forecast/batch`); its scratch is reserved at load. */
const MAX_BATCH = 256;

/**
 * The wasm engine: gatecast's own whole-window kernels (`@gatecast/kernels`, AssemblyScript with
 * 128-bit SIMD), one call per layer for a window or a batch. The kernels keep their own linear
 * memory: each model's weights are copied into it once, at `load`, and every forecast works in
 * one shared scratch region reserved for the largest batch, so serving never grows it.
 *
 * @param kernelsModule - `kernels.wasm`, imported as a module (workerd compiles nothing from bytes).
 * @throws Error when the module cannot be instantiated (e.g. a runtime without SIMD).
 */
export function createKernelEngine(kernelsModule: WebAssembly.Module): Engine {
  const kernels = instantiateKernels(kernelsModule);
  return {
    name: 'wasm',
    simd: true,
    memory() {
      return { tensors: 0, bytes: kernels.arena.used };
    },
    load(spec, weights) {
      const model = createKernelModel(kernels, spec, weights, { maxBatch: MAX_BATCH });
      return {
        // The kernels read back the head's first `outputs` columns: [count · outputs], row-major.
        outputs: model.outputs,
        predict: (windows, count) => model.predict(windows, count),
        // Weights stay in the kernels' memory (never freed); a refused model is never reloaded.
        dispose() {},
      };
    },
  };
}
