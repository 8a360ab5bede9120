import { describe, expect, it } from 'vitest';
import { architectureLabel } from './modelLabel.js';

describe('architectureLabel', () => {
  it('names the recurrent stack as Keras spells its cells', () => {
    expect(
      architectureLabel({
        recurrent: [
          { cell: 'lstm', units: 32, returnSequences: true },
          { cell: 'lstm', units: 16, returnSequences: false },
        ],
      }),
    ).toBe('LSTM(32) → LSTM(16)');
  });
  it('marks a head that also outputs a scale', () => {
    const recurrent = [{ cell: 'gru' as const, units: 32, returnSequences: false }];
    expect(architectureLabel({ recurrent, output: 'gaussian' })).toBe('GRU(32) + scale');
    expect(architectureLabel({ recurrent, output: 'point' })).toBe('GRU(32)');
  });
});
