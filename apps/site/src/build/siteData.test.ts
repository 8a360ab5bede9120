import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { buildSiteData } from './siteData.js';

describe('buildSiteData', () => {
  const { manifest, results } = fixtureRegistry();
  const series = { dates: ['2026-04-01', '2026-05-01'], values: [7000, 7412.55] };
  const data = buildSiteData({ manifest, results, series });

  it('carries each model’s forecast, predictions, intervals and seed RMSEs', () => {
    expect(data.models.map((m) => m.id)).toEqual(manifest.models.map((m) => m.id));
    const lstm = data.models.find((m) => m.id === 'lstm-32@relative');
    expect(lstm?.label).toBe('LSTM(32)');
    expect(lstm?.forecast.value).toBe(7500);
    expect(lstm?.seedRmse).toEqual([119, 122, 121.1]);
    expect(lstm?.intervals['95'][0]).toEqual([null, null]);
    expect(lstm?.coverage).toEqual({ '80': 0.8, '95': 0.95 });
  });

  it('carries the test period, the series and the baselines', () => {
    expect(data.test.actual).toEqual(results.test.actual);
    expect(data.series).toEqual(series);
    expect(data.baselines.naive).toEqual({ forecast: 7412.55, rmse: 126.01 });
    expect(data.defaultModel).toBe('lstm-32@relative');
    expect(data.seeds).toEqual([1, 2, 3]);
  });

  it('rounds chart series to 0.01 points', () => {
    const { results: r } = fixtureRegistry();
    const model = r.models[0];
    if (model) model.predictions = [281.90444, 1, 2, 3];
    expect(buildSiteData({ manifest, results: r, series }).models[0]?.predictions[0]).toBe(281.9);
  });
});
