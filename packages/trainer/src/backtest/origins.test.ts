import { readFileSync } from 'node:fs';
import { type MonthlySeries, nextMonth, parseMonthlyCsv } from '@gatecast/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_CSV } from '../testing/paths.js';
import {
  type BacktestOrigin,
  backtestOrigins,
  DEFAULT_ORIGIN_YEARS,
  scoredOrigins,
  windowEndingAt,
} from './origins.js';

const series = parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8'));
const options = {
  years: DEFAULT_ORIGIN_YEARS,
  windowLength: 12,
  validationFraction: 0.15,
};

/** Every series index an origin's fit touches: each window's 12 input months and its target. */
function fittedMonths(origin: BacktestOrigin, windowLength: number): number[] {
  const months: number[] = [];
  for (const part of [origin.fit, origin.validation]) {
    for (const target of part.targetIndices) {
      for (let m = target - windowLength; m <= target; m++) months.push(m);
    }
  }
  return months;
}

/** A synthetic monthly series starting in January of `startYear`. */
function syntheticSeries(startYear: number, months: number): MonthlySeries {
  const dates: string[] = [`${startYear}-01-01`];
  while (dates.length < months) dates.push(nextMonth(dates.at(-1) as string));
  return { dates, values: dates.map((_, i) => 100 + i) };
}

describe('backtestOrigins on the committed series', () => {
  const origins = backtestOrigins(series, options);

  it('puts an origin at every January 2011 .. 2026', () => {
    expect(origins.map((o) => o.origin)).toEqual(
      Array.from({ length: 16 }, (_, i) => `${2011 + i}-01-01`),
    );
  });

  it('fits each origin on every month before it and on none at or after it', () => {
    for (const origin of origins) {
      const months = fittedMonths(origin, 12);
      expect(Math.max(...months)).toBe(origin.originIndex - 1);
      expect(Math.min(...months)).toBe(0);
      expect(origin.validation.targetDates?.at(-1)).toBe(series.dates[origin.originIndex - 1]);
    }
  });

  it('keeps the last 15% of those windows as the validation tail, after the fitted ones', () => {
    const first = origins[0] as BacktestOrigin;
    // 2011-01 is month 732 of the series: 720 windows, 108 validation (targets 2002-01 .. 2010-12).
    expect(first.originIndex).toBe(732);
    expect(first.train.targets).toHaveLength(720);
    expect(first.validation.targets).toHaveLength(108);
    expect(first.fit.targets).toHaveLength(612);
    expect(first.validation.targetDates?.[0]).toBe('2002-01-01');
    for (const origin of origins) {
      const n = origin.train.targets.length;
      expect(origin.validation.targets.length).toBe(Math.round(n * 0.15));
      expect(origin.fit.targetIndices.at(-1)).toBe(
        (origin.validation.targetIndices[0] as number) - 1,
      );
    }
  });

  it("forecasts from the fit's last month up to the month before the next origin's", () => {
    const targets = origins.flatMap((o) =>
      scoredOrigins(o, 1, series.dates.length).map((s) => s + 1),
    );
    // One-month-ahead targets tile 2011-01 .. 2026-05 once each, 12 per full year.
    expect(targets.map((t) => series.dates[t])[0]).toBe('2011-01-01');
    expect(targets.at(-1)).toBe(series.dates.length - 1);
    expect(targets).toEqual(Array.from({ length: targets.length }, (_, i) => 732 + i));
    expect(targets).toHaveLength(185);
    for (const origin of origins.slice(0, -1)) {
      expect(origin.block.last - origin.block.first + 1).toBe(12);
      expect(series.dates[origin.block.first]).toBe(series.dates[origin.originIndex - 1]);
    }
  });

  it("truncates the last origin's block at the data end, and every block's long horizons", () => {
    const last = origins.at(-1) as BacktestOrigin;
    const n = series.dates.length;
    expect(series.dates[last.block.first]).toBe('2025-12-01');
    expect(series.dates[last.block.last]).toBe('2026-04-01');
    expect(scoredOrigins(last, 1, n)).toHaveLength(5);
    expect(scoredOrigins(last, 5, n)).toHaveLength(1);
    expect(scoredOrigins(last, 6, n)).toHaveLength(0);
    const previous = origins.at(-2) as BacktestOrigin;
    // 2025's forecasts 12 months ahead: from 2024-12 .. 2025-05, targets up to 2026-05.
    expect(scoredOrigins(previous, 12, n).map((s) => series.dates[s])).toEqual([
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
      '2025-05-01',
    ]);
    expect(scoredOrigins(origins[0] as BacktestOrigin, 12, n)).toHaveLength(12);
  });

  it('reads a forecast window from the closes up to its origin only', () => {
    const s = (origins[0] as BacktestOrigin).block.first;
    expect(windowEndingAt(series, s, 12)).toEqual(series.values.slice(s - 11, s + 1));
    expect(() => windowEndingAt(series, 5, 12)).toThrow(RangeError);
  });

  it('refuses origins outside the series, out of order, or too early to fit', () => {
    expect(() => backtestOrigins(series, { ...options, years: [1949] })).toThrow(/not a month/);
    expect(() => backtestOrigins(series, { ...options, years: [2012, 2011] })).toThrow(/increase/);
    expect(() => backtestOrigins(series, { ...options, years: [1951] })).toThrow(/windows/);
  });
});

describe('backtestOrigins on any series', () => {
  it('never fits a month at or after its origin, and the blocks tile the forecast origins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 40, max: 300 }),
        fc.uniqueArray(fc.integer({ min: 3, max: 24 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 12 }),
        (startYear, months, offsets, horizon) => {
          const s = syntheticSeries(startYear, months);
          const lastYear = Number((s.dates.at(-1) as string).slice(0, 4));
          const years = [...offsets]
            .sort((a, b) => a - b)
            .map((o) => startYear + o)
            .filter((y) => y <= lastYear && `${y}-01-01` < (s.dates.at(-1) as string));
          fc.pre(years.length > 0);
          const origins = backtestOrigins(s, { ...options, years });
          let expectedFirst = (origins[0] as BacktestOrigin).originIndex - 1;
          for (const origin of origins) {
            expect(Math.max(...fittedMonths(origin, 12))).toBe(origin.originIndex - 1);
            expect(origin.block.first).toBe(expectedFirst);
            expectedFirst = origin.block.last + 1;
            for (const o of scoredOrigins(origin, horizon, months)) {
              expect(o).toBeGreaterThanOrEqual(origin.originIndex - 1);
              expect(o + horizon).toBeLessThan(months);
            }
          }
          expect((origins.at(-1) as BacktestOrigin).block.last).toBe(months - 2);
        },
      ),
      { numRuns: 200 },
    );
  });
});
