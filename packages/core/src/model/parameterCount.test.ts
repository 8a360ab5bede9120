import '@tensorflow/tfjs-backend-cpu';
import { setBackend } from '@tensorflow/tfjs-core';
import { layers, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellKind, ModelSpec } from './modelSpec.js';
import { parameterCount } from './parameterCount.js';

const head: ModelSpec['head'] = [
  { units: 16, activation: 'relu' },
  { units: 1, activation: 'linear' },
];
const single = (cell: CellKind, units: number): ModelSpec => ({
  windowLength: 12,
  recurrent: [{ cell, units, returnSequences: false }],
  head,
  protocol: 'reference',
});
const stacked: ModelSpec = {
  windowLength: 12,
  recurrent: [
    { cell: 'lstm', units: 32, returnSequences: true },
    { cell: 'lstm', units: 16, returnSequences: false },
  ],
  head,
  protocol: 'reference',
};

/** The same architecture built directly with tfjs-layers (not through buildLayersModel). */
function tfjsCountParams(spec: ModelSpec): number {
  const model = sequential();
  const factories = { simpleRNN: layers.simpleRNN, gru: layers.gru, lstm: layers.lstm };
  spec.recurrent.forEach((layer, i) => {
    model.add(
      factories[layer.cell]({
        units: layer.units,
        returnSequences: layer.returnSequences,
        // Initial values do not matter for a count; zeros skips tfjs' slow orthogonal init.
        kernelInitializer: 'zeros',
        recurrentInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [spec.windowLength, 1] } : {}),
      }),
    );
  });
  for (const layer of spec.head) model.add(layers.dense(layer));
  return model.countParams();
}

describe('parameterCount', () => {
  beforeAll(async () => {
    await setBackend('cpu');
  });

  // Totals as tfjs countParams reports them (recurrent part + Dense(16) + Dense(1)).
  const cases: [string, ModelSpec, number][] = [
    ['SimpleRNN(32)', single('simpleRNN', 32), 1633],
    ['GRU(32)', single('gru', 32), 3809],
    ['LSTM(32)', single('lstm', 32), 4897],
    ['GRU(8)', single('gru', 8), 401],
    ['LSTM(32, seq) → LSTM(16)', stacked, 7777],
  ];
  // A gaussian head's last layer has 2 units: Dense(2) after Dense(16) adds 17 over Dense(1).
  const gaussian = (spec: ModelSpec): ModelSpec => ({
    ...spec,
    head: [
      { units: 16, activation: 'relu' },
      { units: 2, activation: 'linear' },
    ],
    output: 'gaussian',
  });
  const gaussianCases: [string, ModelSpec, number][] = [
    ['GRU(32)', gaussian(single('gru', 32)), 3826],
    ['LSTM(32, seq) → LSTM(16)', gaussian(stacked), 7794],
  ];
  for (const [name, spec, tfjsTotal] of gaussianCases) {
    it(`equals tfjs countParams for gaussian ${name} → Dense(16) → Dense(2)`, () => {
      expect(tfjsCountParams(spec)).toBe(tfjsTotal);
      expect(parameterCount(spec)).toBe(tfjsTotal);
    });
  }

  for (const [name, spec, tfjsTotal] of cases) {
    it(`equals tfjs countParams for ${name} → Dense(16) → Dense(1)`, () => {
      expect(tfjsCountParams(spec)).toBe(tfjsTotal);
      expect(parameterCount(spec)).toBe(tfjsTotal);
    });
  }
});
