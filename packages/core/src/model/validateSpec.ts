import { MODEL_OUTPUTS } from '../constants.js';
import { type ModelSpec, outputCount } from './modelSpec.js';

function isPositiveInteger(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/**
 * Checks that a spec describes a model core can run: `[windowLength, 1]` → one or more recurrent
 * layers (all but the last with `returnSequences: true`, the last with `false`) → one or more dense
 * layers, the last with `outputCount(spec)` units (1 for a point model, 2 for `output: 'gaussian'`).
 * Positive integer sizes throughout; `output`, when present, one of `MODEL_OUTPUTS`.
 *
 * @throws Error naming the first offending field.
 */
export function assertModelSpec(spec: ModelSpec): void {
  if (!isPositiveInteger(spec.windowLength)) {
    throw new Error(
      `model spec: windowLength must be a positive integer, got ${spec.windowLength}`,
    );
  }
  if (spec.recurrent.length === 0)
    throw new Error('model spec: needs at least one recurrent layer');
  spec.recurrent.forEach((layer, i) => {
    if (layer.cell !== 'simpleRNN' && layer.cell !== 'gru' && layer.cell !== 'lstm') {
      throw new Error(`model spec: recurrent[${i}].cell '${String(layer.cell)}' is unknown`);
    }
    if (!isPositiveInteger(layer.units)) {
      throw new Error(`model spec: recurrent[${i}].units must be a positive integer`);
    }
    const last = i === spec.recurrent.length - 1;
    if (layer.returnSequences === last) {
      throw new Error(
        `model spec: recurrent[${i}].returnSequences must be ${!last} ` +
          '(true for every recurrent layer but the last, false for the last)',
      );
    }
  });
  if (spec.head.length === 0) throw new Error('model spec: needs at least one dense layer');
  spec.head.forEach((layer, i) => {
    if (!isPositiveInteger(layer.units)) {
      throw new Error(`model spec: head[${i}].units must be a positive integer`);
    }
    if (layer.activation !== 'relu' && layer.activation !== 'linear') {
      throw new Error(`model spec: head[${i}].activation '${String(layer.activation)}' is unknown`);
    }
  });
  if (spec.output !== undefined && !MODEL_OUTPUTS.includes(spec.output)) {
    throw new Error(
      `model spec: output '${String(spec.output)}' is unknown (known: ${MODEL_OUTPUTS.join(', ')})`,
    );
  }
  const units = outputCount(spec);
  const lastHead = spec.head[spec.head.length - 1];
  if (lastHead?.units !== units) {
    throw new Error(
      `model spec: the last dense layer must have ${units} unit${units === 1 ? '' : 's'} ` +
        `for output '${spec.output ?? 'point'}'`,
    );
  }
}
