import type { ModelSpec } from '@gatecast/core';
import { parameterCount } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import {
  kerasResetAfterGruParameters,
  layerCounts,
  recurrentLayerParameters,
  specParameterCount,
} from './parameterFormula.js';

const head: ModelSpec['head'] = [
  { units: 16, activation: 'relu' },
  { units: 1, activation: 'linear' },
];

function spec(recurrent: ModelSpec['recurrent']): ModelSpec {
  return { windowLength: 12, recurrent, head, protocol: 'relative' };
}

describe('recurrentLayerParameters', () => {
  // Keras/tfjs `countParams()` of one layer on a 1-feature input (tfjs GRU: reset_after = false).
  it('matches the counts Keras and tfjs report for 32 units on one input', () => {
    expect(recurrentLayerParameters('simpleRNN', 1, 32)).toBe(1088);
    expect(recurrentLayerParameters('gru', 1, 32)).toBe(3264);
    expect(recurrentLayerParameters('lstm', 1, 32)).toBe(4352);
  });
  it('gives Keras’ reset_after = True GRU its extra bias', () => {
    // Keras GRU(32) on one input, default reset_after=True: 3·32·(1+32+2).
    expect(kerasResetAfterGruParameters(1, 32)).toBe(3360);
  });
});

describe('specParameterCount', () => {
  const specs = [
    spec([{ cell: 'simpleRNN', units: 32, returnSequences: false }]),
    spec([{ cell: 'gru', units: 8, returnSequences: false }]),
    spec([{ cell: 'lstm', units: 32, returnSequences: false }]),
    spec([
      { cell: 'lstm', units: 32, returnSequences: true },
      { cell: 'lstm', units: 16, returnSequences: false },
    ]),
  ];
  it('agrees with @gatecast/core’s count from the weight shapes', () => {
    for (const s of specs) expect(specParameterCount(s)).toBe(parameterCount(s));
  });
  it('lists each layer with the width it reads', () => {
    expect(layerCounts(specs[3] as ModelSpec)).toEqual([
      { kind: 'lstm', inputWidth: 1, units: 32, parameters: 4352 },
      { kind: 'lstm', inputWidth: 32, units: 16, parameters: 3136 },
      { kind: 'dense', inputWidth: 16, units: 16, parameters: 272 },
      { kind: 'dense', inputWidth: 16, units: 1, parameters: 17 },
    ]);
  });
});
