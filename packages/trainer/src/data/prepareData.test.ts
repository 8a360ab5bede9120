import { chronologicalSplit, makeSeriesWindows, nextMonth, validationTail } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import {
  DataError,
  DEFAULT_SPLIT,
  minimumMonths,
  prepareSplit,
  type SplitOptions,
  scalerFor,
} from './prepareData.js';

/** `months` consecutive months from 1950-01, closes 100, 101, … */
function series(months: number, close = (i: number) => 100 + i) {
  const dates: string[] = [];
  let date = '1950-01-01';
  for (let i = 0; i < months; i++) {
    dates.push(date);
    date = nextMonth(date);
  }
  return { dates, values: dates.map((_, i) => close(i)) };
}

describe('minimumMonths', () => {
  it('is 473 for the lesson split: 12 + 277 training + 184 test target months', () => {
    // 277 training windows have a round(0.15 · 277) = 42-month validation tail, whose first half
    // (21 months) holds 21 − 12 + 1 = 10 twelve-month forecasts with their targets: ACI's minimum.
    // 276 would give 41 (20 months: 9 forecasts). Training at 473 and failing at 472 is checked
    // end to end in cli.test.
    expect(minimumMonths(DEFAULT_SPLIT)).toBe(473);
    expect(minimumMonths(DEFAULT_SPLIT, { horizon: 12, calibrationForecasts: 9 })).toBe(460);
  });

  const splitOnly = { horizon: 1, calibrationForecasts: 0 };
  const splits: SplitOptions[] = [
    DEFAULT_SPLIT,
    { windowLength: 3, testSize: 1, validationFraction: 0.5 },
    { windowLength: 12, testSize: 7, validationFraction: 0.9 },
    { windowLength: 24, testSize: 50, validationFraction: 0.01 },
  ];

  it.each(splits)('asking only for the split, is the shortest series core cuts (%o)', (options) => {
    const cut = (months: number) => {
      const windows = makeSeriesWindows(series(months), options.windowLength);
      const { train } = chronologicalSplit(windows, { testSize: options.testSize });
      return validationTail(train, { fraction: options.validationFraction });
    };
    const needed = minimumMonths(options, splitOnly);
    expect(cut(needed).fit.targets.length).toBeGreaterThanOrEqual(1);
    expect(() => cut(needed - 1)).toThrow(RangeError);
  });
});

describe('prepareSplit', () => {
  it('says how many months a too-short series has and how many are needed', () => {
    expect(() => prepareSplit(series(20))).toThrow(
      'the series has 20 months, too few: at least 473 are needed — 12 for the first input window, then 277 training and 184 test target months (the training months end with a 42-month validation tail, whose first half must calibrate 12-month intervals on at least 10 forecasts)',
    );
  });
});

describe('scalerFor', () => {
  it('refuses a constant series for the relative protocol as a data error', () => {
    const split = prepareSplit(series(500, () => 42));
    expect(() => scalerFor('relative', split)).toThrow(DataError);
    expect(() => scalerFor('relative', split)).toThrow(/relative protocol's scaler/);
    expect(scalerFor('reference', split).params).toEqual({ kind: 'identity' });
  });
});
