/** `models/manifest.json`: what was trained, on what, how well, and where the weights are. */
import { z } from 'zod';
import { MANIFEST_FORMAT, TRAINING_LOOPS } from '../constants.js';
import {
  countSchema,
  monthSchema,
  nonNegativeSchema,
  sha256HexSchema,
  sizeSchema,
  timestampSchema,
} from './fields.js';
import { formatHeader } from './header.js';
import { baselineIntervalSummarySchema, pathPointSchema } from './intervalScores.js';
import { manifestModelSchema } from './manifestModel.js';
import { testMetricsSchema } from './metrics.js';

/** A contiguous run of windows, named by their first and last target months. */
export const splitPartSchema = z.strictObject({
  count: countSchema,
  firstTarget: monthSchema,
  lastTarget: monthSchema,
});
export type SplitPart = z.infer<typeof splitPartSchema>;

/** How every model was trained. */
export const trainingSchema = z.strictObject({
  epochs: sizeSchema,
  batchSize: sizeSchema,
  seeds: z.array(z.number().int()).min(1),
  optimizer: z.literal('adam'),
  learningRate: z.number().positive(),
  loss: z.literal('meanSquaredError'),
  loop: z.enum(TRAINING_LOOPS),
});

/** The tfjs backend a registry was trained on, and the faster ones that failed to load first. */
export const registryBackendSchema = z.strictObject({
  /** `node-gpu`, `node`, `wasm` or `cpu`. */
  backend: z.string().min(1),
  /** tfjs' own name of the active backend, e.g. `tensorflow` or `wasm`. */
  tfjsBackend: z.string().min(1),
  skipped: z.array(z.strictObject({ backend: z.string(), error: z.string() })),
});
export type RegistryBackend = z.infer<typeof registryBackendSchema>;

/**
 * A baseline as the manifest records it, fitted on the fitted span (the span σ is fitted on):
 * `test` its h = 1 point metrics, `forecast` next month's point, `path` h = 1 .. H from the
 * series' end with its 80/95 quantiles, `intervalSummary` its test interval scores.
 */
export const manifestBaselineSchema = z.strictObject({
  description: z.string(),
  test: testMetricsSchema,
  forecast: z.number(),
  path: z.array(pathPointSchema).min(1),
  intervalSummary: baselineIntervalSummarySchema,
});
export type ManifestBaseline = z.infer<typeof manifestBaselineSchema>;

/** `models/manifest.json`. */
export const manifestSchema = z.strictObject({
  ...formatHeader(MANIFEST_FORMAT),
  createdAt: timestampSchema,
  /** The series trained on: file name under `data/`, its sha256, first and last month. */
  data: z.strictObject({
    file: z.string().min(1),
    sha256: sha256HexSchema,
    first: monthSchema,
    last: monthSchema,
    months: sizeSchema,
  }),
  split: z.strictObject({
    windowLength: sizeSchema,
    fit: splitPartSchema,
    validation: splitPartSchema,
    test: splitPartSchema,
  }),
  training: trainingSchema,
  tfjsVersion: z.string().min(1),
  backend: registryBackendSchema,
  /** Worker threads the sweep ran on (0: the calling thread). */
  workers: countSchema,
  /** Wall time of the whole sweep, in seconds. */
  sweepSeconds: nonNegativeSchema,
  /** The relative-protocol gated model with the best validation RMSE. */
  defaultModel: z.string().min(1),
  baselines: z.strictObject({
    naive: manifestBaselineSchema,
    drift: manifestBaselineSchema.extend({
      /** Mean one-month log return over the fitted span. */
      meanLogReturn: z.number(),
    }),
    /** AR(1) on one-month log returns, OLS on the fitted span; h steps by iterating the mean. */
    ar1: manifestBaselineSchema.extend({ c: z.number(), phi: z.number() }),
    /** Naive with Gaussian bands from the EWMA volatility, `σ_t·√h`. */
    naiveEwma: manifestBaselineSchema.extend({
      lambda: z.number().gt(0).lt(1),
      /** σ² at the series' last month, one-month log-return variance. */
      variance: z.number().positive(),
    }),
  }),
  models: z.array(manifestModelSchema).min(1),
  /**
   * sha256 of the other files at the registry root. `intervals.json` is the site's: the worker
   * neither bundles nor checks it.
   */
  files: z.strictObject({ 'results.json': sha256HexSchema, 'intervals.json': sha256HexSchema }),
});
export type Manifest = z.infer<typeof manifestSchema>;
