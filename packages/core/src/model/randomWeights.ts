import type { ModelSpec, ModelWeights, WeightArray } from './modelSpec.js';
import { weightSlots } from './weightShapes.js';
import { weightsFromList } from './weights.js';

/**
 * A seeded uniform random source in [0, 1) (mulberry32, 32-bit state): the same seed always
 * yields the same sequence. Meant for tests and benchmarks, not for statistics.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A weight array of the given shape, values uniform in [−scale, scale) drawn from `next`. */
export function randomWeightArray(shape: number[], next: () => number, scale: number): WeightArray {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = (2 * next() - 1) * scale;
  return { shape: [...shape], values };
}

/**
 * Random model weights with every value uniform in [−scale, scale), reproducible from `seed`:
 * non-trivial weights for checking a forward pass against tfjs, or for benchmarks.
 * Magnitudes around 0.5 keep the gates away from saturation.
 *
 * @example modelForward(spec, randomModelWeights(spec, { seed: 1 }), window)
 */
export function randomModelWeights(
  spec: ModelSpec,
  options: { seed: number; scale?: number },
): ModelWeights {
  const next = seededUniform(options.seed);
  const scale = options.scale ?? 0.5;
  const list = weightSlots(spec).map((slot) => randomWeightArray(slot.shape, next, scale));
  return weightsFromList(spec, list);
}
