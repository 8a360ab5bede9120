import { describe, expect, it } from 'vitest';
import { parseCompare } from './liveForecasts.js';

describe('parseCompare', () => {
  // The shape apps/edge-api documents for GET /v1/compare (CompareResponseSchema).
  const body = {
    asOf: '2026-05-01',
    target: '2026-06-01',
    unit: 'points',
    engine: 'wasm',
    forecasts: [
      {
        id: 'lstm-32@relative',
        kind: 'model',
        forecast: 7554.2,
        intervals: { '80': [7195.7, 7930.7], '95': null },
        testRmse: 120.1,
      },
      { id: 'naive', kind: 'baseline', forecast: 7412.55, intervals: null, testRmse: 126 },
      { id: 'drift', kind: 'baseline', forecast: 7456.53, intervals: null, testRmse: 121.2 },
      {
        id: 'ar1',
        kind: 'baseline',
        forecast: 7450.1,
        intervals: { '80': [7100, 7800], '95': [6900, 8050] },
        testRmse: 119.99,
      },
      { id: 'broken', kind: 'model', forecast: 'n/a', intervals: null, testRmse: 0 },
    ],
  };

  it('reads model forecasts, intervals and the baselines', () => {
    const live = parseCompare(body);
    expect(live.engine).toBe('wasm');
    expect(live.target).toBe('2026-06-01');
    expect(live.models.get('lstm-32@relative')).toEqual({
      forecast: 7554.2,
      intervals: { '80': [7195.7, 7930.7], '95': [null, null] },
    });
    expect(live.baselines.get('naive')).toEqual({ forecast: 7412.55, intervals: {} });
    expect(live.baselines.get('drift')?.forecast).toBe(7456.53);
    expect(live.baselines.get('ar1')).toEqual({
      forecast: 7450.1,
      intervals: { '80': [7100, 7800], '95': [6900, 8050] },
    });
  });

  it('skips rows it cannot read and survives a body of another shape', () => {
    expect(parseCompare(body).models.has('broken')).toBe(false);
    expect(parseCompare('nope').models.size).toBe(0);
    expect(parseCompare({ forecasts: 'x' }).baselines.size).toBe(0);
  });
});
