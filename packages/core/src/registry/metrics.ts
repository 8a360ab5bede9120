/** Accuracy figures as the registry records them (manifest and results alike). */
import { z } from 'zod';
import { nonNegativeSchema, shareSchema } from './fields.js';

/** Point-forecast accuracy on the test windows: RMSE and MAE in index points, MAPE in percent. */
export const testMetricsSchema = z.strictObject({
  rmse: nonNegativeSchema,
  mae: nonNegativeSchema,
  /** MAE over the training set's in-sample naive MAE (unitless). */
  mase: nonNegativeSchema,
  mape: nonNegativeSchema,
  /** Share of test months whose direction of move (vs the window's last value) was right. */
  directionalAccuracy: shareSchema,
});
export type TestMetrics = z.infer<typeof testMetricsSchema>;

/** Mean and sample standard deviation (n − 1; 0 for one value) of a set of per-seed figures. */
export const meanSdSchema = z.strictObject({ mean: z.number(), sd: nonNegativeSchema });
export type MeanSd = z.infer<typeof meanSdSchema>;

/** Mean ± sd over every seed of each test metric. */
export const metricsSummarySchema = z.record(testMetricsSchema.keyof(), meanSdSchema);
export type MetricsSummary = z.infer<typeof metricsSummarySchema>;

/** HLN-corrected Diebold–Mariano test of squared errors (negative: the first forecaster is better). */
export const dieboldMarianoSchema = z.strictObject({ statistic: z.number(), pValue: shareSchema });
