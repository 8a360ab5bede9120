import type { ModelReport } from '../report/evaluate.js';

/**
 * The registry's default model (the one the API serves when none is named): the relative-protocol
 * model with gated cells only (GRU, LSTM) that has the best validation RMSE of its served seed;
 * without such a model, the best of all. Chosen on validation months only.
 *
 * @returns the chosen model's id, e.g. `lstm-32@relative`
 * @throws {TypeError} for no reports
 */
export function chooseDefaultModel(reports: readonly ModelReport[]): string {
  const gated = reports.filter(
    (r) => r.protocol === 'relative' && r.spec.recurrent.every((l) => l.cell !== 'simpleRNN'),
  );
  const pool = gated.length > 0 ? gated : reports;
  const best = pool.reduce((a, b) => (b.served.validationRmse < a.served.validationRmse ? b : a));
  return best.id;
}
