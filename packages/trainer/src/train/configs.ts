import {
  type ModelSpec,
  type Protocol,
  type RecurrentLayerSpec,
  WINDOW_LENGTH,
} from '@gatecast/core';

/** A named architecture from the lesson, before a protocol is chosen. */
export interface TrainingConfig {
  /** Stable name used in model ids, e.g. `lstm-32` or `lstm-32-16`. */
  name: string;
  recurrent: RecurrentLayerSpec[];
}

const HEAD: ModelSpec['head'] = [
  { units: 16, activation: 'relu' },
  { units: 1, activation: 'linear' },
];

/**
 * The lesson's five architectures, each followed by Dense(16, relu) → Dense(1):
 * SimpleRNN(32), GRU(32), LSTM(32), GRU(8), and stacked LSTM(32, returnSequences) → LSTM(16).
 */
export const REFERENCE_CONFIGS: readonly TrainingConfig[] = [
  { name: 'simplernn-32', recurrent: [{ cell: 'simpleRNN', units: 32, returnSequences: false }] },
  { name: 'gru-32', recurrent: [{ cell: 'gru', units: 32, returnSequences: false }] },
  { name: 'lstm-32', recurrent: [{ cell: 'lstm', units: 32, returnSequences: false }] },
  { name: 'gru-8', recurrent: [{ cell: 'gru', units: 8, returnSequences: false }] },
  {
    name: 'lstm-32-16',
    recurrent: [
      { cell: 'lstm', units: 32, returnSequences: true },
      { cell: 'lstm', units: 16, returnSequences: false },
    ],
  },
];

/** The full model spec of a config under a protocol. */
export function specFor(config: TrainingConfig, protocol: Protocol): ModelSpec {
  return { windowLength: WINDOW_LENGTH, recurrent: config.recurrent, head: HEAD, protocol };
}

/** A served model's id: `<config>@<protocol>`, e.g. `lstm-32@relative`. */
export function modelId(config: TrainingConfig, protocol: Protocol): string {
  return `${config.name}@${protocol}`;
}

/**
 * Looks configs up by name.
 *
 * @throws {Error} naming the unknown config and the known ones
 */
export function configsByName(names: readonly string[]): TrainingConfig[] {
  return names.map((name) => {
    const config = REFERENCE_CONFIGS.find((c) => c.name === name);
    if (!config) {
      throw new Error(
        `unknown config "${name}" (known: ${REFERENCE_CONFIGS.map((c) => c.name).join(', ')})`,
      );
    }
    return config;
  });
}
