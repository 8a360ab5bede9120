/**
 * A monthly series: one value per calendar month, consecutive, oldest first.
 *
 * `dates[i]` is the first day of a month as `YYYY-MM-DD`; `values[i]` is the index level in points.
 */
export interface MonthlySeries {
  readonly dates: readonly string[];
  readonly values: readonly number[];
}

/**
 * The month after `date`, as `YYYY-MM-01`.
 *
 * @example nextMonth('2026-05-01') // => '2026-06-01'
 * @example nextMonth('1999-12-01') // => '2000-01-01'
 */
export function nextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** Whole months from `from` to `to` (both `YYYY-MM-DD`); 1 for consecutive months. */
export function monthsBetween(from: string, to: string): number {
  const y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const m = Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return y * 12 + m;
}
