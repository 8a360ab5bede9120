import { Arena } from './arena.js';
import type { KernelExports } from './kernelExports.js';
import { type WasmModule, wasmApi } from './wasmApi.js';

/** A running kernels module: its exports, and the allocator over its memory. */
export interface Kernels {
  readonly exports: KernelExports;
  readonly arena: Arena;
  /**
   * A shared scratch region of at least `floats` floats, reused by every caller (calls are
   * synchronous, so they never overlap). Grows by reallocating; the old region is abandoned.
   *
   * @returns its byte offset.
   */
  scratch(floats: number): number;
}

/**
 * Instantiates `kernels.wasm` synchronously from a compiled module. In workerd the module is the
 * `.wasm` import itself (wrangler's CompiledWasm rule; workerd refuses to compile from bytes); in
 * Node, see `@gatecast/kernels/node`. The module imports nothing.
 *
 * @throws WebAssembly.LinkError or CompileError when the runtime lacks 128-bit SIMD.
 */
export function instantiateKernels(module: WasmModule): Kernels {
  const instance = new wasmApi.Instance(module, {});
  const exports = instance.exports as unknown as KernelExports;
  const arena = new Arena(exports.memory, exports.heapBase());
  let scratchAt = 0;
  let scratchFloats = 0;
  return {
    exports,
    arena,
    scratch(floats) {
      if (floats > scratchFloats) {
        scratchFloats = Math.max(floats, 2 * scratchFloats);
        scratchAt = arena.alloc(scratchFloats);
      }
      return scratchAt;
    },
  };
}
