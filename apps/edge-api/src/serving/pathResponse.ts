import {
  type Calibration,
  nextMonth,
  type PathBand,
  type Protocol,
  pathBands,
  quantileKeys,
} from '@gatecast/core';
import { ApiError } from '../http/problem.js';
import type { PathPoint } from '../schemas/outputs.js';
import { firstNonFinite } from './nonFinite.js';

export type { PathPoint };

/** How far and at which levels a request wants its forecast. */
export interface PathRequest {
  /** H, months, 1 .. `MAX_HORIZON`. */
  horizon: number;
  /** Distinct coverage levels in percent, 50 .. 99, in any order. */
  levels: readonly number[];
}

/** A path with its first month spelled as before: `forecast` and `intervals` keyed by level. */
export interface ServedPath {
  forecast: number;
  intervals: Record<string, [number, number]>;
  path: PathPoint[];
  /** Reference protocol only: whether a lower bound along the path was raised to 0. */
  clampedAtZero?: boolean;
}

/**
 * `date` plus `months` months, `YYYY-MM-01`.
 *
 * @throws {ApiError} `invalid-body` (422) past December 9999: a month the API names always has a
 *   four-digit year.
 */
function monthsAfter(date: string, months: number): string {
  let month = date;
  try {
    for (let i = 0; i < months; i++) month = nextMonth(month);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ApiError(
      'invalid-body',
      `a history ending ${date.slice(0, 7)} leaves no four-digit year for month ${months} of the ` +
        'forecast: the last month the API forecasts is 9999-12',
    );
  }
  return month;
}

/** The quantiles of a band ordered by probability, lowest first. */
function ascendingQuantiles(band: PathBand, levels: readonly number[]): Record<string, number> {
  const keys = levels.flatMap(quantileKeys).sort((a, b) => Number(a) - Number(b));
  return Object.fromEntries(keys.map((key) => [key, band.quantiles[key] as number]));
}

/**
 * The API's view of one forecast path: core's `pathBands` (the calibration's conformal quantiles
 * at the requested levels, multiplicative for the relative protocol, clamped at 0 for the
 * reference one) over the path's first `horizon` months.
 *
 * @param options.values - `[≥ horizon]` the path's point forecasts, index points.
 * @param options.scales - `[≥ horizon]` its path scales (learned-scale models only).
 * @param options.asOf - The origin's month, `YYYY-MM-01`, or `null` for a bare window.
 * @throws {ApiError} `forecast-not-finite` (422) when any number of the path (a point forecast, a
 *   bound) is not finite: a window of closes near the float limits.
 */
export function servePath(options: {
  calibration: Calibration;
  protocol: Protocol;
  values: readonly number[];
  scales?: readonly number[] | undefined;
  asOf: string | null;
  request: PathRequest;
  /** Names the input in an error, e.g. `window 3`. */
  label?: string;
}): ServedPath {
  const { calibration, protocol, values, scales, asOf, request } = options;
  const levels = [...request.levels].sort((a, b) => a - b);
  let bands: PathBand[];
  try {
    bands = pathBands({
      calibration,
      path: {
        values: values.slice(0, request.horizon),
        ...(scales ? { scales: scales.slice(0, request.horizon) } : {}),
      },
      levels,
      protocol,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const where = options.label ? ` for ${options.label}` : '';
    throw new ApiError('forecast-not-finite', `no finite interval${where}: ${error.message}`);
  }
  // Relative bands are finite by construction; reference bands are sums, which a window of closes
  // near the float limit can overflow.
  const infinite = bands.find((band) => !Object.values(band.quantiles).every(Number.isFinite));
  if (infinite) {
    const where = options.label ? ` for ${options.label}` : '';
    throw new ApiError(
      'forecast-not-finite',
      `no finite interval${where} at h = ${infinite.horizon}: a bound overflows`,
    );
  }
  const first = bands[0] as PathBand;
  const served: ServedPath = {
    forecast: first.value,
    intervals: first.intervals,
    path: bands.map((band) => ({
      horizon: band.horizon,
      target: asOf === null ? null : monthsAfter(asOf, band.horizon),
      forecast: band.value,
      quantiles: ascendingQuantiles(band, levels),
      calibrationSize: band.calibrationSize,
      rankClipped: band.rankClipped,
    })),
    ...(protocol === 'reference' ? { clampedAtZero: bands.some((b) => b.clamped) } : {}),
  };
  // Every number, not only the bounds: a point forecast or an interval end can overflow too, and
  // JSON would carry it as null.
  const bad = firstNonFinite(served);
  if (bad) {
    const where = options.label ? ` for ${options.label}` : '';
    throw new ApiError(
      'forecast-not-finite',
      `no finite forecast${where}: ${bad.pointer.slice(1)} would be ${bad.value}`,
    );
  }
  return served;
}
