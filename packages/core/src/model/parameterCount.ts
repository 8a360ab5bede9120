import type { ModelSpec } from './modelSpec.js';
import { weightSlots } from './weightShapes.js';

/**
 * Number of trainable parameters of the model a spec describes; equals tfjs `model.countParams()`.
 *
 * Per layer: SimpleRNN u(n+u+1), GRU 3u(n+u+1), LSTM 4u(n+u+1), Dense m(n+1), where n is the
 * layer's input width (1 for the first recurrent layer).
 *
 * @example parameterCount({ windowLength: 12, recurrent: [{ cell: 'lstm', units: 32, returnSequences: false }], head: [{ units: 16, activation: 'relu' }, { units: 1, activation: 'linear' }], protocol: 'relative' }) // => 4897
 */
export function parameterCount(spec: ModelSpec): number {
  let total = 0;
  for (const slot of weightSlots(spec)) {
    total += slot.shape.reduce((a, b) => a * b, 1);
  }
  return total;
}
