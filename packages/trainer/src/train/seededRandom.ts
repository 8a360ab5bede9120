import seedrandom from 'seedrandom';

/**
 * Runs `fn` with `Math.random` replaced by a generator seeded with `seed`, restoring it after.
 *
 * tfjs-layers' `fit` shuffles batches with `Math.random`; replacing it makes the shuffle, and so
 * the trained weights, a function of the seed. Only one seeded section may run at a time in a
 * thread (worker threads each have their own `Math`).
 */
export async function withSeededMathRandom<T>(seed: string, fn: () => Promise<T>): Promise<T> {
  const original = Math.random;
  const random = seedrandom(seed);
  Math.random = () => random();
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
