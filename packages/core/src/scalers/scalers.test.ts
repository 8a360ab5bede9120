import { describe, expect, it } from 'vitest';
import { makeWindows } from '../windows/makeWindows.js';
import { fitScaler, scalerFromParams, valuesCovered } from './fitScaler.js';
import { identityScaler } from './identityScaler.js';
import { fitLogReturnStd, relativeScaler } from './relativeScaler.js';

describe('identityScaler', () => {
  it('leaves levels as they are', () => {
    const scaler = identityScaler();
    expect(scaler.scaleWindow([1, 2, 3])).toEqual([1, 2, 3]);
    expect(scaler.scaleTarget(4, [1, 2, 3])).toBe(4);
    expect(scaler.unscaleTarget(4, [1, 2, 3])).toBe(4);
  });
});

describe('fitLogReturnStd', () => {
  it('matches numpy.std(np.diff(np.log(v)), ddof=1)', () => {
    // python3 -c "import numpy as np; print(np.std(np.diff(np.log([100,110,99,120.5,118])),ddof=1))"
    expect(fitLogReturnStd([100, 110, 99, 120.5, 118])).toBeCloseTo(0.13216107672393224, 14);
  });

  it('rejects too few or non-positive values', () => {
    expect(() => fitLogReturnStd([1, 2])).toThrow(RangeError);
    expect(() => fitLogReturnStd([1, 0, 2])).toThrow(RangeError);
  });
});

describe('relativeScaler', () => {
  const scaler = relativeScaler(0.05);
  const window = [100, 102, 98, 104];

  it('anchors on the last value in units of σ', () => {
    const scaled = scaler.scaleWindow(window);
    expect(scaled[3]).toBe(0);
    expect(scaled[0]).toBeCloseTo(Math.log(100 / 104) / 0.05, 12);
    expect(scaler.scaleTarget(104 * Math.exp(0.05), window)).toBeCloseTo(1, 12);
  });

  it('round-trips targets back to index points', () => {
    for (const target of [1, 50, 104, 2000.25]) {
      const scaled = scaler.scaleTarget(target, window);
      expect(scaler.unscaleTarget(scaled, window)).toBeCloseTo(target, 9);
    }
  });

  it('rejects a non-positive σ', () => {
    expect(() => relativeScaler(0)).toThrow(RangeError);
    expect(() => relativeScaler(Number.NaN)).toThrow(RangeError);
  });
});

describe('fitScaler', () => {
  const windows = makeWindows([100, 110, 99, 120.5, 118, 130], 2);

  it('fits σ on the values the training windows cover', () => {
    expect(valuesCovered(windows)).toEqual([100, 110, 99, 120.5, 118, 130]);
    const scaler = fitScaler('relative', windows);
    expect(scaler.params).toEqual({
      kind: 'relative',
      logReturnStd: fitLogReturnStd([100, 110, 99, 120.5, 118, 130]),
    });
  });

  it('serializes and rebuilds an identical scaler', () => {
    for (const kind of ['identity', 'relative'] as const) {
      const scaler = fitScaler(kind, windows);
      const rebuilt = scalerFromParams(JSON.parse(JSON.stringify(scaler.params)));
      expect(rebuilt.params).toEqual(scaler.params);
      expect(rebuilt.scaleWindow([100, 110])).toEqual(scaler.scaleWindow([100, 110]));
      expect(rebuilt.unscaleTarget(0.3, [100, 110])).toBe(scaler.unscaleTarget(0.3, [100, 110]));
    }
  });

  it('refuses an unknown kind', () => {
    expect(() => scalerFromParams({ kind: 'minmax' } as never)).toThrow(/unknown scaler kind/);
  });
});
