import {
  MODEL_OUTPUT_UNITS,
  type ModelOutput,
  type ModelSpec,
  type Protocol,
  type RecurrentLayerSpec,
  WINDOW_LENGTH,
} from '@gatecast/core';

/** A named architecture from the lesson, before a protocol is chosen. */
export interface TrainingConfig {
  /** Stable name used in model ids, e.g. `lstm-32`, `lstm-32-16` or `gru-32-nll`. */
  name: string;
  recurrent: RecurrentLayerSpec[];
  /** What the head outputs; absent: `'point'` (one forecast, trained on mse). */
  output?: ModelOutput;
  /** The protocols the config trains under; absent: every protocol. */
  protocols?: readonly Protocol[];
}

/** Dense(16, relu) → Dense(units): the lesson's head, 1 unit for a point model, 2 for gaussian. */
function headFor(output: ModelOutput): ModelSpec['head'] {
  return [
    { units: 16, activation: 'relu' },
    { units: MODEL_OUTPUT_UNITS[output], activation: 'linear' },
  ];
}

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

/**
 * The learned-scale variants (issue 10 (d)): each gated config (GRU or LSTM) as `<config>-nll`,
 * whose head ends in Dense(2) — location μ and log-scale ρ in the relative protocol's scaled
 * space — trained with the Gaussian negative log-likelihood (`fused/gaussianNll.ts`). Relative
 * protocol only: the reference protocol's raw levels are a lesson reproduction, not a forecaster.
 */
export const NLL_CONFIGS: readonly TrainingConfig[] = REFERENCE_CONFIGS.filter((config) =>
  config.recurrent.every((layer) => layer.cell !== 'simpleRNN'),
).map((config) => ({
  ...config,
  name: `${config.name}-nll`,
  output: 'gaussian' as const,
  protocols: ['relative'] as const,
}));

/** Every config the sweep trains by default: the lesson's five, then the learned-scale variants. */
export const TRAINING_CONFIGS: readonly TrainingConfig[] = [...REFERENCE_CONFIGS, ...NLL_CONFIGS];

/** Whether `config` trains under `protocol` (the sweep skips the pairs that do not). */
export function trainsUnder(config: TrainingConfig, protocol: Protocol): boolean {
  return config.protocols === undefined || config.protocols.includes(protocol);
}

/**
 * The full model spec of a config under a protocol.
 *
 * @throws {Error} when the config does not train under the protocol (see {@link trainsUnder})
 */
export function specFor(config: TrainingConfig, protocol: Protocol): ModelSpec {
  if (!trainsUnder(config, protocol)) {
    throw new Error(
      `config "${config.name}" trains under ${config.protocols?.join(', ')} only, not ${protocol}`,
    );
  }
  const output = config.output ?? 'point';
  return {
    windowLength: WINDOW_LENGTH,
    recurrent: config.recurrent,
    head: headFor(output),
    protocol,
    ...(output === 'point' ? {} : { output }),
  };
}

/** A served model's id: `<config>@<protocol>`, e.g. `lstm-32@relative` or `gru-8-nll@relative`. */
export function modelId(config: TrainingConfig, protocol: Protocol): string {
  return `${config.name}@${protocol}`;
}

/**
 * Looks configs up by name, among {@link TRAINING_CONFIGS}.
 *
 * @throws {Error} naming the unknown config and the known ones
 */
export function configsByName(names: readonly string[]): TrainingConfig[] {
  return names.map((name) => {
    const config = TRAINING_CONFIGS.find((c) => c.name === name);
    if (!config) {
      throw new Error(
        `unknown config "${name}" (known: ${TRAINING_CONFIGS.map((c) => c.name).join(', ')})`,
      );
    }
    return config;
  });
}
