import { PROTOCOL_ROLES } from '@gatecast/core';
import type { ModelReport } from '../report/evaluate.js';

/**
 * The registry's default model (the one the API serves when none is named): the forecaster
 * (`PROTOCOL_ROLES`: the relative protocol) with gated cells only (GRU, LSTM) that has the best
 * validation RMSE of its served seed; without such a model, the best forecaster; without any, the
 * best of all. Chosen on validation months only.
 *
 * @returns the chosen model's id, e.g. `lstm-32@relative`
 * @throws {TypeError} for no reports
 */
export function chooseDefaultModel(reports: readonly ModelReport[]): string {
  const forecasters = reports.filter((r) => PROTOCOL_ROLES[r.protocol] === 'forecaster');
  const gated = forecasters.filter((r) => r.spec.recurrent.every((l) => l.cell !== 'simpleRNN'));
  const pool = gated.length > 0 ? gated : forecasters.length > 0 ? forecasters : reports;
  const best = pool.reduce((a, b) => (b.served.validationRmse < a.served.validationRmse ? b : a));
  return best.id;
}
