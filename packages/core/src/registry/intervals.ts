/**
 * `models/intervals.json`: the interval scores in full, for the site (never bundled into the
 * worker): every model × method and every baseline, per split, horizon and report level; the
 * served methods' per-month test bands at h = 1; the calibration chart's data.
 */
import { z } from 'zod';
import { INTERVAL_METHODS, INTERVALS_FORMAT, SCORE_KINDS } from '../constants.js';
import {
  byIntervalLevel,
  monthSchema,
  shareSchema,
  sizeSchema,
  timestampSchema,
} from './fields.js';
import { formatHeader } from './header.js';
import { horizonScoresSchema, intervalDmSchema } from './intervalScores.js';

/** Which months a split's scores cover, by forecast origin and target. */
export const scoredMonthsSchema = z.strictObject({
  firstOrigin: monthSchema,
  lastOrigin: monthSchema,
  firstTarget: monthSchema,
  lastTarget: monthSchema,
});

/** A table of scores: per horizon h = 1 .. H, on validation (selection half) and on test. */
export const scoreTableSchema = z.strictObject({
  validation: z.array(horizonScoresSchema).min(1),
  test: z.array(horizonScoresSchema).min(1),
});
export type ScoreTable = z.infer<typeof scoreTableSchema>;

/** One interval method of a model, with the variant validation chose within the method. */
export const methodScoresSchema = z.strictObject({
  method: z.enum(INTERVAL_METHODS),
  /** The chosen variant's candidate id (see the manifest's `selection`). */
  candidate: z.string().min(1),
  scores: z.enum(SCORE_KINDS),
  window: sizeSchema.optional(),
  gamma: z.number().positive().optional(),
  /** Whether this is the model's served method. */
  served: z.boolean(),
  table: scoreTableSchema,
});
export type MethodScores = z.infer<typeof methodScoresSchema>;

/** Nominal vs observed coverage of the served method, test split. */
export const calibrationPointSchema = z.strictObject({
  /** Nominal coverage in percent, a report level. */
  level: sizeSchema,
  /** Observed at h = 1. */
  h1: shareSchema,
  /** Observed over every horizon's months together. */
  pooled: shareSchema,
});

/** A model's interval results. */
export const intervalsModelSchema = z.strictObject({
  id: z.string().min(1),
  /** The served method (its `methods` entry has `served: true`). */
  servedMethod: z.enum(INTERVAL_METHODS),
  methods: z.array(methodScoresSchema).min(1),
  /** Served method, h = 1, test: interval scores against the best baseline at 80 and 95. */
  dmVsBestBaseline: byIntervalLevel(intervalDmSchema),
  /** Served method, h = 1: `[testCount]` bands `[lower, upper]` in points at 80 and 95. */
  testBands: byIntervalLevel(z.array(z.tuple([z.number(), z.number()]))),
  calibration: z.array(calibrationPointSchema).min(1),
});
export type IntervalsModel = z.infer<typeof intervalsModelSchema>;

/** A baseline's interval results. */
export const intervalsBaselineSchema = z.strictObject({
  /** `naive`, `drift`, `ar1` or `naiveEwma`. */
  id: z.string().min(1),
  description: z.string(),
  table: scoreTableSchema,
  calibration: z.array(calibrationPointSchema).min(1),
});
export type IntervalsBaseline = z.infer<typeof intervalsBaselineSchema>;

/** `models/intervals.json`. */
export const intervalsSchema = z.strictObject({
  ...formatHeader(INTERVALS_FORMAT),
  createdAt: timestampSchema,
  /** The report levels, percent. */
  levels: z.array(sizeSchema).min(1),
  /** H: horizons 1 .. H. */
  maxHorizon: sizeSchema,
  /** The months each split scores at h = 1 (origins move with h; targets stay inside). */
  months: z.strictObject({ validation: scoredMonthsSchema, test: scoredMonthsSchema }),
  /** `[testCount]` target months of `testBands` (h = 1 test targets). */
  testDates: z.array(monthSchema),
  models: z.array(intervalsModelSchema).min(1),
  baselines: z.array(intervalsBaselineSchema).min(1),
});
export type Intervals = z.infer<typeof intervalsSchema>;
