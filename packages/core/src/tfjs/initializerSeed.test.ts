import { describe, expect, it } from 'vitest';
import { initializerSeed } from './initializerSeed.js';

describe('initializerSeed', () => {
  it('is a pure function of (seed, layer, role)', () => {
    expect(initializerSeed(42, 3, 'kernel')).toBe(initializerSeed(42, 3, 'kernel'));
  });

  it('gives distinct uint32 seeds across seeds, layers and roles', () => {
    const seen = new Set<number>();
    for (const seed of [0, 1, 2, 42, 2 ** 32, 2 ** 40 + 1]) {
      for (let layer = 0; layer < 8; layer++) {
        for (const role of ['kernel', 'recurrentKernel'] as const) {
          const derived = initializerSeed(seed, layer, role);
          expect(Number.isInteger(derived) && derived >= 0 && derived < 2 ** 32).toBe(true);
          seen.add(derived);
        }
      }
    }
    expect(seen.size).toBe(6 * 8 * 2);
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => initializerSeed(bad, 0, 'kernel')).toThrow(/non-negative safe integer/);
    }
  });
});
