import { describe, expect, it } from 'vitest';
import type { CellKind, Protocol } from '../constants.js';
import { chooseDefaultModel, type DefaultModelCandidate } from './chooseDefaultModel.js';

const model = (
  cell: CellKind,
  protocol: Protocol,
  validationRmse: number,
  cells: CellKind[] = [cell],
): DefaultModelCandidate => ({
  id: `${cell}-${validationRmse}@${protocol}`,
  protocol,
  spec: { recurrent: cells.map((c) => ({ cell: c })) },
  validationRmse,
});

describe('chooseDefaultModel', () => {
  it('takes the gated forecaster with the lowest validation RMSE', () => {
    const chosen = chooseDefaultModel([
      model('simpleRNN', 'relative', 10),
      model('gru', 'relative', 30),
      model('lstm', 'relative', 20),
      model('lstm', 'reference', 5),
    ]);
    expect(chosen).toBe('lstm-20@relative');
  });

  it('skips a stack with any SimpleRNN layer while a wholly gated forecaster remains', () => {
    const chosen = chooseDefaultModel([
      model('lstm', 'relative', 10, ['lstm', 'simpleRNN']),
      model('gru', 'relative', 40),
    ]);
    expect(chosen).toBe('gru-40@relative');
  });

  it('falls back to the best forecaster, then to the best of all', () => {
    expect(
      chooseDefaultModel([model('simpleRNN', 'relative', 30), model('gru', 'reference', 1)]),
    ).toBe('simpleRNN-30@relative');
    expect(chooseDefaultModel([model('gru', 'reference', 3), model('lstm', 'reference', 2)])).toBe(
      'lstm-2@reference',
    );
  });

  it('throws for no candidates', () => {
    expect(() => chooseDefaultModel([])).toThrow(TypeError);
  });
});
