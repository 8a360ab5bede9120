import type { ModelSpec } from './modelSpec.js';

function isPositiveInteger(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/**
 * Checks that a spec describes a model core can run: `[windowLength, 1]` → one or more recurrent
 * layers (all but the last with `returnSequences: true`, the last with `false`) → one or more dense
 * layers, the last with 1 unit. Positive integer sizes throughout.
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
  const lastHead = spec.head[spec.head.length - 1];
  if (lastHead?.units !== 1) throw new Error('model spec: the last dense layer must have 1 unit');
}
