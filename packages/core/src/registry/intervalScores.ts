/**
 * Interval scores as the registry records them (the manifest's summaries, `intervals.json`'s
 * tables), and a forecast path's points.
 */
import { z } from 'zod';
import { INTERVAL_METHODS, REPORT_LEVELS, SCORE_KINDS } from '../constants.js';
import {
  byIntervalLevel,
  countSchema,
  monthSchema,
  nonNegativeSchema,
  shareSchema,
  sizeSchema,
} from './fields.js';

/** A report level as a JSON key, e.g. `"80"`. */
export const REPORT_LEVEL_KEYS = REPORT_LEVELS.map(String) as [string, ...string[]];

/**
 * An object keyed by every report level (`"50"` .. `"99"`, see `REPORT_LEVELS`) and nothing else.
 */
export function byReportLevel<T extends z.ZodType>(schema: T) {
  return z.record(z.enum(REPORT_LEVEL_KEYS), schema);
}

/** A set of intervals at one level scored against their targets. */
export const levelScoresSchema = z.strictObject({
  /** Share of the targets inside their interval. */
  coverage: shareSchema,
  /** Mean width, index points. */
  meanWidth: nonNegativeSchema,
  /** Mean interval (Winkler) score, index points: width plus 2/α times each miss's distance. */
  intervalScore: nonNegativeSchema,
});
export type LevelScores = z.infer<typeof levelScoresSchema>;

/** One horizon's scores at the default levels (80, 95): the manifest's summaries. */
export const horizonSummarySchema = z.strictObject({
  /** h, months ahead. */
  horizon: sizeSchema,
  /** Forecast origins scored (test: origins from the last validation target on with target ≤ the last test target). */
  months: countSchema,
  levels: byIntervalLevel(levelScoresSchema),
});
export type HorizonSummary = z.infer<typeof horizonSummarySchema>;

/** One horizon's scores at every report level, and the pinball loss over all their quantiles. */
export const horizonScoresSchema = z.strictObject({
  horizon: sizeSchema,
  months: countSchema,
  levels: byReportLevel(levelScoresSchema),
  /** Pinball loss averaged over the 2 × 7 quantiles of the report levels, index points. */
  pinball: nonNegativeSchema,
});
export type HorizonScores = z.infer<typeof horizonScoresSchema>;

/**
 * HLN-corrected Diebold–Mariano test of the h = 1 interval scores at one level against a
 * baseline (negative statistic: the model scores lower, i.e. better).
 */
export const intervalDmSchema = z.strictObject({
  /** The baseline compared with: the one with the lowest test interval score at this level. */
  baseline: z.string().min(1),
  statistic: z.number(),
  pValue: shareSchema,
});
export type IntervalDm = z.infer<typeof intervalDmSchema>;

/** A point of a forecast path from the series' end: h = 1 .. H. */
export const pathPointSchema = z.strictObject({
  /** The month forecast. */
  target: monthSchema,
  /** The point forecast, index points. */
  value: z.number(),
  /**
   * Bounds in index points keyed by quantile probability: `"0.1"`, `"0.9"` (80%), `"0.025"`,
   * `"0.975"` (95%) — core's `quantileKeys`.
   */
  quantiles: z.record(z.string().regex(/^0\.\d+$/), z.number()),
});
export type PathPoint = z.infer<typeof pathPointSchema>;

/** A served model's interval summary: its method's test scores at 80/95 per horizon. */
export const modelIntervalSummarySchema = z.strictObject({
  method: z.enum(INTERVAL_METHODS),
  /** Test scores per horizon, h = 1 .. H. */
  test: z.array(horizonSummarySchema).min(1),
  /** h = 1 interval scores against the best baseline at each default level (test). */
  dmVsBestBaseline: byIntervalLevel(intervalDmSchema),
});
export type ModelIntervalSummary = z.infer<typeof modelIntervalSummarySchema>;

/** A baseline's interval summary: test scores at 80/95 per horizon. */
export const baselineIntervalSummarySchema = z.strictObject({
  test: z.array(horizonSummarySchema).min(1),
});

/**
 * One interval-method candidate as judged on validation: a method with its hyper-parameters
 * and score kind.
 */
export const candidateSchema = z.strictObject({
  /** Unique within the model, e.g. `rolling/signed/w60`. */
  id: z.string().min(1),
  method: z.enum(INTERVAL_METHODS),
  scores: z.enum(SCORE_KINDS),
  /** Rolling window W in months; absent for a static calibration set (or ACI over all scores). */
  window: sizeSchema.optional(),
  /** ACI's step size γ. */
  gamma: z.number().positive().optional(),
  /** Whether the method can serve any level (a stored score list): `aci` cannot. */
  servable: z.boolean(),
  /** Mean interval score over levels 80, 95 and horizons 1 .. H on the selection half, points. */
  meanIntervalScore: nonNegativeSchema,
  /** Coverage on the selection half, pooled over horizons, at 80 and 95. */
  coverage: byIntervalLevel(shareSchema),
  /** Both coverages within ±5 points of nominal (the guard of the selection rule). */
  withinGuard: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/**
 * How the served method was chosen, on validation months only: every candidate's scores on the
 * validation tail's selection half, and the one served.
 */
export const selectionSchema = z.strictObject({
  /** Target months judged (the selection half of the validation tail). */
  firstTarget: monthSchema,
  lastTarget: monthSchema,
  /** The served candidate's `id`. */
  served: z.string().min(1),
  candidates: z.array(candidateSchema).min(1),
});
export type Selection = z.infer<typeof selectionSchema>;
