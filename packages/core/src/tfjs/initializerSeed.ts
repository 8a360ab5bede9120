/** Which of a layer's random initializers a derived seed is for. */
export type InitializerRole = 'kernel' | 'recurrentKernel';

const roleCode: Record<InitializerRole, number> = { kernel: 1, recurrentKernel: 2 };

/** murmur3's 32-bit finalizer: a bijective mix, so distinct inputs give distinct outputs. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Derives the seed of one initializer from a model seed, so that every initializer of a model
 * draws from its own stream (tfjs seeds each initializer independently; giving them all the same
 * seed would make e.g. same-shaped kernels identical).
 *
 * @param seed - model seed, a non-negative safe integer.
 * @param layerIndex - position of the layer in the model (recurrent layers first, then dense).
 * @returns an unsigned 32-bit integer, a pure function of the three arguments.
 * @throws Error if `seed` is not a non-negative safe integer.
 * @example initializerSeed(42, 0, 'kernel') === initializerSeed(42, 0, 'kernel') // => true
 */
export function initializerSeed(seed: number, layerIndex: number, role: InitializerRole): number {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`initializerSeed: seed must be a non-negative safe integer, got ${seed}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  let h = mix32(low ^ 0x9e3779b9);
  h = mix32(h ^ high);
  h = mix32(h ^ Math.imul(layerIndex + 1, 0x27d4eb2f));
  return mix32(h ^ roleCode[role]);
}
