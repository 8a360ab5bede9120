import { outputCount, parameterCount } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import {
  configsByName,
  modelId,
  NLL_CONFIGS,
  REFERENCE_CONFIGS,
  specFor,
  TRAINING_CONFIGS,
  trainsUnder,
} from './configs.js';

describe('training configs', () => {
  it('adds a relative-only learned-scale variant of each gated config', () => {
    expect(NLL_CONFIGS.map((c) => c.name)).toEqual([
      'gru-32-nll',
      'lstm-32-nll',
      'gru-8-nll',
      'lstm-32-16-nll',
    ]);
    expect(TRAINING_CONFIGS).toEqual([...REFERENCE_CONFIGS, ...NLL_CONFIGS]);
    for (const config of NLL_CONFIGS) {
      expect(trainsUnder(config, 'relative')).toBe(true);
      expect(trainsUnder(config, 'reference')).toBe(false);
      expect(() => specFor(config, 'reference')).toThrow(/relative only, not reference/);
    }
    for (const config of REFERENCE_CONFIGS) {
      expect(trainsUnder(config, 'reference') && trainsUnder(config, 'relative')).toBe(true);
    }
  });

  it('gives an nll variant its twin’s recurrent stack with a [μ, ρ] head', () => {
    const [point, nll] = configsByName(['lstm-32-16', 'lstm-32-16-nll']);
    if (!point || !nll) throw new Error('configs missing');
    const pointSpec = specFor(point, 'relative');
    const nllSpec = specFor(nll, 'relative');
    expect(nllSpec.output).toBe('gaussian');
    expect(outputCount(nllSpec)).toBe(2);
    expect(nllSpec.recurrent).toEqual(pointSpec.recurrent);
    expect(nllSpec.head.at(-1)).toEqual({ units: 2, activation: 'linear' });
    // Point specs keep their registry form: no output field.
    expect('output' in pointSpec).toBe(false);
    // Dense(2) after Dense(16): 17 parameters more than the twin.
    expect(parameterCount(nllSpec) - parameterCount(pointSpec)).toBe(17);
    expect(modelId(nll, 'relative')).toBe('lstm-32-16-nll@relative');
  });

  it('names every known config when one is unknown', () => {
    expect(() => configsByName(['gru-64-nll'])).toThrow(/known: simplernn-32, .*lstm-32-16-nll/);
  });
});
