import { describe, expect, it } from 'vitest';
import { parseWindowText, stretchEnding } from './parseWindow.js';

describe('parseWindowText', () => {
  it('reads numbers separated by commas, semicolons, spaces and new lines', () => {
    expect(parseWindowText(' 4800.5, 4900;5000\n5100\t1e3 ')).toEqual({
      ok: true,
      values: [4800.5, 4900, 5000, 5100, 1000],
    });
  });
  it('leaves counts and ranges to the API', () => {
    expect(parseWindowText('-5, 0')).toEqual({ ok: true, values: [-5, 0] });
  });
  it('names the first entry that is not a number', () => {
    expect(parseWindowText('4800, abc, 12')).toEqual({
      ok: false,
      message: '“abc” is not a number.',
    });
    expect(parseWindowText('Infinity')).toMatchObject({ ok: false });
  });
  it('asks for input when there is none', () => {
    expect(parseWindowText(' \n ')).toEqual({
      ok: false,
      message: 'Enter the monthly levels first.',
    });
  });
});

describe('stretchEnding', () => {
  const series = {
    dates: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'],
    values: [1, 2, 3, 4],
  };
  it('returns the months up to and including the end month, and the month after', () => {
    expect(stretchEnding(series, '2026-03', 2)).toEqual({
      dates: ['2026-02-01', '2026-03-01'],
      values: [2, 3],
      next: { date: '2026-04-01', value: 4 },
    });
    expect(stretchEnding(series, '2026-04', 4)?.next).toBeUndefined();
  });
  it('gives nothing when the series does not hold the whole stretch', () => {
    expect(stretchEnding(series, '2026-01', 2)).toBeUndefined();
    expect(stretchEnding(series, '2030-01', 2)).toBeUndefined();
  });
});
