/**
 * Reads the "Try it" text box into numbers. It checks only that each entry is a number; how many
 * months and which values a model accepts is the API's call, so its answer is what the page shows.
 */

/** The parsed window, or why the text could not be sent. */
export type ParsedWindow = { ok: true; values: number[] } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Splits on commas, semicolons and whitespace and parses each entry as a decimal number.
 *
 * @example parseWindowText('4,800.5 4,900') // => { ok: false, … } (commas separate values)
 * @example parseWindowText('4800.5, 4900\n5000') // => { ok: true, values: [4800.5, 4900, 5000] }
 */
export function parseWindowText(text: string): ParsedWindow {
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, message: 'Enter the monthly levels first.' };
  const values: number[] = [];
  for (const token of tokens) {
    if (!NUMBER.test(token)) return { ok: false, message: `“${token}” is not a number.` };
    values.push(Number(token));
  }
  return { ok: true, values };
}

/**
 * The `length` months of a series ending with `endMonth` (`YYYY-MM`), oldest first.
 *
 * @returns the stretch, or `undefined` when the series does not hold all of it
 * @example stretchEnding({ dates: ['2026-04-01', '2026-05-01'], values: [7000, 7412.55] }, '2026-05', 2)
 * // => { dates: ['2026-04-01', '2026-05-01'], values: [7000, 7412.55], next: undefined }
 */
export function stretchEnding(
  series: { dates: readonly string[]; values: readonly number[] },
  endMonth: string,
  length: number,
):
  | { dates: string[]; values: number[]; next: { date: string; value: number } | undefined }
  | undefined {
  const end = series.dates.indexOf(`${endMonth}-01`);
  if (end < 0 || end + 1 < length) return undefined;
  const start = end + 1 - length;
  const nextDate = series.dates[end + 1];
  const nextValue = series.values[end + 1];
  return {
    dates: series.dates.slice(start, end + 1),
    values: series.values.slice(start, end + 1),
    next:
      nextDate !== undefined && nextValue !== undefined
        ? { date: nextDate, value: nextValue }
        : undefined,
  };
}
