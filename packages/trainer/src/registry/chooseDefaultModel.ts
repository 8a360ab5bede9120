import { chooseDefaultModel as chooseAmong } from '@gatecast/core';
import type { ModelReport } from '../report/evaluate.js';

/**
 * The registry's default model: core's `chooseDefaultModel` rule (the gated forecaster with the
 * best validation RMSE of its served seed, then the best forecaster, then the best of all) over
 * the trained models. The API applies the same rule to the models it can serve when this one is
 * refused. Chosen on validation months only.
 *
 * @returns the chosen model's id, e.g. `lstm-32@relative`
 * @throws {TypeError} for no reports
 */
export function chooseDefaultModel(reports: readonly ModelReport[]): string {
  return chooseAmong(
    reports.map((r) => ({
      id: r.id,
      protocol: r.protocol,
      spec: r.spec,
      validationRmse: r.served.validationRmse,
    })),
  );
}
