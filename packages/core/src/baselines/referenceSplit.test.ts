import { describe, expect, it } from 'vitest';
import { mae, rmse } from '../metrics/index.js';
import { loadReferenceSeries } from '../testing/referenceSeries.js';
import { lastValues, makeSeriesWindows } from '../windows/makeWindows.js';
import { chronologicalSplit } from '../windows/splits.js';
import { naiveForecast } from './naiveForecast.js';

describe('naive baseline on the reference split', () => {
  it('scores RMSE 126.01 and MAE 85.96 points on the 184 test windows (docs/lesson.md, baselines)', () => {
    const { test } = chronologicalSplit(makeSeriesWindows(loadReferenceSeries(), 12), {
      testSize: 184,
    });
    const predictions = naiveForecast(test.inputs);
    expect(predictions).toEqual(lastValues(test));
    expect(rmse(test.targets, predictions)).toBeCloseTo(126.01, 2);
    expect(mae(test.targets, predictions)).toBeCloseTo(85.96, 2);
  });
});
