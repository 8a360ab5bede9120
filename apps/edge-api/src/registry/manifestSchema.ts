/**
 * The parts of `models/manifest.json` the worker reads, as a zod schema checked at load.
 *
 * The trainer owns the format (`packages/trainer/src/registry/manifest.ts`); this schema repeats
 * only what the API serves, and lets unknown fields through so that an additive change to the
 * manifest does not take the API down. A `format` or `formatVersion` other than the ones below is
 * refused.
 */
import { z } from 'zod';

/** The only manifest format this worker reads. */
export const MANIFEST_FORMAT = 'gatecast-registry';
/** The only manifest format version this worker reads. */
export const MANIFEST_FORMAT_VERSION = 1;

/** Interval levels the registry records, in percent. */
export const INTERVAL_LEVELS = ['80', '95'] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

const finite = z.number().refine(Number.isFinite, 'must be finite');
const month = z.string().regex(/^\d{4}-\d{2}-01$/, 'must be a first-of-month date YYYY-MM-01');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');

const testMetrics = z.looseObject({
  rmse: finite,
  mae: finite,
  mase: finite,
  mape: finite,
  directionalAccuracy: finite,
});
const meanSd = z.object({ mean: finite, sd: finite });

const modelSpec = z.object({
  windowLength: z.number().int().positive(),
  recurrent: z
    .array(
      z.object({
        cell: z.enum(['simpleRNN', 'gru', 'lstm']),
        units: z.number().int().positive(),
        returnSequences: z.boolean(),
      }),
    )
    .min(1),
  head: z
    .array(z.object({ units: z.number().int().positive(), activation: z.enum(['relu', 'linear']) }))
    .min(1),
  protocol: z.enum(['reference', 'relative']),
});

const scalerParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('identity') }),
  z.object({ kind: z.literal('relative'), logReturnStd: finite.positive() }),
]);

/** A conformal half-width serialized by JSON.stringify: `null` stands for an infinite width. */
const intervalReport = z.looseObject({
  halfWidthScaled: z.number().nonnegative().nullable(),
  testCoverage: finite,
  meanTestWidth: z.number().nullable(),
});
const band = z.tuple([z.number().nullable(), z.number().nullable()]);

const manifestModel = z.looseObject({
  id: z.string().min(1),
  configName: z.string(),
  cell: z.enum(['simpleRNN', 'gru', 'lstm']),
  units: z.number().int().positive(),
  protocol: z.enum(['reference', 'relative']),
  spec: modelSpec,
  parameterCount: z.number().int().positive(),
  scaler: scalerParams,
  files: z.object({
    modelJson: z.string(),
    weights: z.string(),
    modelJsonSha256: sha256Hex,
    weightsSha256: sha256Hex,
  }),
  servedSeed: z.number().int(),
  seeds: z.array(z.looseObject({ seed: z.number().int() })).min(1),
  validationRmse: finite,
  test: testMetrics,
  summary: z.looseObject({ rmse: meanSd, mae: meanSd, mase: meanSd, mape: meanSd }),
  dmVsNaive: z.object({ statistic: z.number(), pValue: z.number() }),
  trainingSeconds: finite,
  intervals: z.object({ '80': intervalReport, '95': intervalReport }),
  forecast: z.object({
    asOf: month,
    target: month,
    value: finite,
    scaledValue: finite,
    intervals: z.object({ '80': band, '95': band }),
  }),
});

const baseline = z.looseObject({ description: z.string(), test: testMetrics, forecast: finite });

/** Schema of `models/manifest.json` (see the trainer's `Manifest` type). */
export const manifestSchema = z.looseObject({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  createdAt: z.string().min(1),
  data: z.looseObject({
    file: z.string(),
    sha256: sha256Hex,
    first: month,
    last: month,
    months: z.number().int().positive(),
  }),
  split: z.looseObject({ windowLength: z.number().int().positive() }),
  tfjsVersion: z.string(),
  defaultModel: z.string().min(1),
  baselines: z.object({
    naive: baseline,
    drift: baseline.extend({ meanLogReturn: finite }),
  }),
  models: z.array(manifestModel).min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestModel = Manifest['models'][number];
