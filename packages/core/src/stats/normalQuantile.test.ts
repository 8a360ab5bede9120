import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normalQuantile.js';

// scipy.stats.norm.ppf, printed by reference/compute_interval_reference.py; the three regions
// of AS 241 are |p − 0.5| ≤ 0.425, then r = √(−ln min(p, 1−p)) ≤ 5, then beyond.
const scipy = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-12, -7.034483825301131],
  [1e-5, -4.264890793922825],
  [0.01, -2.3263478740408408],
  [0.025, -1.9599639845400545],
  [0.05, -1.6448536269514729],
  [0.075, -1.4395314709384563],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.7, 0.5244005127080407],
  [0.9, 1.2815515655446004],
  [0.925, 1.4395314709384563],
  [0.975, 1.959963984540054],
  [0.995, 2.5758293035489004],
  [0.9999999999, 6.361340889697422],
] as const;

describe('normalQuantile', () => {
  it.each(scipy)('Φ⁻¹(%s) matches scipy to 1e-14 relative', (p, z) => {
    const got = normalQuantile(p);
    if (z === 0) expect(got).toBe(0);
    else expect(Math.abs(got / z - 1)).toBeLessThan(1e-14);
  });

  it('is ∓Infinity at 0 and 1, odd about 0.5, and refuses p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 15);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
