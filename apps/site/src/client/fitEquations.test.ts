import { describe, expect, it } from 'vitest';
import { MIN_MATH_SCALE, mathScale } from './fitEquations.js';

describe('mathScale', () => {
  it('shrinks content to the width available, less a pixel of slack', () => {
    expect(mathScale(404, 358)).toBeCloseTo(357 / 404, 12);
    expect(mathScale(404, 358) * 404).toBeLessThan(358);
  });
  it('never enlarges, and stops at the smallest readable size', () => {
    expect(mathScale(300, 358)).toBe(1);
    expect(mathScale(1000, 100)).toBe(MIN_MATH_SCALE);
  });
  it('leaves content it cannot measure at full size', () => {
    expect(mathScale(0, 358)).toBe(1);
    expect(mathScale(Number.NaN, 358)).toBe(1);
    expect(mathScale(404, 0)).toBe(1);
  });
});
