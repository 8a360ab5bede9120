// Where each backtest origin's fit ends and which forecasts it is judged on. Pure index arithmetic
// over the monthly series; nothing here trains or scores.
import {
  type MonthlySeries,
  makeSeriesWindows,
  sliceWindows,
  validationTail,
  type WindowSet,
} from '@gatecast/core';

/** How the origins are laid out ({@link DEFAULT_ORIGIN_YEARS}, and the main run's split). */
export interface OriginOptions {
  /** Years whose January is an origin, ascending, consecutive or not (2011 .. 2026). */
  years: readonly number[];
  /** Months per input window (12). */
  windowLength: number;
  /** Share of an origin's training windows held out at their end for validation (0.15). */
  validationFraction: number;
}

/** Every January from 2011 to 2026: the main run's test period cut into yearly refits. */
export const DEFAULT_ORIGIN_YEARS: readonly number[] = Array.from(
  { length: 16 },
  (_, i) => 2011 + i,
);

/**
 * One backtest origin: a refit on every month before it, judged on the forecasts made from then
 * until the next origin's refit takes over.
 *
 * Series indices: month `t` is `series.dates[t]`. A forecast made "at" month s uses the window of
 * the 12 closes ending at s (s is its last input month, the forecast origin in the intervals'
 * timing convention) and forecasts months s + 1 .. s + H.
 */
export interface BacktestOrigin {
  /** `YYYY-01-01`: the first month the fit never sees (inputs or targets). */
  origin: string;
  /** Series index of {@link origin}. */
  originIndex: number;
  /**
   * Every window whose target comes before the origin (windows 0 .. originIndex − L − 1): the fit
   * plus the validation tail. Its last target is the month before the origin.
   */
  train: WindowSet;
  /** The first (1 − validationFraction) of {@link train}: σ, the baselines and the weights. */
  fit: WindowSet;
  /** The last validationFraction of {@link train}: seed choice and interval calibration. */
  validation: WindowSet;
  /**
   * Series indices of the block's forecast origins, first and last inclusive: from the month
   * before the origin (the fit's last month, so the block's first one-month-ahead target is the
   * origin itself) up to two months before the next origin (the last one-month target is the
   * month before it). The last origin's block stops one month before the data end (the last
   * forecast that has a target). Blocks of consecutive origins tile the forecast origins.
   */
  block: { first: number; last: number };
}

/**
 * Lays out the backtest's origins over a series.
 *
 * @throws {RangeError} when a year's January is not in the series, the years are not strictly
 *   increasing, or an origin leaves too few windows to fit
 */
export function backtestOrigins(series: MonthlySeries, options: OriginOptions): BacktestOrigin[] {
  const { years, windowLength, validationFraction } = options;
  const windows = makeSeriesWindows(series, windowLength);
  const lastIndex = series.dates.length - 1;
  const indices = years.map((year, i) => {
    if (i > 0 && !(year > (years[i - 1] as number))) {
      throw new RangeError(`origin years must increase, got ${years[i - 1]} then ${year}`);
    }
    const date = `${year}-01-01`;
    const index = series.dates.indexOf(date);
    if (index < 0) throw new RangeError(`origin ${date} is not a month of the series`);
    return index;
  });
  return indices.map((originIndex, i) => {
    // Window w covers months w .. w + L − 1 and targets w + L; keep targets < originIndex.
    const trainCount = originIndex - windowLength;
    if (trainCount < 2) {
      throw new RangeError(`origin ${series.dates[originIndex]} leaves ${trainCount} windows`);
    }
    const train = sliceWindows(windows, 0, trainCount);
    const { fit, validation } = validationTail(train, { fraction: validationFraction });
    const next = indices[i + 1];
    // Never below originIndex − 1: the origin itself is a month of the series (its target).
    const last = next === undefined ? lastIndex - 1 : next - 2;
    return {
      origin: series.dates[originIndex] as string,
      originIndex,
      train,
      fit,
      validation,
      block: { first: originIndex - 1, last },
    };
  });
}

/**
 * The series indices of the block's forecast origins whose h-month target is inside the series
 * (s + h ≤ the last month), in order: what an origin is scored on at horizon h.
 */
export function scoredOrigins(
  origin: BacktestOrigin,
  horizon: number,
  seriesLength: number,
): number[] {
  const out: number[] = [];
  for (let s = origin.block.first; s <= origin.block.last && s + horizon < seriesLength; s++) {
    out.push(s);
  }
  return out;
}

/** The window of `length` closes ending at series index `s`, in points, oldest first. */
export function windowEndingAt(series: MonthlySeries, s: number, length: number): number[] {
  if (s - length + 1 < 0 || s >= series.values.length) {
    throw new RangeError(`no window of ${length} months ends at index ${s}`);
  }
  return series.values.slice(s - length + 1, s + 1);
}
