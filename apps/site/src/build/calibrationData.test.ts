import { REPORT_LEVELS } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { calibrationData } from './calibrationData.js';

describe('calibrationData', () => {
  const { manifest, intervals } = fixtureRegistry();
  const calibration = calibrationData(manifest, intervals);

  it('has every report level, and a series per model and per baseline', () => {
    expect(calibration.levels).toEqual([...REPORT_LEVELS]);
    expect(calibration.series.map((s) => s.id)).toEqual([
      ...manifest.models.map((m) => m.id),
      'naive',
      'drift',
      'ar1',
      'naiveEwma',
    ]);
    expect(calibration.series[0]).toMatchObject({
      label: 'SimpleRNN(32), reference',
      kind: 'model',
      method: 'static split-conformal',
    });
    expect(calibration.series.at(-1)).toMatchObject({
      label: 'Naive + EWMA volatility',
      kind: 'baseline',
      method: 'Gaussian, EWMA volatility',
    });
  });

  it('reads observed coverage at each level, one month ahead and pooled', () => {
    // Fixture: h1 = nominal + 0.02 (at most 1), pooled = nominal − 0.03.
    const series = calibration.series[5];
    expect(series?.horizon1.map((v) => Math.round(v * 100))).toEqual([52, 62, 72, 82, 92, 97, 100]);
    expect(series?.pooled.map((v) => Math.round(v * 100))).toEqual([47, 57, 67, 77, 87, 92, 96]);
  });

  it('refuses a forecaster without a report level', () => {
    const { manifest: m, intervals: i } = fixtureRegistry();
    i.baselines[0]?.calibration.pop();
    expect(() => calibrationData(m, i)).toThrow(/naive: no calibration point at 99%/);
  });
});
