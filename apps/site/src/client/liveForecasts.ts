/**
 * Refreshes the headline's figures from `GET /v1/compare` and says where the figures on screen
 * come from. The static HTML carries the registry's values, so a page whose API does not answer
 * still shows correct (if not live) numbers.
 */

import { INTERVAL_LEVELS, type Interval } from '@gatecast/core';
import { formatInterval, formatPoints } from '../shared/format.js';

/** One forecaster's live figures: next month's forecast and whichever bands the API gave. */
export interface LiveFigures {
  forecast: number;
  intervals: Partial<Record<'80' | '95', Interval>>;
}

/** Live forecasts, keyed by model id and baseline name. */
export interface LiveForecasts {
  models: Map<string, LiveFigures>;
  baselines: Map<string, LiveFigures>;
  /** Engine the API reports, when it does. */
  engine: string | undefined;
  target: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A band; the API's `null` (infinite half-width) becomes an interval unbounded on both sides. */
function asInterval(value: unknown): Interval | undefined {
  if (value === null) return [null, null];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [lo, hi] = value as unknown[];
  const bound = (b: unknown) => (typeof b === 'number' || b === null ? b : undefined);
  const l = bound(lo);
  const h = bound(hi);
  return l === undefined || h === undefined ? undefined : [l, h];
}

/**
 * Reads a `/v1/compare` body, `{ asOf, target, unit, engine, forecasts: [{ id, kind, forecast,
 * intervals, … }] }` where `kind` is `model` or `baseline` (ids `naive`, `drift`, `ar1`,
 * `naiveEwma`). Rows it cannot read are skipped, so their cells keep the registry's values.
 */
export function parseCompare(body: unknown): LiveForecasts {
  const live: LiveForecasts = {
    models: new Map(),
    baselines: new Map(),
    engine: undefined,
    target: undefined,
  };
  if (!isRecord(body)) return live;
  if (typeof body.engine === 'string') live.engine = body.engine;
  if (typeof body.target === 'string') live.target = body.target;
  const rows = Array.isArray(body.forecasts) ? body.forecasts : [];
  for (const row of rows) {
    if (!isRecord(row) || typeof row.id !== 'string') continue;
    const forecast = row.forecast;
    if (typeof forecast !== 'number' || !Number.isFinite(forecast)) continue;
    const intervals = isRecord(row.intervals) ? row.intervals : {};
    const i80 = asInterval(intervals['80']);
    const i95 = asInterval(intervals['95']);
    (row.kind === 'baseline' ? live.baselines : live.models).set(row.id, {
      forecast,
      intervals: { ...(i80 && { '80': i80 }), ...(i95 && { '95': i95 }) },
    });
  }
  return live;
}

function setField(row: Element, field: string, text: string): boolean {
  const cell = row.querySelector(`[data-field="${field}"]`);
  if (!cell) return false;
  cell.textContent = text;
  return true;
}

/**
 * Writes live figures into every element marked `data-model` / `data-baseline` under `root`
 * (headline and forecast table) and returns how many figures it replaced.
 */
export function applyLiveForecasts(root: ParentNode, live: LiveForecasts): number {
  let updated = 0;
  const apply = (row: Element, figures: LiveFigures | undefined) => {
    if (!figures || !row.querySelector('[data-field]')) return;
    if (setField(row, 'forecast', formatPoints(figures.forecast))) updated++;
    for (const level of INTERVAL_LEVELS) {
      const interval = figures.intervals[level];
      if (interval && setField(row, level, formatInterval(interval))) updated++;
    }
  };
  for (const row of root.querySelectorAll('[data-model]')) {
    apply(row, live.models.get(row.getAttribute('data-model') ?? ''));
  }
  for (const row of root.querySelectorAll('[data-baseline]')) {
    apply(row, live.baselines.get(row.getAttribute('data-baseline') ?? ''));
  }
  return updated;
}
