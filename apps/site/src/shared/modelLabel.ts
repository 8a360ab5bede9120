/**
 * Human names for registry models, shared by the static HTML and the browser code.
 */
import type { CellKind, ModelOutput, ModelRole, ModelSpec } from '@gatecast/core';

/** A cell as Keras and the lesson spell it. */
export const CELL_LABELS: Record<CellKind, string> = {
  simpleRNN: 'SimpleRNN',
  gru: 'GRU',
  lstm: 'LSTM',
};

/** A model's role (the registry's `role`) as the page names it. */
export const ROLE_LABELS: Record<ModelRole, string> = {
  forecaster: 'forecaster',
  'lesson-reproduction': 'lesson reproduction',
};

/** The page's groups of models by role, in order, with the protocol each role trains under. */
export const ROLE_GROUPS: readonly { role: ModelRole; title: string }[] = [
  { role: 'forecaster', title: 'Forecasters: relative protocol (scale-free)' },
  {
    role: 'lesson-reproduction',
    title: 'Lesson reproduction: reference protocol (raw levels, as the lesson)',
  },
];

/** What a head that outputs more than the forecast adds to its model's name. */
export const OUTPUT_SUFFIXES: Record<ModelOutput, string> = {
  point: '',
  gaussian: ' + scale',
};

/**
 * The recurrent stack of a spec, e.g. `LSTM(32) → LSTM(16)`; a model whose head also outputs a
 * scale (a Gaussian `[μ, log σ]` head, trained on its negative log-likelihood) adds ` + scale`.
 *
 * @example architectureLabel({ recurrent: [{ cell: 'gru', units: 8, returnSequences: false }], ... }) // => 'GRU(8)'
 * @example architectureLabel({ recurrent: [{ cell: 'gru', units: 32, returnSequences: false }], output: 'gaussian' }) // => 'GRU(32) + scale'
 */
export function architectureLabel(spec: Pick<ModelSpec, 'recurrent' | 'output'>): string {
  const stack = spec.recurrent
    .map((layer) => `${CELL_LABELS[layer.cell]}(${layer.units})`)
    .join(' → ');
  return `${stack}${OUTPUT_SUFFIXES[spec.output ?? 'point']}`;
}
