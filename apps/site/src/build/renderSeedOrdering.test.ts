import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { renderSeedOrdering, seedOrderingSentence } from './renderSeedOrdering.js';

const { manifest, results } = fixtureRegistry();

describe('seedOrderingSentence', () => {
  it('says when the ranking changes with the seed, and how often the gated cells win', () => {
    expect(seedOrderingSentence(manifest, results, 'relative')).toBe(
      'Relative protocol, SimpleRNN(32), GRU(32), LSTM(32): the ranking by test RMSE changes with the seed: 3 different rankings over 3 seeds. Both gated cells beat SimpleRNN(32) on 0 of 3 seeds.',
    );
  });

  it('spells out a stable ranking', () => {
    const { manifest: m, results: r } = fixtureRegistry();
    for (const model of r.models) {
      if (model.id.startsWith('lstm')) model.seedRmse = [1, 1, 1];
      if (model.id.startsWith('gru')) model.seedRmse = [2, 2, 2];
      if (model.id.startsWith('simplernn')) model.seedRmse = [3, 3, 3];
    }
    expect(seedOrderingSentence(m, r, 'reference')).toContain(
      'the same on all 3 seeds: LSTM(32) < GRU(32) < SimpleRNN(32). Both gated cells beat SimpleRNN(32) on 3 of 3 seeds.',
    );
  });

  it('renders both protocols as a list', () => {
    expect(renderSeedOrdering(manifest, results).match(/<li>/g)?.length).toBe(2);
  });
});
