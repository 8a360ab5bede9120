import { env, type Platform } from '@tensorflow/tfjs-core';

/**
 * The tfjs platform for workerd when tfjs found none: tfjs registers its browser platform only
 * where `window.document` or `WorkerGlobalScope` exist, and tensors cannot be made without one
 * (`isTypedArray` goes through it). Uses only web APIs workerd has.
 */
const workerdPlatform: Platform = {
  fetch: (path, init) => fetch(path, init),
  now: () => performance.now(),
  encode(text, encoding) {
    if (encoding !== 'utf-8' && encoding !== 'utf8') {
      throw new Error(`only utf-8 is supported, got ${encoding}`);
    }
    return new TextEncoder().encode(text);
  },
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  isTypedArray: (a): a is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray =>
    a instanceof Float32Array ||
    a instanceof Int32Array ||
    a instanceof Uint8Array ||
    a instanceof Uint8ClampedArray,
};

/** Registers {@link workerdPlatform} unless tfjs already chose a platform. */
export function ensurePlatform(): void {
  if (env().platform == null) env().setPlatform('workerd', workerdPlatform);
}
