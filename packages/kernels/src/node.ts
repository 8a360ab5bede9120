/**
 * Loading the kernels in Node: reads `build/kernels.wasm` (the package's `build` output) and
 * compiles it synchronously. Not for workerd, which imports the `.wasm` as a module instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { instantiateKernels, type Kernels } from './instantiateKernels.js';
import { type WasmModule, wasmApi } from './wasmApi.js';

/** Path of the compiled kernels, from this file in `src/` or `dist/`. */
export const kernelsWasmPath = fileURLToPath(new URL('../build/kernels.wasm', import.meta.url));

let compiled: WasmModule | undefined;

/**
 * The kernels module, compiled once per process (per thread).
 *
 * @throws Error naming the build command when `build/kernels.wasm` is missing.
 */
export function kernelsModule(): WasmModule {
  if (compiled === undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(kernelsWasmPath);
    } catch (error) {
      throw new Error(
        `no ${kernelsWasmPath}: build it with \`npm run build -w @gatecast/kernels\``,
        { cause: error },
      );
    }
    compiled = new wasmApi.Module(bytes);
  }
  return compiled;
}

/**
 * A fresh kernels instance (its own memory).
 *
 * @throws Error when `build/kernels.wasm` is missing (run `npm run build -w @gatecast/kernels`).
 */
export function loadKernels(): Kernels {
  return instantiateKernels(kernelsModule());
}
