/** `models/results.json`: the test period in full, for the comparison site's charts and parity tests. */
import { z } from 'zod';
import { RESULTS_FORMAT } from '../constants.js';
import { byIntervalLevel, intervalSchema, monthSchema, timestampSchema } from './fields.js';
import { formatHeader } from './header.js';
import { testMetricsSchema } from './metrics.js';

/** A served model's test predictions, all `[testCount]` in points. */
export const resultsModelSchema = z.strictObject({
  id: z.string().min(1),
  predictions: z.array(z.number()),
  intervals: byIntervalLevel(z.array(intervalSchema)),
  /** Test RMSE of every seed, in the manifest's seed order (for the ordering-stability chart). */
  seedRmse: z.array(z.number().nonnegative()),
});
export type ResultsModel = z.infer<typeof resultsModelSchema>;

/** A baseline's test predictions (in points) and metrics. */
export const resultsBaselineSchema = z.strictObject({
  predictions: z.array(z.number()),
  test: testMetricsSchema,
});

/** `models/results.json`. */
export const resultsSchema = z.strictObject({
  ...formatHeader(RESULTS_FORMAT),
  createdAt: timestampSchema,
  /** `[testCount]` target months, targets and each window's last close (points). */
  test: z.strictObject({
    dates: z.array(monthSchema),
    actual: z.array(z.number()),
    lastValues: z.array(z.number()),
  }),
  models: z.array(resultsModelSchema),
  baselines: z.strictObject({ naive: resultsBaselineSchema, drift: resultsBaselineSchema }),
});
export type Results = z.infer<typeof resultsSchema>;
