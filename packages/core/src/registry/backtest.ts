/**
 * `models/backtest.json`: the rolling-origin backtest (`npm run backtest`). Every relative-protocol
 * config refitted at each January origin on the months before it, then judged on 1..H-month
 * forecasts from the months up to the next origin, beside the baselines refitted alike.
 *
 * Written by its own command, not by the training sweep, so it is not listed in the manifest's
 * `files`: it names the data it ran on (sha256) itself. `summary` is the compact part (pooled
 * figures, tests, ranks; tens of KB) a worker may bundle; `origins` holds every origin's figures.
 *
 * Figures by horizon are arrays indexed by `h − 1` (h = 1 .. `maxHorizon`); an entry is `null`
 * where no forecast of that horizon had a target inside the data (`n` is 0 there).
 */
import { z } from 'zod';
import {
  BACKTEST_FILE,
  BACKTEST_FORMAT,
  INTERVAL_METHODS,
  SCORE_KINDS,
  TRAINING_LOOPS,
} from '../constants.js';
import {
  byIntervalLevel,
  countSchema,
  monthSchema,
  nonNegativeSchema,
  sha256HexSchema,
  shareSchema,
  sizeSchema,
  timestampSchema,
} from './fields.js';
import { formatHeader } from './header.js';
import { registryBackendSchema, splitPartSchema } from './manifest.js';
import { parseRegistryFile } from './parse.js';

const byHorizon = <T extends z.ZodType>(schema: T) => z.array(schema.nullable()).min(1);

/**
 * One forecaster's accuracy at h = 1 .. H over a set of forecast origins (one origin's block, or
 * all of them pooled). Points for errors, widths and scores.
 */
export const backtestMetricsSchema = z
  .strictObject({
    /** Forecasts scored at each horizon (their targets inside the data). */
    n: z.array(countSchema).min(1),
    rmse: byHorizon(nonNegativeSchema),
    mae: byHorizon(nonNegativeSchema),
    /** Share of targets inside the 80% / 95% band. */
    coverage: byIntervalLevel(byHorizon(shareSchema)),
    meanWidth: byIntervalLevel(byHorizon(nonNegativeSchema)),
    /** Mean interval (Winkler) score. */
    intervalScore: byIntervalLevel(byHorizon(nonNegativeSchema)),
    /** Pinball loss averaged over the 2 × 7 quantiles of the report levels (50 .. 99). */
    pinball: byHorizon(nonNegativeSchema),
  })
  .refine(
    (m) =>
      [m.rmse, m.mae, m.pinball, ...Object.values(m.coverage), ...Object.values(m.meanWidth)]
        .concat(Object.values(m.intervalScore))
        .every((a) => a.length === m.n.length),
    { message: 'every figure has one entry per horizon' },
  );
export type BacktestMetrics = z.infer<typeof backtestMetricsSchema>;

/** The served interval method of a model at one origin, as chosen on its validation tail. */
export const backtestIntervalMethodSchema = z.strictObject({
  method: z.enum(INTERVAL_METHODS),
  scores: z.enum(SCORE_KINDS),
  /** Rolling window W in months; absent for a static calibration set. */
  window: sizeSchema.optional(),
});

/** One model refitted at one origin. */
export const backtestOriginModelSchema = z.strictObject({
  /** `<config>@relative`, as the manifest names it. */
  id: z.string().min(1),
  /** The seed with the best validation RMSE: the one forecasting this block. */
  servedSeed: z.number().int(),
  /** Validation RMSE (points, h = 1) of every seed, in `training.seeds` order. */
  seedValidationRmse: z.array(nonNegativeSchema).min(1),
  intervalMethod: backtestIntervalMethodSchema,
  metrics: backtestMetricsSchema,
});

/** One baseline refitted at one origin. */
export const backtestOriginBaselineSchema = z.strictObject({
  id: z.string().min(1),
  metrics: backtestMetricsSchema,
});

/** One origin: its split, its block of forecasts, and every forecaster's figures on it. */
export const backtestOriginSchema = z.strictObject({
  /** The first month its fit never sees. */
  origin: monthSchema,
  fit: splitPartSchema,
  validation: splitPartSchema,
  /** Months the block's forecasts were made from (each window's last month). */
  forecastOrigins: z.strictObject({ first: monthSchema, last: monthSchema, count: sizeSchema }),
  /** σ of one-month log returns over the fitted span: the relative protocol's scale. */
  logReturnStd: z.number().positive(),
  models: z.array(backtestOriginModelSchema).min(1),
  baselines: z.array(backtestOriginBaselineSchema),
});
export type BacktestOrigin = z.infer<typeof backtestOriginSchema>;

/** HLN Diebold–Mariano tests by horizon; `null` where a test could not be computed. */
export const backtestDmSeriesSchema = z.strictObject({
  /** Negative: the forecaster's mean loss is below the baseline's. */
  statistic: byHorizon(z.number()),
  pValue: byHorizon(shareSchema),
});

/**
 * A forecaster against one baseline, pooled over every origin's forecasts in time order: squared
 * errors, and interval scores at 80 / 95.
 */
export const backtestDmSchema = z.strictObject({
  squaredError: backtestDmSeriesSchema,
  intervalScore: byIntervalLevel(backtestDmSeriesSchema),
});

/** Friedman's rank test across origins (blocks) of a set of forecasters (treatments). */
export const backtestFriedmanSchema = z.strictObject({
  statistic: nonNegativeSchema,
  df: sizeSchema,
  pValue: shareSchema,
  /** Kendall's W, the agreement of the origins' rankings, in [0, 1]. */
  kendallW: shareSchema,
  /** Mean rank of each forecaster (1 = best), in the order of the ranking's `models`. */
  meanRanks: z.array(z.number().positive()).min(2),
});

/** Per-origin ranks of a set of models by one criterion, and Friedman's test across origins. */
export const backtestRankingSchema = z.strictObject({
  /** `[origins][models]`: 1 = lowest error at that origin; ties share their mean rank. */
  ranks: z.array(z.array(z.number().positive()).min(2)).min(1),
  friedman: backtestFriedmanSchema.nullable(),
});

/** The compact part: pooled figures and tests, ranks, and the lesson's ordering. */
export const backtestSummarySchema = z.strictObject({
  /** Every model and baseline pooled over all origins. */
  forecasters: z.array(
    z.strictObject({
      id: z.string().min(1),
      kind: z.enum(['model', 'baseline']),
      metrics: backtestMetricsSchema,
      /** Against `naive` and `ar1` (absent for the baseline itself). */
      dm: z.strictObject({
        naive: backtestDmSchema.optional(),
        ar1: backtestDmSchema.optional(),
      }),
    }),
  ),
  /** Origins whose h = 1 RMSE a model beat each baseline's by, out of `origins.length`. */
  wins: z.array(
    z.strictObject({
      id: z.string().min(1),
      rmse: z.strictObject({ naive: countSchema, ar1: countSchema }),
      intervalScore: z.strictObject({ naive: countSchema, ar1: countSchema }),
    }),
  ),
  /**
   * The models ranked at every origin: by h = 1 RMSE, and by the h = 1 interval score averaged over
   * 80 and 95 (`intervalScore`).
   */
  ranking: z.strictObject({
    models: z.array(z.string().min(1)).min(1),
    rmse: backtestRankingSchema,
    intervalScore: backtestRankingSchema,
  }),
  /**
   * The lesson's claim, "SimpleRNN worst, LSTM best", among its three cells: at how many origins it
   * holds by each criterion, and Friedman's test of the three.
   */
  lessonOrdering: z
    .strictObject({
      /** The lesson's cells, worst claimed first: SimpleRNN, GRU, LSTM. */
      cells: z.tuple([z.string(), z.string(), z.string()]),
      rmse: z.strictObject({ holds: countSchema, ranking: backtestRankingSchema }),
      intervalScore: z.strictObject({ holds: countSchema, ranking: backtestRankingSchema }),
    })
    .nullable(),
});
export type BacktestSummary = z.infer<typeof backtestSummarySchema>;

/** `models/backtest.json`. */
export const backtestSchema = z.strictObject({
  ...formatHeader(BACKTEST_FORMAT),
  createdAt: timestampSchema,
  data: z.strictObject({
    file: z.string().min(1),
    sha256: sha256HexSchema,
    first: monthSchema,
    last: monthSchema,
    months: sizeSchema,
  }),
  /** How the origins and forecasts were laid out. */
  design: z.strictObject({
    origins: z.array(monthSchema).min(1),
    windowLength: sizeSchema,
    validationFraction: z.number().gt(0).lt(1),
    maxHorizon: sizeSchema,
    protocol: z.literal('relative'),
  }),
  /** How every model was refitted (the main run's settings unless a flag said otherwise). */
  training: z.strictObject({
    epochs: sizeSchema,
    batchSize: sizeSchema,
    seeds: z.array(z.number().int()).min(1),
    optimizer: z.literal('adam'),
    learningRate: z.number().positive(),
    loop: z.enum(TRAINING_LOOPS),
  }),
  tfjsVersion: z.string().min(1),
  backend: registryBackendSchema,
  /** Worker threads the fits ran on (0: the calling thread). */
  workers: countSchema,
  /** Wall time of all the fits, and of the whole backtest, in seconds. */
  sweepSeconds: nonNegativeSchema,
  wallSeconds: nonNegativeSchema,
  summary: backtestSummarySchema,
  origins: z.array(backtestOriginSchema).min(1),
});
export type Backtest = z.infer<typeof backtestSchema>;

/**
 * Parses a `backtest.json` (already `JSON.parse`d).
 *
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseBacktest(json: unknown): Backtest {
  return parseRegistryFile(backtestSchema, json, BACKTEST_FILE);
}
