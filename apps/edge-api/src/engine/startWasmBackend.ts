/**
 * Starts tfjs' wasm backend inside workerd from a `.wasm` imported as a module.
 *
 * workerd refuses to compile WebAssembly from bytes, so the backend's usual path (fetch the
 * binary, `WebAssembly.instantiate(bytes)`) fails there, and tfjs-backend-wasm 4.22 has no option
 * taking a `WebAssembly.Module` (tfjs issue #8157). Instead, only while `setBackend('wasm')` runs:
 * `setWasmPaths(markers, true)` makes the backend fetch through tfjs' platform `fetch`, which
 * answers the SIMD marker path with the marker's bytes, and `WebAssembly.instantiate` maps those
 * bytes to the imported SIMD module. Both are restored afterwards, and `process` is hidden
 * meanwhile so that the emscripten glue does not take its Node branch where `process` exists.
 *
 * Every step settles through promise jobs alone (no I/O, no timer): the instance is created
 * synchronously and the fetch answer is a stand-in rather than a `Response`. So the backend can
 * start while the worker's global scope is evaluated, where I/O and timers are not allowed, and a
 * failed instantiation rejects at once instead of leaving tfjs waiting for a callback forever.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm/dist/base.js';
import { env, getBackend, setBackend } from '@tensorflow/tfjs-core';
import { registerWasmKernels } from './wasmKernels.js';
import { ensurePlatform } from './workerdPlatform.js';

const MARKER = 'gatecast-wasm-marker:';
const SIMD_PATH = `${MARKER}tfjs-backend-wasm-simd.wasm`;
const MARKER_BYTES = new TextEncoder().encode(SIMD_PATH);

/** What a successful start reports. */
export interface WasmStart {
  /** Whether the runtime validated SIMD and the SIMD binary runs (always, when start succeeds). */
  simd: boolean;
}

function isMarker(source: unknown): boolean {
  if (!(source instanceof ArrayBuffer || ArrayBuffer.isView(source))) return false;
  const bytes = ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
  return bytes.length === MARKER_BYTES.length && bytes.every((b, i) => b === MARKER_BYTES[i]);
}

/** The two members of a fetch `Response` tfjs reads when it loads a wasm binary. */
function answer(bytes: Uint8Array | null): Response {
  const stand = {
    ok: bytes !== null,
    arrayBuffer: () => Promise.resolve((bytes ?? new Uint8Array(0)).slice().buffer),
  };
  return stand as unknown as Response;
}

/** Shadows a global `process` (present with nodejs_compat) and returns the undo. */
function hideProcess(): () => void {
  const global = globalThis as { process?: unknown };
  if (global.process === undefined) return () => {};
  const own = Object.getOwnPropertyDescriptor(globalThis, 'process');
  Object.defineProperty(globalThis, 'process', {
    value: undefined,
    configurable: true,
    writable: true,
  });
  return () => {
    if (own) Object.defineProperty(globalThis, 'process', own);
    else delete global.process;
  };
}

/**
 * Swaps in the marker fetch and instantiate. Returns the undo, and a promise that rejects when
 * instantiating the module fails (tfjs would otherwise wait for its callback forever).
 */
function interceptWasmLoading(simdModule: WebAssembly.Module): {
  restore: () => void;
  failed: Promise<never>;
} {
  const platform = env().platform;
  const originalFetch = platform.fetch;
  const originalInstantiate = WebAssembly.instantiate;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  platform.fetch = (path: string, init?: RequestInit) => {
    if (path === SIMD_PATH) return Promise.resolve(answer(MARKER_BYTES));
    if (path.startsWith(MARKER)) return Promise.resolve(answer(null));
    return originalFetch.call(platform, path, init);
  };
  const instantiate = (source: unknown, imports?: WebAssembly.Imports) => {
    if (!isMarker(source)) {
      return (originalInstantiate as (s: unknown, i?: WebAssembly.Imports) => Promise<unknown>)(
        source,
        imports,
      );
    }
    try {
      const instance = new WebAssembly.Instance(simdModule, imports);
      return Promise.resolve({ instance, module: simdModule });
    } catch (error) {
      fail(error);
      return new Promise(() => {});
    }
  };
  WebAssembly.instantiate = instantiate as typeof WebAssembly.instantiate;
  return {
    failed,
    restore: () => {
      platform.fetch = originalFetch;
      WebAssembly.instantiate = originalInstantiate;
    },
  };
}

let started: Promise<WasmStart> | undefined;

/**
 * Makes tfjs' wasm backend (SIMD, single-threaded) the active backend, once per isolate; later
 * calls return the first call's outcome.
 *
 * @param simdModule - `tfjs-backend-wasm-simd.wasm`, imported as a module (wrangler compiles it).
 * @throws Error when the runtime lacks WebAssembly SIMD or the backend fails to start.
 */
export function startWasmBackend(simdModule: WebAssembly.Module): Promise<WasmStart> {
  started ??= start(simdModule);
  return started;
}

async function start(simdModule: WebAssembly.Module): Promise<WasmStart> {
  ensurePlatform();
  // No SharedArrayBuffer workers in workerd: never ask for the threaded binary.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const simd = (await env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  if (!simd) throw new Error('this runtime does not support WebAssembly SIMD');
  registerWasmKernels();
  setWasmPaths(
    {
      'tfjs-backend-wasm.wasm': `${MARKER}tfjs-backend-wasm.wasm`,
      'tfjs-backend-wasm-simd.wasm': SIMD_PATH,
      'tfjs-backend-wasm-threaded-simd.wasm': `${MARKER}tfjs-backend-wasm-threaded-simd.wasm`,
    },
    true,
  );
  const restoreProcess = hideProcess();
  const loading = interceptWasmLoading(simdModule);
  try {
    const ok = await Promise.race([setBackend('wasm'), loading.failed]);
    if (!ok || getBackend() !== 'wasm') throw new Error('tfjs could not start its wasm backend');
  } finally {
    loading.restore();
    restoreProcess();
  }
  return { simd };
}
