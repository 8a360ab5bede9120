// An origin's data in the shape the main run's code takes (a PreparedSplit), so the fits, the
// scaler and the interval evaluation are the main run's own, applied to the months before it.
import { type MonthlySeries, makeSeriesWindows, nextMonth, sliceWindows } from '@gatecast/core';
import { DEFAULT_SPLIT, type PreparedSplit } from '../data/prepareData.js';
import { type BacktestOrigin, windowEndingAt } from './origins.js';

/**
 * The origin as a split: `fit` and `validation` are its own (every window before the origin, the
 * last 15% held out); `test` is its block's one-month-ahead windows (forecast origins
 * `block.first .. block.last`), which the training loops predict but nothing chooses on; the
 * "latest" window ends at the block's last forecast origin.
 */
export function originSplit(series: MonthlySeries, origin: BacktestOrigin): PreparedSplit {
  const length = DEFAULT_SPLIT.windowLength;
  const windows = makeSeriesWindows(series, length);
  // Window w ends at month w + L − 1: the block's windows start at block.first − L + 1.
  const first = origin.block.first - length + 1;
  const test = sliceWindows(windows, first, origin.block.last - length + 2);
  const asOf = series.dates[origin.block.last] as string;
  return {
    series,
    options: { ...DEFAULT_SPLIT, testSize: test.targets.length },
    train: origin.train,
    fit: origin.fit,
    validation: origin.validation,
    test,
    latestWindow: windowEndingAt(series, origin.block.last, length),
    asOf,
    target: nextMonth(asOf),
  };
}
