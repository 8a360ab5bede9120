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

/** A baseline as the manifest records it; `forecast` is next month's, in points. */
export const manifestBaselineSchema = z.strictObject({
  description: z.string(),
  test: testMetricsSchema,
  forecast: z.number(),
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
      /** Mean one-month log return over the training span. */
      meanLogReturn: z.number(),
    }),
  }),
  models: z.array(manifestModelSchema).min(1),
  /** sha256 of the other files at the registry root. */
  files: z.strictObject({ 'results.json': sha256HexSchema }),
});
export type Manifest = z.infer<typeof manifestSchema>;
