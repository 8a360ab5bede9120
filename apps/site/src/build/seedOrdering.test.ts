import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { seedOrdering, seedsAllBeat } from './seedOrdering.js';

const { manifest, results } = fixtureRegistry();
const relative = ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'];

describe('seedOrdering', () => {
  it('ranks the models on each seed by test RMSE', () => {
    // seedRmse (fixture): simplernn 118/121/120, gru 120/120.5/121, lstm 119/122/121.1
    const ordering = seedOrdering(manifest, results, relative);
    expect(ordering.bySeed).toEqual([
      { seed: 1, ranked: ['simplernn-32@relative', 'lstm-32@relative', 'gru-32@relative'] },
      { seed: 2, ranked: ['gru-32@relative', 'simplernn-32@relative', 'lstm-32@relative'] },
      { seed: 3, ranked: ['simplernn-32@relative', 'gru-32@relative', 'lstm-32@relative'] },
    ]);
    expect(ordering.distinct).toBe(3);
    expect(ordering.stable).toBe(false);
  });

  it('calls a ranking stable when every seed agrees', () => {
    const ordering = seedOrdering(manifest, results, ['lstm-32@relative', 'lstm-32@reference']);
    expect(ordering.stable).toBe(true);
    expect(ordering.distinct).toBe(1);
  });

  it('refuses an unknown model', () => {
    expect(() => seedOrdering(manifest, results, ['nope'])).toThrow(RangeError);
  });
});

describe('seedsAllBeat', () => {
  it('counts the seeds on which every challenger beats the incumbent', () => {
    // relative: on no seed do both gru (120/120.5/121) and lstm (119/122/121.1) beat
    // simplernn (118/121/120).
    expect(seedsAllBeat(results, 'simplernn-32@relative', relative.slice(1))).toBe(0);
    // reference: simplernn 3300/3350/3400, gru 3330/3310/3330, lstm 3290/3300/3292 → seeds 2, 3.
    expect(
      seedsAllBeat(results, 'simplernn-32@reference', ['gru-32@reference', 'lstm-32@reference']),
    ).toBe(2);
  });
});
