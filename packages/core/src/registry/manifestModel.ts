/** One served model's entry in `manifest.json`: what it is, how well it did, where its weights are. */
import { z } from 'zod';
import { CELL_KINDS, PROTOCOLS } from '../constants.js';
import {
  byIntervalLevel,
  countSchema,
  intervalSchema,
  monthSchema,
  nonNegativeSchema,
  sha256HexSchema,
  shareSchema,
  sizeSchema,
} from './fields.js';
import { dieboldMarianoSchema, metricsSummarySchema, testMetricsSchema } from './metrics.js';
import { modelSpecSchema } from './modelSpecSchema.js';
import { scalerParamsSchema } from './scalerParamsSchema.js';

/** One seed's run of a model. */
export const seedReportSchema = z.strictObject({
  seed: z.number().int(),
  /** RMSE on the validation tail, in points: the only figure that picks the served seed. */
  validationRmse: nonNegativeSchema,
  test: testMetricsSchema,
  trainingSeconds: nonNegativeSchema,
  /** Mean training loss of the last epoch, in the protocol's scaled space. */
  finalLoss: nonNegativeSchema,
});
export type SeedReport = z.infer<typeof seedReportSchema>;

/** A served model's split-conformal prediction interval at one level. */
export const intervalReportSchema = z.strictObject({
  /**
   * Half-width in the protocol's scaled space; `null` when infinite (too few validation residuals
   * for the level), which makes every interval at this level unbounded.
   */
  halfWidthScaled: nonNegativeSchema.nullable(),
  /** Share of the test targets inside the interval. */
  testCoverage: shareSchema,
  /** Mean width of the test intervals, in points; `null` when infinite. */
  meanTestWidth: nonNegativeSchema.nullable(),
});
export type IntervalReport = z.infer<typeof intervalReportSchema>;

/** A model's next-month forecast from the last `windowLength` months of the data. */
export const modelForecastSchema = z.strictObject({
  /** Last month of the data. */
  asOf: monthSchema,
  /** The month forecast. */
  target: monthSchema,
  /** In points. */
  value: z.number(),
  /** Scaled-space model output, for verifying a reload bit for bit. */
  scaledValue: z.number(),
  intervals: byIntervalLevel(intervalSchema),
});
export type ModelForecast = z.infer<typeof modelForecastSchema>;

/** Where a model's tfjs-layers artifacts are, relative to the registry root, and their sha256. */
export const modelFilesSchema = z.strictObject({
  modelJson: z.string().min(1),
  weights: z.string().min(1),
  modelJsonSha256: sha256HexSchema,
  weightsSha256: sha256HexSchema,
});

/** One served model: a config under a protocol, with the weights of its best-validation seed. */
export const manifestModelSchema = z.strictObject({
  /** `<config>@<protocol>`, e.g. `lstm-32@relative`. */
  id: z.string().min(1),
  configName: z.string().min(1),
  /** First recurrent layer's cell and units (the whole stack is in `spec`). */
  cell: z.enum(CELL_KINDS),
  units: sizeSchema,
  protocol: z.enum(PROTOCOLS),
  spec: modelSpecSchema,
  parameterCount: countSchema,
  scaler: scalerParamsSchema,
  servedSeed: z.number().int(),
  /** Served seed's validation RMSE, in points. */
  validationRmse: nonNegativeSchema,
  /** Served seed's test metrics. */
  test: testMetricsSchema,
  /** Mean ± sd over every seed of the test metrics. */
  summary: metricsSummarySchema,
  seeds: z.array(seedReportSchema).min(1),
  /** Served seed against naive: HLN-corrected Diebold–Mariano on squared test errors. */
  dmVsNaive: dieboldMarianoSchema,
  /** Served seed's training wall time, in seconds. */
  trainingSeconds: nonNegativeSchema,
  intervals: byIntervalLevel(intervalReportSchema),
  forecast: modelForecastSchema,
  files: modelFilesSchema,
});
export type ManifestModel = z.infer<typeof manifestModelSchema>;
