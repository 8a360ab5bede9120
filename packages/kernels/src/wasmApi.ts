/**
 * The few WebAssembly JS-API members the host code uses, typed structurally: Node's types
 * (without the DOM library) declare only part of the `WebAssembly` namespace, and workerd's
 * types declare all of it, so the packages that import this one type-check either way.
 */

/** A `WebAssembly.Memory`. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** A compiled `WebAssembly.Module` (opaque here). */
export type WasmModule = object;

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: object };
}

/** The runtime's `WebAssembly` namespace. */
export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
