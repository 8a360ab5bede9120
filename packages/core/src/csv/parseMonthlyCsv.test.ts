import { describe, expect, it } from 'vitest';
import { loadReferenceSeries } from '../testing/referenceSeries.js';
import { CSV_EXCERPT_LENGTH, CsvError, parseMonthlyCsv, quoteExcerpt } from './parseMonthlyCsv.js';

const ok = 'date,close\n1950-01-01,16.88\n1950-02-01,17.21\n1950-03-01,17.35\n';

function errorOf(text: string): CsvError {
  try {
    parseMonthlyCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error('expected a CsvError');
}

describe('parseMonthlyCsv', () => {
  it('parses dates and closes in order', () => {
    expect(parseMonthlyCsv(ok)).toEqual({
      dates: ['1950-01-01', '1950-02-01', '1950-03-01'],
      values: [16.88, 17.21, 17.35],
    });
  });

  it('accepts CRLF line endings, a BOM and trailing blank lines', () => {
    const text = `\uFEFF${ok.replaceAll('\n', '\r\n')}\r\n\r\n`;
    expect(parseMonthlyCsv(text).values).toEqual([16.88, 17.21, 17.35]);
  });

  it('reads the reference file as its data README describes it', () => {
    const series = loadReferenceSeries();
    expect(series.values).toHaveLength(917);
    expect(series.dates[0]).toBe('1950-01-01');
    expect(series.dates.at(-1)).toBe('2026-05-01');
    expect(Math.min(...series.values)).toBe(16.88);
    expect(Math.max(...series.values)).toBe(7412.55);
  });

  // Each bad input, the line the error must name, and words the message must contain.
  const cases: [string, string, number, RegExp][] = [
    ['empty file', '', 1, /empty/],
    ['only blank lines', '\n\n', 1, /empty/],
    ['missing header', '1950-01-01,16.88\n', 1, /header/],
    ['wrong header', 'month,value\n1950-01-01,16.88\n', 1, /header "date,close"/],
    ['header only', 'date,close\n', 2, /no data rows/],
    ['too many fields', 'date,close\n1950-01-01,16.88,3\n', 2, /2 fields/],
    ['unparsable date', 'date,close\n1950-01-01,1\n01/02/1950,2\n', 3, /unparsable date/],
    ['impossible month', 'date,close\n1950-13-01,1\n', 2, /unparsable date/],
    ['date not on the 1st', 'date,close\n1950-01-01,1\n1950-02-15,2\n', 3, /first of the month/],
    [
      'duplicate month',
      'date,close\n1950-01-01,1\n1950-01-01,2\n',
      3,
      /duplicate month 1950-01-01/,
    ],
    [
      'out-of-order month',
      'date,close\n1950-02-01,1\n1950-01-01,2\n',
      3,
      /out of order \(after 1950-02-01\)/,
    ],
    [
      'missing month',
      'date,close\n1950-01-01,1\n1950-02-01,2\n1950-04-01,3\n',
      4,
      /missing month.*1950-02-01 and 1950-04-01/,
    ],
    ['non-numeric close', 'date,close\n1950-01-01,abc\n', 2, /"abc" is not a number/],
    ['partly numeric close', 'date,close\n1950-01-01,12x\n', 2, /not a number/],
    ['empty close', 'date,close\n1950-01-01,\n', 2, /close is empty/],
    ['NaN close', 'date,close\n1950-01-01,NaN\n', 2, /not finite/],
    ['Infinity close', 'date,close\n1950-01-01,1\n1950-02-01,-Infinity\n', 3, /not finite/],
    ['overflowing close', 'date,close\n1950-01-01,1e999\n', 2, /not finite/],
    ['zero close', 'date,close\n1950-01-01,0\n', 2, /not positive/],
    ['negative close', 'date,close\n1950-01-01,5\n1950-02-01,-3.5\n', 3, /not positive/],
  ];

  it.each(cases)('rejects %s, naming the line', (_name, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    expect(error.message).toMatch(message);
  });

  // A huge line wherever an error quotes the input: the message names the line and quotes at
  // most CSV_EXCERPT_LENGTH characters of it.
  const huge = 'x'.repeat(1_000_000);
  const hugeCases: [string, string, number][] = [
    ['a one-line file', huge, 1],
    ['a long header', `date,close${huge}\n1950-01-01,1\n`, 1],
    ['a long row', `date,close\n1950-01-01,1\n1950-02-01,2,${huge}\n`, 3],
    ['a long date', `date,close\n${huge},1\n`, 2],
    ['a long close', `date,close\n1950-01-01,1${huge}\n`, 2],
  ];

  it.each(hugeCases)('quotes at most 200 characters of %s', (_name, text, line) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    expect(error.message).toMatch(/…" \(\d+ characters\)/);
    expect(error.message.length).toBeLessThan(CSV_EXCERPT_LENGTH + 120);
  });
});

describe('quoteExcerpt', () => {
  it('quotes short text whole, escaping control characters', () => {
    expect(quoteExcerpt('abc')).toBe('"abc"');
    expect(quoteExcerpt('a"\u001b[2J')).toBe('"a\\"\\u001b[2J"');
  });

  it('cuts long text to 200 characters and says how long it was', () => {
    expect(quoteExcerpt('y'.repeat(201))).toBe(`"${'y'.repeat(200)}…" (201 characters)`);
  });
});
