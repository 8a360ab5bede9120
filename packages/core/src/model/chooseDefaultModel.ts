import { type CellKind, PROTOCOL_ROLES, type Protocol } from '../constants.js';

/** What the default-model rule reads of a model: its id, protocol, cells and validation RMSE. */
export interface DefaultModelCandidate {
  /** `<config>@<protocol>`, e.g. `lstm-32@relative`. */
  id: string;
  protocol: Protocol;
  spec: { recurrent: readonly { cell: CellKind }[] };
  /** The served seed's RMSE on the validation tail, index points. */
  validationRmse: number;
}

/**
 * The default model (the one the API serves when none is named): the forecaster
 * (`PROTOCOL_ROLES`: the relative protocol) with gated cells only (GRU, LSTM) that has the lowest
 * validation RMSE of its served seed; without such a model, the best forecaster; without any, the
 * best of all. Chosen on validation months only. The trainer applies it to every model it writes;
 * the API applies it to the models it can serve when the registry's default is refused.
 *
 * @returns the chosen candidate's id, e.g. `lstm-32@relative`
 * @throws {TypeError} for no candidates
 * @example chooseDefaultModel([gru32Relative, lstm32Reference]) // => 'gru-32@relative'
 */
export function chooseDefaultModel(candidates: readonly DefaultModelCandidate[]): string {
  const forecasters = candidates.filter((c) => PROTOCOL_ROLES[c.protocol] === 'forecaster');
  const gated = forecasters.filter((c) => c.spec.recurrent.every((l) => l.cell !== 'simpleRNN'));
  const pool = gated.length > 0 ? gated : forecasters.length > 0 ? forecasters : candidates;
  const best = pool.reduce((a, b) => (b.validationRmse < a.validationRmse ? b : a));
  return best.id;
}
