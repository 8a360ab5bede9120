import { describe, expect, it } from 'vitest';
import { relativeScaler } from '../scalers/relativeScaler.js';
import { clampedBand } from './clampedBand.js';
import { multiplicativeBand, symmetricMultiplicativeBand } from './multiplicativeBand.js';

describe('multiplicativeBand', () => {
  it('is last · exp(σ · q) (values from Python math.exp)', () => {
    expect(multiplicativeBand({ last: 100, sigma: 0.04, lowerScaled: -1, upperScaled: 1 })).toEqual(
      {
        lower: 96.07894391523232,
        upper: 104.08107741923882,
      },
    );
  });

  it("inverts the relative scaler's scaleTarget", () => {
    const sigma = 0.0415;
    const scaler = relativeScaler(sigma);
    const window = [1200, 1185.5, 1210.25];
    const band = symmetricMultiplicativeBand({ last: 1210.25, sigma, center: 0.3, halfWidth: 1.2 });
    expect(scaler.scaleTarget(band.lower, window)).toBeCloseTo(0.3 - 1.2, 12);
    expect(scaler.scaleTarget(band.upper, window)).toBeCloseTo(0.3 + 1.2, 12);
  });

  it('stays positive far below and refuses what it cannot represent', () => {
    const wide = symmetricMultiplicativeBand({ last: 5, sigma: 0.05, center: 0, halfWidth: 300 });
    expect(wide.lower).toBeGreaterThan(0);
    expect(Number.isFinite(wide.upper)).toBe(true);
    const infinite = { last: 5, sigma: 0.05, center: 0, halfWidth: Number.POSITIVE_INFINITY };
    expect(() => symmetricMultiplicativeBand(infinite)).toThrow(/halfWidth must be finite/);
    expect(() => symmetricMultiplicativeBand({ ...infinite, halfWidth: 1e6 })).toThrow(
      /not finite and positive/,
    );
    expect(() => symmetricMultiplicativeBand({ ...infinite, halfWidth: -1 })).toThrow(/≥ 0/);
    expect(() => multiplicativeBand({ last: 0, sigma: 1, lowerScaled: 0, upperScaled: 0 })).toThrow(
      /last must be positive/,
    );
    expect(() => multiplicativeBand({ last: 1, sigma: 1, lowerScaled: 1, upperScaled: 0 })).toThrow(
      /exceeds/,
    );
  });
});

describe('clampedBand', () => {
  it('is center ± halfWidth when that stays ≥ 0', () => {
    expect(clampedBand({ center: 300, halfWidth: 50 })).toEqual({
      lower: 250,
      upper: 350,
      clamped: false,
    });
    expect(clampedBand({ center: 50, halfWidth: 50 }).clamped).toBe(false);
  });

  it('raises bounds below 0 to 0 and says so', () => {
    expect(clampedBand({ center: 300, halfWidth: 500 })).toEqual({
      lower: 0,
      upper: 800,
      clamped: true,
    });
    expect(clampedBand({ center: -300, halfWidth: 100 })).toEqual({
      lower: 0,
      upper: 0,
      clamped: true,
    });
  });

  it('refuses a non-finite or negative half-width', () => {
    expect(() => clampedBand({ center: 1, halfWidth: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    expect(() => clampedBand({ center: 1, halfWidth: -1 })).toThrow(/≥ 0/);
    expect(() => clampedBand({ center: Number.NaN, halfWidth: 1 })).toThrow(/center/);
  });
});
