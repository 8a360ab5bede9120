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

  it('turns each month’s quantiles into nested bands at the recorded levels', () => {
    // Month 3 of the fixture: forecast 7520, 80% ±(300 + 40), 95% −(500 + 60) / +(600 + 60).
    expect(fan.path[2]).toEqual({
      horizon: 3,
      target: '2026-08-01',
      value: 7520,
      bands: [
        { level: 80, lower: 7180, upper: 7860 },
        { level: 95, lower: 6960, upper: 8180 },
      ],
    });
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
    for (const month of fan.path) {
      expect(month.bands.length).toBeGreaterThanOrEqual(2);
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
