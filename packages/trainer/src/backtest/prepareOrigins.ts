// Every origin's data from the CSV text and the origin years: the same in the main thread (for
// the fits) and in the forecast workers (rebuilt from plain data, deterministically).
import { type MonthlySeries, parseMonthlyCsv, type Scaler, WINDOW_LENGTH } from '@gatecast/core';
import {
  DEFAULT_SPLIT,
  type PreparedSplit,
  type ProtocolData,
  protocolData,
  scalerFor,
} from '../data/prepareData.js';
import { originSplit } from './originSplit.js';
import { type BacktestOrigin, backtestOrigins } from './origins.js';

/** One origin ready to fit and forecast: its split, its σ, its scaled data. */
export interface PreparedOrigin {
  origin: BacktestOrigin;
  split: PreparedSplit;
  /** The relative protocol's scaler, σ fitted on the origin's fitted span. */
  scaler: Scaler;
  data: ProtocolData;
}

/**
 * Parses the series and lays out and prepares every origin.
 *
 * @throws {CsvError} for a bad CSV; {RangeError} for origins the series cannot hold
 */
export function prepareOrigins(
  csvText: string,
  years: readonly number[],
): { series: MonthlySeries; origins: PreparedOrigin[] } {
  const series = parseMonthlyCsv(csvText);
  const origins = backtestOrigins(series, {
    years,
    windowLength: WINDOW_LENGTH,
    validationFraction: DEFAULT_SPLIT.validationFraction,
  }).map((origin) => {
    const split = originSplit(series, origin);
    const scaler = scalerFor('relative', split);
    return { origin, split, scaler, data: protocolData('relative', split, scaler) };
  });
  return { series, origins };
}
