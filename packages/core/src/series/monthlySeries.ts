/**
 * A monthly series: one value per calendar month, consecutive, oldest first.
 *
 * `dates[i]` is the first day of a month as `YYYY-MM-DD`; `values[i]` is the index level in points.
 */
export interface MonthlySeries {
  readonly dates: readonly string[];
  readonly values: readonly number[];
}

/** Last year a `YYYY-MM-01` date can spell: four digits. */
export const LAST_YEAR = 9999;

/**
 * The month after `date`, as `YYYY-MM-01` with a four-digit year (zero-padded, as ISO 8601 and
 * RFC 3339 write years before 1000).
 *
 * @example nextMonth('2026-05-01') // => '2026-06-01'
 * @example nextMonth('1999-12-01') // => '2000-01-01'
 * @example nextMonth('0000-12-01') // => '0001-01-01'
 * @throws {RangeError} after December 9999: no four-digit year follows it
 */
export function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month === 12 && year >= LAST_YEAR) {
    throw new RangeError(`no month after ${date.slice(0, 7)} has a four-digit year`);
  }
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** Whole months from `from` to `to` (both `YYYY-MM-DD`); 1 for consecutive months. */
export function monthsBetween(from: string, to: string): number {
  const y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const m = Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return y * 12 + m;
}
