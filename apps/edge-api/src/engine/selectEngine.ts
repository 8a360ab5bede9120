import type { Engine, EngineName } from './engine.js';
import { createKernelEngine } from './kernelEngine.js';
import { referenceEngine } from './referenceEngine.js';

/** Which engine to run, and what it needs. */
export interface EngineOptions {
  /** Preferred engine; `'wasm'` by default. */
  preferred?: EngineName;
  /** `@gatecast/kernels/kernels.wasm` imported as a module; without it wasm cannot start. */
  wasmModule?: WebAssembly.Module;
}

/** The engine in use, and why it is not the preferred one when it is not. */
export interface EngineChoice {
  engine: Engine;
  preferred: EngineName;
  /** `null` when the preferred engine runs; else a client-safe reason for the fallback. */
  fallbackReason: string | null;
}

/**
 * Starts the preferred engine; when wasm cannot start, falls back to the reference engine and
 * says why. Uses no timer or I/O, so it may run in the worker's global scope.
 */
export async function selectEngine(options: EngineOptions = {}): Promise<EngineChoice> {
  const preferred = options.preferred ?? 'wasm';
  if (preferred === 'reference') {
    return { engine: referenceEngine, preferred, fallbackReason: null };
  }
  if (!options.wasmModule) {
    return { engine: referenceEngine, preferred, fallbackReason: 'no wasm module was bundled' };
  }
  try {
    return { engine: createKernelEngine(options.wasmModule), preferred, fallbackReason: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the wasm backend failed to start';
    return { engine: referenceEngine, preferred, fallbackReason: reason };
  }
}
