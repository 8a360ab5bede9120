import type { MonthlySeries } from '../series/monthlySeries.js';
import { monthsBetween } from '../series/monthlySeries.js';

/** The header every series file starts with. */
export const CSV_HEADER = 'date,close';

/** The most characters of the input an error message quotes (a line or a field of it). */
export const CSV_EXCERPT_LENGTH = 200;

/**
 * Some text of the input as an error quotes it: JSON-quoted (so control characters and quotes
 * are escaped and cannot garble a terminal), cut to {@link CSV_EXCERPT_LENGTH} characters with an
 * ellipsis and the full length when longer.
 *
 * @example quoteExcerpt('abc') // => '"abc"'
 */
export function quoteExcerpt(text: string): string {
  if (text.length <= CSV_EXCERPT_LENGTH) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, CSV_EXCERPT_LENGTH)}…`)} (${text.length} characters)`;
}

/**
 * A problem with a CSV series, naming the 1-based line it was found on; any text of the input it
 * quotes is cut to {@link CSV_EXCERPT_LENGTH} characters.
 */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;

  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.line = line;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses `date,close` text into a monthly series and validates it.
 *
 * Rules: the first line is exactly `date,close`; each row is `YYYY-MM-01,<close>`; months are
 * consecutive (no duplicate, out-of-order or missing month); close is a finite number > 0.
 * Blank lines at the end are ignored; `\r\n` line endings are accepted.
 *
 * @returns the series, oldest first; values in the file's unit (index points)
 * @throws {CsvError} naming the line and the problem
 * @example parseMonthlyCsv('date,close\n1950-01-01,16.88\n1950-02-01,17.21\n')
 * // => { dates: ['1950-01-01', '1950-02-01'], values: [16.88, 17.21] }
 */
export function parseMonthlyCsv(text: string): MonthlySeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  if (lines.length === 0) throw new CsvError(1, 'the file is empty');

  const first = lines[0] ?? '';
  // Only a short line can be the header: a huge one is not lower-cased whole.
  if (first.length > 4 * CSV_HEADER.length || first.trim().toLowerCase() !== CSV_HEADER) {
    throw new CsvError(
      1,
      `expected the header "${CSV_HEADER}", found ${quoteExcerpt(first.trim())}`,
    );
  }
  if (lines.length === 1) throw new CsvError(2, 'no data rows after the header');

  const dates: string[] = [];
  const values: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const row = lines[i] ?? '';
    const cells = row.split(',').map((c) => c.trim());
    if (cells.length !== 2) {
      throw new CsvError(
        lineNo,
        `expected 2 fields (date,close), found ${cells.length}: ${quoteExcerpt(row)}`,
      );
    }
    const [date = '', closeText = ''] = cells;
    checkDate(lineNo, date);
    const previous = dates[dates.length - 1];
    if (previous !== undefined) {
      const step = monthsBetween(previous, date);
      if (step === 0) throw new CsvError(lineNo, `duplicate month ${date}`);
      if (step < 0) throw new CsvError(lineNo, `month ${date} is out of order (after ${previous})`);
      if (step > 1) {
        throw new CsvError(lineNo, `missing month(s) between ${previous} and ${date}`);
      }
    }
    values.push(parseClose(lineNo, closeText));
    dates.push(date);
  }
  return { dates, values };
}

function checkDate(lineNo: number, date: string): void {
  const match = DATE.exec(date);
  if (!match) {
    throw new CsvError(lineNo, `unparsable date ${quoteExcerpt(date)} (expected YYYY-MM-DD)`);
  }
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) throw new CsvError(lineNo, `unparsable date "${date}" (month)`);
  if (day !== 1) throw new CsvError(lineNo, `date ${date} is not the first of the month`);
}

function parseClose(lineNo: number, text: string): number {
  if (text === '') throw new CsvError(lineNo, 'close is empty');
  const lower = text.toLowerCase();
  if (/^[+-]?(inf|infinity|nan)$/.test(lower)) {
    throw new CsvError(lineNo, `close ${quoteExcerpt(text)} is not finite`);
  }
  if (!NUMBER.test(text)) throw new CsvError(lineNo, `close ${quoteExcerpt(text)} is not a number`);
  const value = Number(text);
  if (!Number.isFinite(value))
    throw new CsvError(lineNo, `close ${quoteExcerpt(text)} is not finite`);
  if (value <= 0) throw new CsvError(lineNo, `close ${quoteExcerpt(text)} is not positive`);
  return value;
}
