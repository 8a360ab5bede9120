/**
 * Number and date formatting shared by the build-time renderer and the browser, so a figure the
 * API refreshes reads exactly like the one the static HTML shipped with. Fixed to `en-US` so the
 * output does not depend on the build machine's or the reader's locale.
 */
import type { Interval, MeanSd } from '@gatecast/core';

const MINUS = '\u2212';
const formatters = new Map<number, Intl.NumberFormat>();

function fixed(digits: number): Intl.NumberFormat {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(digits, formatter);
  }
  return formatter;
}

/**
 * A figure with thousands separators and a fixed number of decimals; negatives take a true minus.
 *
 * @example formatNumber(-1309.5, 1) // => '−1,309.5'
 */
export function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? `${MINUS}∞` : 'n/a';
  return fixed(digits).format(value).replace('-', MINUS);
}

/**
 * An index level or an error in points, one decimal.
 *
 * @example formatPoints(7412.55) // => '7,412.6'
 */
export function formatPoints(value: number): string {
  return formatNumber(value, 1);
}

/**
 * Mean ± sample sd over seeds, both in the same unit and precision.
 *
 * @example formatMeanSd({ mean: 3546.75, sd: 0.72 }) // => '3,546.8 ± 0.7'
 */
export function formatMeanSd(value: MeanSd, digits = 1): string {
  return `${formatNumber(value.mean, digits)} ± ${formatNumber(value.sd, digits)}`;
}

/**
 * A p-value to three decimals, or `< 0.001` below that.
 *
 * @example formatPValue(1.8e-30) // => '< 0.001'
 */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/**
 * A wall time in seconds, one decimal.
 *
 * @example formatSeconds(11.62) // => '11.6 s'
 */
export function formatSeconds(seconds: number): string {
  return `${formatNumber(seconds, 1)} s`;
}

/**
 * A share in [0, 1] as a whole percentage.
 *
 * @example formatShare(0.8043) // => '80%'
 */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * An integer count with separators.
 *
 * @example formatCount(4897) // => '4,897'
 */
export function formatCount(count: number): string {
  return formatNumber(count, 0);
}

/**
 * An interval in points; a `null` bound (the registry's JSON for an unbounded side) reads as ∞.
 *
 * @example formatInterval([7100.04, 7725.9]) // => '7,100.0 – 7,725.9'
 */
export function formatInterval(interval: Interval): string {
  const [lower, upper] = interval;
  const lo = lower === null ? `${MINUS}∞` : formatPoints(lower);
  const hi = upper === null ? '∞' : formatPoints(upper);
  return `${lo} – ${hi}`;
}

/**
 * A registry month (`YYYY-MM-DD`, first of the month) in words.
 *
 * @example formatMonth('2026-06-01') // => 'June 2026'
 */
export function formatMonth(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a month: ${isoDate}`);
  return date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Reads back a figure this module formatted (separators, true minus); `NaN` if it is not one.
 *
 * @example parseFormatted('−1,309.5') // => -1309.5
 */
export function parseFormatted(text: string): number {
  const cleaned = text.trim().replaceAll(',', '').replace(MINUS, '-');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}
