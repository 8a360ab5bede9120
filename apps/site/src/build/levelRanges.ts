/**
 * The index levels each part of the split spans — the numbers behind "why the lesson's table does
 * not reproduce" (test levels far above anything a raw-level model saw in training).
 */
import type { Manifest, Results } from '@gatecast/core';

/** Extremes of the series over the months a part of the split covers, in points. */
export interface LevelRanges {
  /** Every month the lesson's 721 training windows hold (inputs and targets). */
  training: { first: string; last: string; max: number; maxMonth: string };
  /** The months our models are fitted on (the training windows before the validation tail). */
  fitted: { last: string; max: number };
  /** The test targets. */
  test: { first: string; last: string; min: number; max: number };
}

function extreme(
  series: { dates: readonly string[]; values: readonly number[] },
  from: string,
  to: string,
  pick: (a: number, b: number) => boolean,
): { value: number; month: string } {
  let best: { value: number; month: string } | undefined;
  series.dates.forEach((month, i) => {
    const value = series.values[i] as number;
    if (month >= from && month <= to && (!best || pick(value, best.value))) best = { value, month };
  });
  if (!best) throw new RangeError(`no months between ${from} and ${to}`);
  return best;
}

/**
 * Level ranges of the training, fitted and test spans, read from the series and the manifest's split.
 *
 * @throws {RangeError} if a span holds no month of the series
 */
export function levelRanges(
  series: { dates: readonly string[]; values: readonly number[] },
  split: Manifest['split'],
): LevelRanges {
  const first = series.dates[0] as string;
  const higher = (a: number, b: number) => a > b;
  const lower = (a: number, b: number) => a < b;
  const trainingMax = extreme(series, first, split.validation.lastTarget, higher);
  return {
    training: {
      first,
      last: split.validation.lastTarget,
      max: trainingMax.value,
      maxMonth: trainingMax.month,
    },
    fitted: {
      last: split.fit.lastTarget,
      max: extreme(series, first, split.fit.lastTarget, higher).value,
    },
    test: {
      first: split.test.firstTarget,
      last: split.test.lastTarget,
      min: extreme(series, split.test.firstTarget, split.test.lastTarget, lower).value,
      max: extreme(series, split.test.firstTarget, split.test.lastTarget, higher).value,
    },
  };
}

/** Smallest and largest test prediction of one model, in points. */
export function predictionRange(results: Results, modelId: string): { min: number; max: number } {
  const model = results.models.find((m) => m.id === modelId);
  if (!model) throw new RangeError(`no results for ${modelId}`);
  return { min: Math.min(...model.predictions), max: Math.max(...model.predictions) };
}
