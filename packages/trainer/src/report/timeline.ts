import { MAX_HORIZON, valuesCovered } from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';

/**
 * The months the interval evaluation runs over, as indices into the series (month t is
 * `values[t]`). A forecast from origin t sees `values[..t]`; its h-step target is `values[t+h]`.
 *
 * - `firstOrigin` o₀: the origin of the first validation window (2002-01). Every model's and
 *   baseline's h-step errors are collected from o₀ on (never from the fitted span).
 * - `calibrationEnd` C: the last target of the validation tail's first half (2006-07, the 54th of
 *   108): the calibration half is targets o₀+1 .. C, the selection half C+1 .. V.
 * - `validationEnd` V: the last validation target (2011-01), which is also the first test origin.
 * - `last`: the series' last month (2026-05), the live forecast's origin.
 *
 * The series may be cut short (`values` ending before `last` of the full series): everything at
 * origins up to the cut is then unchanged (the no-look-ahead test does exactly that).
 */
export interface Timeline {
  /** `[n]` monthly closes, index points. */
  values: readonly number[];
  /** `[n]` their months, `YYYY-MM-01`. */
  dates: readonly string[];
  firstOrigin: number;
  calibrationEnd: number;
  validationEnd: number;
  /** `values.length − 1`. */
  last: number;
  /** H: horizons 1 .. H. */
  horizon: number;
  /** The fitted span's closes (what the fitting windows cover): baselines and σ are fitted here. */
  fitValues: readonly number[];
}

/**
 * The timeline of a split: validation tail halved by target month, test from V on.
 *
 * @throws {Error} when the split's windows carry no dates or do not sit in the series
 */
export function makeTimeline(split: PreparedSplit, horizon = MAX_HORIZON): Timeline {
  const { dates, values } = split.series;
  const targets = split.validation.targetDates;
  const first = targets?.[0];
  const last = targets?.at(-1);
  if (!targets || first === undefined || last === undefined) {
    throw new Error('the validation windows carry no target dates');
  }
  const index = (month: string) => {
    const i = dates.indexOf(month);
    if (i < 0) throw new Error(`${month} is not in the series`);
    return i;
  };
  const firstOrigin = index(first) - 1;
  const half = Math.floor(targets.length / 2);
  return {
    values,
    dates,
    firstOrigin,
    calibrationEnd: firstOrigin + half,
    validationEnd: index(last),
    last: values.length - 1,
    horizon,
    fitValues: valuesCovered(split.fit),
  };
}

/** The two splits every interval is scored on. */
export type ScoredSplit = 'validation' | 'test';

/**
 * The origins whose h-step intervals a split scores, `[from, to]` inclusive (empty when
 * `to < from`): validation = the selection half, origins C .. V − h (targets C + h .. V); test =
 * origins V .. last − h (targets V + h .. last). An origin is scored only when its target is
 * inside the split and every calibration it needs is known at the origin.
 */
export function scoredOrigins(
  timeline: Timeline,
  split: ScoredSplit,
  h: number,
): [from: number, to: number] {
  return split === 'validation'
    ? [timeline.calibrationEnd, timeline.validationEnd - h]
    : [timeline.validationEnd, timeline.last - h];
}

/** Cuts the timeline's series after month `end` (for the no-look-ahead test). */
export function truncateTimeline(timeline: Timeline, end: number): Timeline {
  return {
    ...timeline,
    values: timeline.values.slice(0, end + 1),
    dates: timeline.dates.slice(0, end + 1),
    last: end,
  };
}
