import { describe, expect, it } from 'vitest';
import type { ModelSpec } from './modelSpec.js';
import { outputCount } from './modelSpec.js';
import { assertModelSpec } from './validateSpec.js';

const base: ModelSpec = {
  windowLength: 12,
  recurrent: [{ cell: 'gru', units: 8, returnSequences: false }],
  head: [
    { units: 16, activation: 'relu' },
    { units: 1, activation: 'linear' },
  ],
  protocol: 'relative',
};
const withLast = (units: number, output?: ModelSpec['output']): ModelSpec => ({
  ...base,
  head: [
    { units: 16, activation: 'relu' },
    { units, activation: 'linear' },
  ],
  ...(output === undefined ? {} : { output }),
});

describe('assertModelSpec: the output kind', () => {
  it('takes a point head (output absent or point) of 1 unit and a gaussian head of 2', () => {
    expect(() => assertModelSpec(withLast(1))).not.toThrow();
    expect(() => assertModelSpec(withLast(1, 'point'))).not.toThrow();
    expect(() => assertModelSpec(withLast(2, 'gaussian'))).not.toThrow();
    expect(outputCount(withLast(1))).toBe(1);
    expect(outputCount(withLast(2, 'gaussian'))).toBe(2);
  });

  it('refuses a last layer whose width does not match the output kind', () => {
    expect(() => assertModelSpec(withLast(2))).toThrow(/must have 1 unit for output 'point'/);
    expect(() => assertModelSpec(withLast(1, 'gaussian'))).toThrow(
      /must have 2 units for output 'gaussian'/,
    );
  });

  it('refuses an unknown output kind', () => {
    const spec = { ...withLast(2), output: 'studentT' } as unknown as ModelSpec;
    expect(() => assertModelSpec(spec)).toThrow(/output 'studentT' is unknown/);
  });
});
