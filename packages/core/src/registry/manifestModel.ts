/** One served model's entry in `manifest.json`: what it is, how well it did, where its weights are. */
import { z } from 'zod';
import { CELL_KINDS, MODEL_ROLES, PROTOCOLS } from '../constants.js';
import { calibrationSchema } from './calibration.js';
import {
  byIntervalLevel,
  countSchema,
  intervalSchema,
  monthSchema,
  nonNegativeSchema,
  sha256HexSchema,
  sizeSchema,
} from './fields.js';
import { modelIntervalSummarySchema, pathPointSchema, selectionSchema } from './intervalScores.js';
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

/** A model's next-month forecast from the last `windowLength` months of the data. */
export const modelForecastSchema = z.strictObject({
  /** Last month of the data. */
  asOf: monthSchema,
  /** The month forecast. */
  target: monthSchema,
  /** In points. */
  value: z.number(),
  /** Scaled-space model output (its location), for verifying a reload bit for bit. */
  scaledValue: z.number(),
  /** The served interval method's first-month bands at 80 and 95, in points. */
  intervals: byIntervalLevel(intervalSchema),
  /** h = 1 .. H from the series' end, with the quantiles of the 80 and 95 bands. */
  path: z.array(pathPointSchema).min(1),
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
  /** What the model is for: `PROTOCOL_ROLES[protocol]` (see `MODEL_ROLES`). */
  role: z.enum(MODEL_ROLES),
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
  /** The served interval method's state as of the series' end (serves any level, any horizon). */
  calibration: calibrationSchema,
  /** The served interval method's test scores at 80 and 95 per horizon. */
  intervalSummary: modelIntervalSummarySchema,
  /** Every interval-method candidate's validation scores, and the one served. */
  selection: selectionSchema,
  forecast: modelForecastSchema,
  files: modelFilesSchema,
});
export type ManifestModel = z.infer<typeof manifestModelSchema>;
