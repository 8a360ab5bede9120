import { describe, expect, it } from 'vitest';
import { loadReferenceSeries } from '../testing/referenceSeries.js';
import { lastValues, makeSeriesWindows, makeWindows } from './makeWindows.js';
import { chronologicalSplit, validationTail } from './splits.js';

describe('makeWindows', () => {
  it('pairs each window with the value after it', () => {
    const windows = makeWindows([1, 2, 3, 4, 5], 3);
    expect(windows.inputs).toEqual([
      [1, 2, 3],
      [2, 3, 4],
    ]);
    expect(windows.targets).toEqual([4, 5]);
    expect(windows.targetIndices).toEqual([3, 4]);
    expect(lastValues(windows)).toEqual([3, 4]);
  });

  it('rejects a bad length or a series too short', () => {
    expect(() => makeWindows([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => makeWindows([1, 2, 3], 1.5)).toThrow(RangeError);
    expect(() => makeWindows([1, 2, 3], 3)).toThrow(/no window of 3/);
  });

  it('gives the reference protocol its 905 windows of 12 months', () => {
    const series = loadReferenceSeries();
    const windows = makeSeriesWindows(series, 12);
    expect(windows.inputs).toHaveLength(905);
    expect(windows.inputs.every((w) => w.length === 12)).toBe(true);
    expect(windows.targetDates?.[0]).toBe('1951-01-01');
    expect(windows.inputs[0]).toEqual(series.values.slice(0, 12));
    expect(windows.targets[904]).toBe(7412.55);
  });
});

describe('chronologicalSplit', () => {
  const windows = makeSeriesWindows(loadReferenceSeries(), 12);
  const { train, test } = chronologicalSplit(windows, { testSize: 184 });

  it('keeps the last 184 windows for test, 2011-02 .. 2026-05', () => {
    expect(train.targets).toHaveLength(721);
    expect(test.targets).toHaveLength(184);
    expect(test.targetDates?.[0]).toBe('2011-02-01');
    expect(test.targetDates?.at(-1)).toBe('2026-05-01');
    expect(train.targetDates?.at(-1)).toBe('2011-01-01');
  });

  it('rejects a test size that leaves nothing on one side', () => {
    expect(() => chronologicalSplit(windows, { testSize: 0 })).toThrow(RangeError);
    expect(() => chronologicalSplit(windows, { testSize: 905 })).toThrow(RangeError);
  });

  it('carves a validation tail after every fitting window', () => {
    const { fit, validation } = validationTail(train, { fraction: 0.15 });
    expect(fit.targets).toHaveLength(613);
    expect(validation.targets).toHaveLength(108);
    expect(validation.targetDates?.[0]).toBe('2002-02-01');
    expect(validation.targetDates?.at(-1)).toBe('2011-01-01');
    expect(fit.targetDates?.at(-1)).toBe('2002-01-01');
    expect(() => validationTail(train, { fraction: 1 })).toThrow(RangeError);
  });
});
