import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextMonth } from '../series/monthlySeries.js';
import { CsvError, parseMonthlyCsv } from './parseMonthlyCsv.js';

/** A valid monthly series: a start month and positive, finite closes. */
const validSeries = fc.record({
  year: fc.integer({ min: 1900, max: 2100 }),
  month: fc.integer({ min: 1, max: 12 }),
  closes: fc.array(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), {
    minLength: 1,
    maxLength: 40,
  }),
});

function toCsv(series: { year: number; month: number; closes: number[] }) {
  let date = `${series.year}-${String(series.month).padStart(2, '0')}-01`;
  const dates: string[] = [];
  for (const _ of series.closes) {
    dates.push(date);
    date = nextMonth(date);
  }
  const rows = series.closes.map((c, i) => `${dates[i]},${c}`);
  return { text: `date,close\n${rows.join('\n')}\n`, dates };
}

describe('parseMonthlyCsv under generated input', () => {
  it('throws nothing but a CsvError naming a line of the input, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          parseMonthlyCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          const { line } = error as CsvError;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(text.split(/\r?\n/).length + 1);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('round-trips any valid series', () => {
    fc.assert(
      fc.property(validSeries, (series) => {
        const { text, dates } = toCsv(series);
        expect(parseMonthlyCsv(text)).toEqual({ dates, values: series.closes });
      }),
      { numRuns: 2_000 },
    );
  });

  it('names exactly the line of a corrupted close', () => {
    const junk = fc.oneof(
      fc.constantFrom('NaN', 'Infinity', '-1', '0', '', 'abc', '1e999', '12,5'),
      fc
        .string({ maxLength: 8 })
        .filter((s) => !/^\s*[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)),
    );
    fc.assert(
      fc.property(validSeries, fc.nat(), junk, (series, at, bad) => {
        const { text } = toCsv(series);
        const lines = text.split('\n');
        const row = 1 + (at % series.closes.length);
        lines[row] = `${lines[row]?.split(',')[0]},${bad}`;
        try {
          parseMonthlyCsv(lines.join('\n'));
          return bad.trim() !== '' && Number(bad) > 0; // only a positive number could pass
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
          expect((error as CsvError).line).toBe(row + 1);
          return true;
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
