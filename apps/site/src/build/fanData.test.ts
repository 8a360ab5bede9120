import { MAX_HORIZON } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { DATA_FILE, HAVE_REGISTRY, REGISTRY_DIR } from '../testing/paths.js';
import { FAN_HISTORY_MONTHS, fanData } from './fanData.js';
import { readSiteInputs } from './readRegistry.js';

describe('fanData', () => {
  const { manifest } = fixtureRegistry();
  const fan = fanData(manifest);

  it('takes the default model’s path from the series’ end, with its served method', () => {
    expect(fan).toMatchObject({
      model: 'lstm-32@relative',
      label: 'LSTM(32)',
      method: 'rolling',
      asOf: '2026-05-01',
      historyMonths: FAN_HISTORY_MONTHS,
    });
    expect(fan.path.map((m) => m.horizon)).toEqual(
      Array.from({ length: MAX_HORIZON }, (_, i) => i + 1),
    );
    expect(fan.path[0]?.target).toBe('2026-06-01');
    expect(fan.path.at(-1)?.target).toBe('2027-05-01');
  });

  it('gives each month 50/80/95 bands from the model’s calibration', () => {
    // The fixture's relative calibration: bands ŷ·exp(∓0.10√h), ŷ·exp(∓0.16√h), ŷ·exp(∓0.19√h);
    // month 3 forecasts 7520.
    const month = fan.path[2];
    expect(month?.value).toBe(7520);
    expect(month?.bands.map((b) => b.level)).toEqual([50, 80, 95]);
    for (const [i, q] of [0.1, 0.16, 0.19].entries()) {
      expect(month?.bands[i]?.lower).toBeCloseTo(7520 * Math.exp(-q * Math.sqrt(3)), 6);
      expect(month?.bands[i]?.upper).toBeCloseTo(7520 * Math.exp(q * Math.sqrt(3)), 6);
    }
  });

  it('refuses a path its calibration does not reproduce', () => {
    const { manifest: m } = fixtureRegistry();
    const model = m.models.find((x) => x.id === m.defaultModel);
    const month = model?.forecast.path[4];
    if (!month) throw new Error('fixture path too short');
    month.quantiles['0.9'] = (month.quantiles['0.9'] ?? 0) + 1;
    expect(() => fanData(m)).toThrow(/quantile 0\.9 of 2026-10-01/);
  });

  it('keeps the recorded levels for a learned-scale model (its path scales are not kept)', () => {
    const { manifest: m } = fixtureRegistry();
    const model = m.models.find((x) => x.id === m.defaultModel);
    if (!model) throw new Error('no default model');
    model.calibration = { ...model.calibration, method: 'learnedScale' };
    const recorded = fanData(m);
    expect(recorded.path[0]?.bands.map((b) => b.level)).toEqual([80, 95]);
    expect(recorded.path[0]?.bands[0]?.upper).toBe(model.forecast.path[0]?.quantiles['0.9']);
  });

  it('refuses a default model without a path', () => {
    const { manifest: m } = fixtureRegistry();
    const model = m.models.find((x) => x.id === m.defaultModel);
    if (model) model.forecast.path = [];
    expect(() => fanData(m)).toThrow(/empty forecast path/);
  });
});

describe.skipIf(!HAVE_REGISTRY)('fanData on the committed registry', () => {
  it('has 12 months, each band inside the next wider one and around the forecast', () => {
    const { manifest } = readSiteInputs({ registryDir: REGISTRY_DIR, dataFile: DATA_FILE });
    const fan = fanData(manifest);
    expect(fan.path).toHaveLength(MAX_HORIZON);
    const model = manifest.models.find((m) => m.id === manifest.defaultModel);
    // A learned-scale model keeps the path's recorded levels (its path scales are not stored).
    const levels = model?.calibration.method === 'learnedScale' ? [80, 95] : [50, 80, 95];
    for (const month of fan.path) {
      expect(month.bands.map((b) => b.level)).toEqual(levels);
      for (const [i, band] of month.bands.entries()) {
        expect(band.lower).toBeGreaterThan(0);
        expect(band.lower).toBeLessThanOrEqual(month.value);
        expect(band.upper).toBeGreaterThanOrEqual(month.value);
        const wider = month.bands[i + 1];
        if (wider) {
          expect(wider.lower).toBeLessThanOrEqual(band.lower);
          expect(wider.upper).toBeGreaterThanOrEqual(band.upper);
        }
      }
    }
  });
});
