/**
 * Schemas of the backtest routes (`GET /v1/backtest`, `GET /v1/backtest/{id}`): the request's
 * parameters, and the OpenAPI description of `models/backtest.json` as served. The figures are the
 * file's, field for field (core's `backtestSchema` defines the file; the tests parse every answer
 * with it); this module only describes them. Points for errors, widths and scores; figures by
 * horizon are arrays indexed by `h − 1`, `null` where no forecast of that horizon had a target.
 */
import {
  INTERVAL_LEVELS,
  INTERVAL_METHODS,
  type IntervalLevel,
  SCORE_KINDS,
  TRAINING_LOOPS,
} from '@gatecast/core';
import { z } from '@hono/zod-openapi';

/** An object with one `schema` per registry interval level (`"80"`, `"95"`). */
function byLevel<T extends z.ZodType>(schema: T) {
  return z.object(
    Object.fromEntries(INTERVAL_LEVELS.map((level) => [level, schema])) as Record<IntervalLevel, T>,
  );
}

const Month = z
  .string()
  .openapi({ description: 'First of a month, YYYY-MM-01.', example: '2020-01-01' });

const byHorizon = (description: string) =>
  z.array(z.number().nullable()).openapi({
    description: `${description} One entry per horizon (index h − 1); null where no forecast of that horizon had a target inside the data.`,
  });

/** One forecaster's accuracy by horizon over a set of forecast origins. */
export const BacktestMetricsSchema = z
  .object({
    n: z.array(z.number().int()).openapi({
      description: 'Forecasts scored at each horizon (targets inside the data).',
    }),
    rmse: byHorizon('Root mean squared error, index points.'),
    mae: byHorizon('Mean absolute error, index points.'),
    coverage: byLevel(byHorizon('Share of targets inside the band.')),
    meanWidth: byLevel(byHorizon('Mean band width, index points.')),
    intervalScore: byLevel(
      byHorizon('Mean interval (Winkler) score, index points: lower is better.'),
    ),
    pinball: byHorizon(
      'Pinball loss averaged over the 14 quantiles of the report levels (50 .. 99), index points.',
    ),
  })
  .openapi('BacktestMetrics', {
    description: 'Accuracy of one forecaster at h = 1 .. H, keyed by interval level in percent.',
  });

const DmSeries = z
  .object({
    statistic: z.array(z.number().nullable()).openapi({
      description: 'HLN statistic by horizon; negative: the forecaster’s mean loss is lower.',
    }),
    pValue: z
      .array(z.number().nullable())
      .openapi({ description: 'Two-sided p-value by horizon.' }),
  })
  .openapi('BacktestDmSeries');

const Dm = z
  .object({ squaredError: DmSeries, intervalScore: byLevel(DmSeries) })
  .openapi('BacktestDm', {
    description:
      'Diebold–Mariano tests (HLN, h − 1 autocovariance lags) against one baseline over every ' +
      'origin’s forecasts in time order: of squared errors, and of 80% / 95% interval scores.',
  });

const Friedman = z
  .object({
    statistic: z.number(),
    df: z.number().int(),
    pValue: z.number(),
    kendallW: z.number().openapi({ description: 'Agreement of the origins’ rankings, 0 .. 1.' }),
    meanRanks: z.array(z.number()).openapi({
      description: 'Mean rank of each model (1 = best), in the ranking’s `models` order.',
    }),
  })
  .openapi('BacktestFriedman', {
    description: 'Friedman’s rank test across origins (blocks) of the ranked models.',
  });

const Ranking = z
  .object({
    ranks: z.array(z.array(z.number())).openapi({
      description:
        '`[origin][model]`: 1 = lowest error at that origin; ties share their mean rank. Origins ' +
        'in `design.origins` order.',
    }),
    friedman: Friedman.nullable(),
  })
  .openapi('BacktestRanking');

/** The compact part of the file: pooled figures and tests, ranks, and the lesson's ordering. */
export const BacktestSummarySchema = z
  .object({
    forecasters: z
      .array(
        z.object({
          id: z.string().openapi({ example: 'gru-32@relative' }),
          kind: z.enum(['model', 'baseline']),
          metrics: BacktestMetricsSchema,
          dm: z
            .object({ naive: Dm.optional(), ar1: Dm.optional() })
            .openapi({ description: 'Against naive and AR(1); absent for the baseline itself.' }),
        }),
      )
      .openapi({ description: 'Every model and baseline pooled over all origins.' }),
    wins: z
      .array(
        z.object({
          id: z.string(),
          rmse: z.object({ naive: z.number().int(), ar1: z.number().int() }),
          intervalScore: z.object({ naive: z.number().int(), ar1: z.number().int() }),
        }),
      )
      .openapi({
        description:
          'Origins at which a model’s h = 1 RMSE (and its h = 1 interval score, mean of 80 and ' +
          '95) was below each baseline’s, out of `design.origins.length`.',
      }),
    ranking: z
      .object({ models: z.array(z.string()), rmse: Ranking, intervalScore: Ranking })
      .openapi({
        description:
          'The models ranked at every origin by h = 1 RMSE and by the h = 1 interval score ' +
          '(mean of 80 and 95), with Friedman’s test across origins.',
      }),
    lessonOrdering: z
      .object({
        cells: z.tuple([z.string(), z.string(), z.string()]).openapi({
          description: 'The lesson’s cells, worst claimed first: SimpleRNN, GRU, LSTM.',
        }),
        rmse: z.object({ holds: z.number().int(), ranking: Ranking }),
        intervalScore: z.object({ holds: z.number().int(), ranking: Ranking }),
      })
      .nullable()
      .openapi({
        description:
          'The lesson’s claim, “SimpleRNN worst, LSTM best”, among its three cells: at how many ' +
          'origins it holds by each criterion, and Friedman’s test of the three. Null when the ' +
          'backtest lacks one of them.',
      }),
  })
  .openapi('BacktestSummary');

const SplitPart = z
  .object({ count: z.number().int(), firstTarget: Month, lastTarget: Month })
  .openapi('BacktestSplitPart', { description: 'Windows of a part, by their target months.' });

/** GET /v1/backtest: everything in `backtest.json` but the per-origin blocks. */
export const BacktestResponseSchema = z
  .object({
    createdAt: z.string().openapi({ description: 'When the backtest was written (ISO 8601).' }),
    data: z
      .object({
        file: z.string(),
        sha256: z.string(),
        first: Month,
        last: Month,
        months: z.number().int(),
      })
      .openapi({ description: 'The series the backtest ran on (the registry’s).' }),
    design: z
      .object({
        origins: z.array(Month).openapi({
          description: 'January origins: each refit sees only the months before its origin.',
        }),
        windowLength: z.number().int(),
        validationFraction: z.number(),
        maxHorizon: z.number().int(),
        protocol: z.literal('relative'),
      })
      .openapi({ description: 'How the origins and forecasts were laid out.' }),
    training: z
      .object({
        epochs: z.number().int(),
        batchSize: z.number().int(),
        seeds: z.array(z.number().int()),
        optimizer: z.literal('adam'),
        learningRate: z.number(),
        loop: z.enum(TRAINING_LOOPS),
      })
      .openapi({ description: 'How every model was refitted at every origin.' }),
    tfjsVersion: z.string(),
    backend: z.object({
      backend: z.string(),
      tfjsBackend: z.string(),
      skipped: z.array(z.object({ backend: z.string(), error: z.string() })),
    }),
    workers: z.number().int(),
    sweepSeconds: z.number().openapi({ description: 'Wall time of all the fits, seconds.' }),
    wallSeconds: z.number().openapi({ description: 'Wall time of the whole backtest, seconds.' }),
    summary: BacktestSummarySchema,
    originHorizons: z
      .number()
      .int()
      .openapi({
        description:
          'Horizons (1 .. this) of each origin’s figures that GET /v1/backtest/{id} serves; ' +
          '`models/backtest.json` in the repository holds every horizon.',
        example: 1,
      }),
  })
  .openapi('Backtest', {
    description:
      'The rolling-origin backtest (`npm run backtest`): every relative-protocol model refitted ' +
      'at each January origin on the months before it and judged on the forecasts made up to the ' +
      'next origin, beside naive, drift, AR(1) and naiveEwma refitted alike; pooled figures, ' +
      'Diebold–Mariano tests, per-origin ranks and Friedman’s test.',
  });

const IntervalMethod = z
  .object({
    method: z.enum(INTERVAL_METHODS),
    scores: z.enum(SCORE_KINDS),
    window: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Rolling window W in months; absent for a static set.' }),
  })
  .openapi('BacktestIntervalMethod', {
    description:
      'The interval method the model served at this origin, chosen on its validation tail.',
  });

const OriginFigures = z
  .object({
    origin: Month.openapi({ description: 'The first month the origin’s fit never sees.' }),
    fit: SplitPart,
    validation: SplitPart,
    forecastOrigins: z.object({ first: Month, last: Month, count: z.number().int() }).openapi({
      description: 'Months this origin’s forecasts were made from (each window’s last month).',
    }),
    logReturnStd: z.number().openapi({
      description:
        'σ of one-month log returns over the fitted span (the relative protocol’s scale).',
    }),
    servedSeed: z.number().int().optional().openapi({
      description: 'Models: the seed with the best validation RMSE, which made the forecasts.',
    }),
    seedValidationRmse: z.array(z.number()).optional().openapi({
      description:
        'Models: validation RMSE (h = 1, points) of every seed, in `training.seeds` order.',
    }),
    intervalMethod: IntervalMethod.optional(),
    ranks: z
      .object({ rmse: z.number(), intervalScore: z.number() })
      .optional()
      .openapi({
        description:
          'Models: rank among the backtest’s models at this origin (1 = best), by h = 1 RMSE and ' +
          'by the h = 1 interval score (mean of 80 and 95).',
      }),
    metrics: BacktestMetricsSchema.openapi({
      description: 'This origin’s figures at h = 1 .. `originHorizons`.',
    }),
  })
  .openapi('BacktestOrigin');

/** GET /v1/backtest/{id}: one forecaster at every origin (or one), beside its pooled figures. */
export const BacktestForecasterResponseSchema = z
  .object({
    id: z.string().openapi({ example: 'gru-32@relative' }),
    kind: z.enum(['model', 'baseline']),
    originHorizons: z.number().int().openapi({
      description: 'Horizons (1 .. this) each origin’s `metrics` holds.',
      example: 1,
    }),
    pooled: z
      .object({
        metrics: BacktestMetricsSchema,
        dm: z.object({ naive: Dm.optional(), ar1: Dm.optional() }),
      })
      .openapi({ description: 'Pooled over every origin at every horizon, as in the summary.' }),
    origins: z.array(OriginFigures).openapi({
      description: 'Every origin in time order, or the one `?origin=` names.',
    }),
  })
  .openapi('BacktestForecaster');

/** `{id}` of GET /v1/backtest/{id}: a model or baseline of the backtest. */
export const BacktestParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'id', in: 'path' },
      description:
        'A model of the backtest (its relative-protocol models, as GET /v1/backtest lists them ' +
        'in `summary.forecasters`) or a baseline: `naive`, `drift`, `ar1`, `naiveEwma`.',
      example: 'gru-32@relative',
    }),
});

/** `?origin=2020-01-01`: one origin's block only. */
export const BacktestQuerySchema = z.strictObject(
  {
    origin: z
      .string({ error: 'must be one first-of-month date YYYY-MM-01' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, { error: 'must be a first-of-month date YYYY-MM-01' })
      .optional()
      .openapi({
        param: { name: 'origin', in: 'query' },
        description: 'Only this origin (one of `design.origins`, a January YYYY-01-01).',
        example: '2020-01-01',
      }),
  },
  {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter${(issue.keys?.length ?? 0) > 1 ? 's' : ''}: ${(issue.keys ?? []).join(', ')}`
        : undefined,
  },
);

export type BacktestResponse = z.infer<typeof BacktestResponseSchema>;
export type BacktestForecasterResponse = z.infer<typeof BacktestForecasterResponseSchema>;
