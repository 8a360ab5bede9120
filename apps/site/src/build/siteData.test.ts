import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { buildSiteData } from './siteData.js';

describe('buildSiteData', () => {
  const { manifest, results, intervals } = fixtureRegistry();
  const series = { dates: ['2026-04-01', '2026-05-01'], values: [7000, 7412.55] };
  const data = buildSiteData({ manifest, results, intervals, series });

  it('carries each model’s forecast, predictions and seed RMSEs', () => {
    expect(data.models.map((m) => m.id)).toEqual(manifest.models.map((m) => m.id));
    const lstm = data.models.find((m) => m.id === 'lstm-32@relative');
    expect(lstm?.label).toBe('LSTM(32)');
    expect(lstm?.forecast.value).toBe(7500);
    expect(lstm?.seedRmse).toEqual([119, 122, 121.1]);
  });

  it('gives each model the served method’s one-month test bands and their coverage', () => {
    const lstm = data.models.find((m) => m.id === 'lstm-32@relative');
    expect(lstm?.intervalMethod).toBe('rolling');
    // The fixture's bands: [6500 + t, 7500 + t] at 80%, [6300 + t, 7700 + t] at 95%.
    expect(lstm?.intervals['80']).toEqual([
      [6500, 7500],
      [6501, 7501],
      [6502, 7502],
      [6503, 7503],
    ]);
    expect(lstm?.intervals['95'][3]).toEqual([6303, 7703]);
    // Horizon-1 coverage of the served method: 0.75 at 80%, 1 at 95%.
    expect(lstm?.coverage).toEqual({ '80': 0.75, '95': 1 });
    const reference = data.models.find((m) => m.id === 'lstm-32@reference');
    expect(reference?.intervalMethod).toBe('static');
  });

  it('carries the test period, the series and the baselines', () => {
    expect(data.test.actual).toEqual(results.test.actual);
    expect(data.series).toEqual(series);
    expect(data.split.test).toEqual({
      first: manifest.split.test.firstTarget,
      last: manifest.split.test.lastTarget,
    });
    expect(data.split.fit.first).toBe(manifest.split.fit.firstTarget);
    expect(data.baselines.naive).toEqual({ forecast: 7412.55, rmse: 126.01 });
    expect(data.defaultModel).toBe('lstm-32@relative');
    expect(data.seeds).toEqual([1, 2, 3]);
  });

  it('rounds chart series to 0.01 points', () => {
    const { results: r } = fixtureRegistry();
    const model = r.models[0];
    if (model) model.predictions = [281.90444, 1, 2, 3];
    expect(
      buildSiteData({ manifest, results: r, intervals, series }).models[0]?.predictions[0],
    ).toBe(281.9);
  });
});
