import {
  type Calibration,
  type Candidate,
  dieboldMarianoLosses,
  INTERVAL_LEVELS,
  type Interval,
  type IntervalDm,
  type IntervalLevel,
  type IntervalMethod,
  type MethodScores,
  type ModelIntervalSummary,
  type PathPoint,
  type Protocol,
  pathBands,
  type ScoreTable,
} from '@gatecast/core';
import { BASELINE_NAMES, type Baselines, monthsAfter } from './baselines.js';
import { type BandSet, calibrationState, candidateBands } from './candidateBands.js';
import type { ForecasterPaths } from './forecasterPaths.js';
import { intervalCandidates } from './intervalCandidates.js';
import {
  calibrationCurve,
  levelIndex,
  monthlyIntervalScores,
  scoreTable,
  splitSlice,
} from './scoreBands.js';
import { chooseCandidate, judgeCandidate } from './selectCandidate.js';
import type { Timeline } from './timeline.js';

/** Everything the interval evaluation reports of one served model. */
export interface ModelIntervals {
  /** Every candidate's validation scores, in candidate order. */
  candidates: Candidate[];
  /** The served candidate. */
  served: Candidate;
  /** Per method, the variant validation chose within it, with its full score table. */
  methods: MethodScores[];
  /** The served candidate's state at the series' end. */
  calibration: Calibration;
  summary: ModelIntervalSummary;
  /** h = 1 .. H from the series' end, quantiles from `calibration` by core's `pathBands`. */
  path: PathPoint[];
  /** The path's first month as `[lower, upper]` at 80 and 95. */
  firstIntervals: Record<IntervalLevel, Interval>;
  /** Served method, h = 1, test: `[184]` bands at 80 and 95. */
  testBands: Record<IntervalLevel, [number, number][]>;
  calibrationCurve: ReturnType<typeof calibrationCurve>;
  /** The served candidate's bands (for tests and the no-look-ahead check). */
  bands: BandSet;
}

/**
 * HLN Diebold–Mariano on the h = 1 test interval scores at 80 and 95 against the baseline with
 * the lowest test interval score at that level (naming it is reporting, not choosing).
 */
export function dmVsBestBaseline(
  bands: BandSet,
  timeline: Timeline,
  baselines: Baselines,
): Record<IntervalLevel, IntervalDm> {
  const result = {} as Record<IntervalLevel, IntervalDm>;
  for (const key of INTERVAL_LEVELS) {
    const level = Number(key);
    const best = BASELINE_NAMES.map((name) => baselines[name]).reduce((a, b) =>
      (b.table.test[0]?.levels[key]?.intervalScore ?? Infinity) <
      (a.table.test[0]?.levels[key]?.intervalScore ?? Infinity)
        ? b
        : a,
    );
    const dm = dieboldMarianoLosses(
      monthlyIntervalScores(bands, timeline, 'test', 1, level),
      monthlyIntervalScores(best.bands, timeline, 'test', 1, level),
      { horizon: 1 },
    );
    result[key] = { baseline: best.name, statistic: dm.statistic, pValue: dm.pValue };
  }
  return result;
}

/** The manifest's summary rows: test scores at 80/95 per horizon. */
function testSummary(table: ScoreTable): ModelIntervalSummary['test'] {
  return table.test.map((row) => ({
    horizon: row.horizon,
    months: row.months,
    levels: Object.fromEntries(
      INTERVAL_LEVELS.map((key) => [key, row.levels[key]]),
    ) as ModelIntervalSummary['test'][number]['levels'],
  }));
}

/**
 * A served model's intervals: every candidate's bands and scores, the served candidate chosen on
 * the validation tail's selection half (`chooseCandidate`, servable candidates only), its
 * calibration state at the series' end, its path from the series' end, its test bands and DM
 * against the best baseline. Test months choose nothing.
 */
export function evaluateIntervals(options: {
  paths: ForecasterPaths;
  protocol: Protocol;
  timeline: Timeline;
  sigmas: readonly number[];
  baselines: Baselines;
}): ModelIntervals {
  const { paths, protocol, timeline, sigmas, baselines } = options;
  const candidates = intervalCandidates({ learnedScale: paths.scales !== undefined });
  const evaluated = candidates.map((candidate) => {
    const bands = candidateBands({ candidate, paths, timeline, sigmas });
    const table = scoreTable(bands, timeline);
    return { candidate, bands, table, judged: judgeCandidate(candidate, table) };
  });
  const served = chooseCandidate(
    evaluated.filter((e) => e.candidate.servable).map((e) => e.judged),
  );
  const servedEntry = evaluated.find((e) => e.candidate.id === served.id);
  if (!servedEntry) throw new Error(`served candidate ${served.id} not evaluated`);

  const methods: MethodScores[] = [];
  for (const method of [...new Set(candidates.map((c) => c.method))] as IntervalMethod[]) {
    const within = evaluated.filter((e) => e.candidate.method === method);
    const chosen =
      method === served.method
        ? servedEntry
        : within.find((e) => e.judged.id === chooseCandidate(within.map((w) => w.judged)).id);
    if (!chosen) continue;
    const { candidate } = chosen;
    methods.push({
      method,
      candidate: candidate.id,
      scores: candidate.scores,
      ...(candidate.window !== undefined ? { window: candidate.window } : {}),
      ...(candidate.gamma !== undefined ? { gamma: candidate.gamma } : {}),
      served: candidate.id === served.id,
      table: chosen.table,
    });
  }

  const calibration = calibrationState({
    candidate: servedEntry.candidate,
    paths,
    timeline,
    sigmas,
  });
  const k = timeline.last - timeline.firstOrigin;
  const live = pathBands({
    calibration,
    path: {
      values: paths.points.map((row) => row[k] as number),
      ...(paths.scales ? { scales: paths.scales.map((row) => row[k] as number) } : {}),
    },
    levels: INTERVAL_LEVELS.map(Number),
    protocol,
  });
  const asOf = timeline.dates[timeline.last] as string;
  const path = live.map((b) => ({
    target: monthsAfter(asOf, b.horizon),
    value: b.value,
    quantiles: b.quantiles,
  }));
  const firstIntervals = Object.fromEntries(
    INTERVAL_LEVELS.map((key) => [key, live[0]?.intervals[key] as [number, number]]),
  ) as Record<IntervalLevel, Interval>;

  const testBands = {} as Record<IntervalLevel, [number, number][]>;
  const slice = splitSlice(servedEntry.bands, timeline, 'test', 1);
  for (const key of INTERVAL_LEVELS) {
    const li = levelIndex(Number(key));
    const lo = slice.lower[li] as Float64Array;
    const hi = slice.upper[li] as Float64Array;
    testBands[key] = Array.from(lo, (l, i) => [l, hi[i] as number]);
  }
  return {
    candidates: evaluated.map((e) => e.judged),
    served,
    methods,
    calibration,
    summary: {
      method: served.method,
      test: testSummary(servedEntry.table),
      dmVsBestBaseline: dmVsBestBaseline(servedEntry.bands, timeline, baselines),
    },
    path,
    firstIntervals,
    testBands,
    calibrationCurve: calibrationCurve(servedEntry.table),
    bands: servedEntry.bands,
  };
}
