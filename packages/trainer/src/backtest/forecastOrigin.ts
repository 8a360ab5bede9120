// One origin's forecasts: each refitted model's paths with its served interval method (chosen on
// the origin's own validation tail by the main run's rule), and the refitted baselines, over the
// origin's block. Everything here is the main run's code (report/), run on the origin's timeline.
import {
  type Candidate,
  type ModelSpec,
  type ModelWeights,
  type MonthlySeries,
  REPORT_LEVELS,
  type Scaler,
  type ScoreTable,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';
import { BASELINE_NAMES, type BaselineName, baselineForecasts } from '../report/baselines.js';
import { type BandSet, candidateBands, volatilityAt } from '../report/candidateBands.js';
import { modelPaths } from '../report/forecasterPaths.js';
import { intervalCandidates } from '../report/intervalCandidates.js';
import { horizonScores } from '../report/scoreBands.js';
import { chooseCandidate, judgeCandidate } from '../report/selectCandidate.js';
import { makeTimeline, type Timeline, truncateTimeline } from '../report/timeline.js';
import { type BacktestOrigin, scoredOrigins } from './origins.js';
import { emptyForecasts, type ForecastsByHorizon } from './scoreForecasts.js';

/** A refitted model to forecast with: its served seed's weights. */
export interface OriginModel {
  id: string;
  spec: ModelSpec;
  weights: ModelWeights;
}

/** {@link forecastOrigin}'s result; plain data, so it can cross from a worker thread. */
export interface OriginForecastResult {
  /** Per model, in the order given: its block forecasts and the interval method chosen. */
  models: { id: string; served: Candidate; forecasts: ForecastsByHorizon }[];
  /** Per baseline, in `BASELINE_NAMES` order. */
  baselines: { name: BaselineName; forecasts: ForecastsByHorizon }[];
}

/**
 * The origin's timeline: the main run's (validation tail halved into calibration and selection,
 * from the origin's split), cut at the block's last forecast origin, so nothing the block's
 * forecasts and bands are computed from lies after it (the series beyond is read only for the
 * targets the forecasts are scored on).
 */
export function originTimeline(split: PreparedSplit, origin: BacktestOrigin, horizon: number) {
  return truncateTimeline(makeTimeline(split, horizon), origin.block.last);
}

/**
 * The block's forecasts at every horizon, from a forecaster's points (`[H][origins o₀ .. last]`)
 * and bands (from `bands.from`): the forecast origins whose target is inside the series.
 */
function blockForecasts(
  series: MonthlySeries,
  origin: BacktestOrigin,
  timeline: Timeline,
  points: readonly Float64Array[],
  bands: BandSet,
): ForecastsByHorizon {
  return points.map((row, i) => {
    const h = i + 1;
    const out = emptyForecasts();
    for (const s of scoredOrigins(origin, h, series.values.length)) {
      out.origins.push(s);
      out.actual.push(series.values[s + h] as number);
      out.point.push(row[s - timeline.firstOrigin] as number);
      REPORT_LEVELS.forEach((_, li) => {
        out.lower[li]?.push(bands.lower[i]?.[li]?.[s - bands.from] as number);
        out.upper[li]?.push(bands.upper[i]?.[li]?.[s - bands.from] as number);
      });
    }
    return out;
  });
}

/**
 * The served candidate by the main run's rule (`judgeCandidate` on the validation tail's selection
 * half, `chooseCandidate` among the servable ones) and its bands. Only servable candidates are
 * computed: `aci` (reported by the main run, never served) cannot change the choice.
 */
function servedBands(
  paths: ReturnType<typeof modelPaths>,
  timeline: Timeline,
  sigmas: readonly number[],
): { served: Candidate; bands: BandSet } {
  const servable = intervalCandidates({ learnedScale: paths.scales !== undefined }).filter(
    (candidate) => candidate.servable,
  );
  const evaluated = servable.map((candidate) => {
    const bands = candidateBands({ candidate, paths, timeline, sigmas });
    const validation = Array.from({ length: timeline.horizon }, (_, i) =>
      horizonScores(bands, timeline, 'validation', i + 1),
    );
    const table: ScoreTable = { validation, test: [] };
    return { candidate, bands, judged: judgeCandidate(candidate, table) };
  });
  const served = chooseCandidate(
    evaluated.filter((e) => e.candidate.servable).map((e) => e.judged),
  );
  const entry = evaluated.find((e) => e.candidate.id === served.id);
  if (!entry) throw new Error(`served candidate ${served.id} was not evaluated`);
  return { served, bands: entry.bands };
}

/**
 * Forecasts an origin's block with its refitted models and baselines: the models' H-month paths
 * by core's recursion, each with the interval method its validation tail chose, updated month by
 * month through the block as its errors arrive (an h-month error counts from its target's month
 * on); the baselines fitted on the origin's fitted span. Scored at forecast origins
 * `block.first .. block.last` whose target is inside the series.
 */
export function forecastOrigin(options: {
  series: MonthlySeries;
  origin: BacktestOrigin;
  split: PreparedSplit;
  scaler: Scaler;
  models: readonly OriginModel[];
  horizon: number;
}): OriginForecastResult {
  const { series, origin, split, scaler, horizon } = options;
  const timeline = originTimeline(split, origin, horizon);
  const sigmas = volatilityAt(timeline);
  const models = options.models.map((model) => {
    const paths = modelPaths({ spec: model.spec, weights: model.weights, scaler, timeline });
    const { served, bands } = servedBands(paths, timeline, sigmas);
    return {
      id: model.id,
      served,
      forecasts: blockForecasts(series, origin, timeline, paths.points, bands),
    };
  });
  const baselines = BASELINE_NAMES.map((name) => {
    const { points, bands } = baselineForecasts(name, timeline, sigmas);
    return { name, forecasts: blockForecasts(series, origin, timeline, points, bands) };
  });
  return { models, baselines };
}
