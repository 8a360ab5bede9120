/**
 * Human names for registry models, shared by the static HTML and the browser code.
 */
import type { CellKind, ModelSpec, Protocol } from '@gatecast/core';

/** A cell as Keras and the lesson spell it. */
export const CELL_LABELS: Record<CellKind, string> = {
  simpleRNN: 'SimpleRNN',
  gru: 'GRU',
  lstm: 'LSTM',
};

/** What each protocol means, in a few words. */
export const PROTOCOL_LABELS: Record<Protocol, string> = {
  reference: 'reference (raw levels, as the lesson)',
  relative: 'relative (scale-free log ratios)',
};

/**
 * The recurrent stack of a spec, e.g. `LSTM(32) → LSTM(16)`.
 *
 * @example architectureLabel({ recurrent: [{ cell: 'gru', units: 8, returnSequences: false }], ... }) // => 'GRU(8)'
 */
export function architectureLabel(spec: Pick<ModelSpec, 'recurrent'>): string {
  return spec.recurrent.map((layer) => `${CELL_LABELS[layer.cell]}(${layer.units})`).join(' → ');
}
