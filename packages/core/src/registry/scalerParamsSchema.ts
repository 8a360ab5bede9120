/** A fitted scaler's parameters as the manifest records them (core's `ScalerParams`). */
import { z } from 'zod';
import type { ScalerParams } from '../scalers/scaler.js';

/** `identity` for the reference protocol; `relative` with its training log-return sd. */
export const scalerParamsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('identity') }),
  z.strictObject({
    kind: z.literal('relative'),
    /** Standard deviation (sample, n−1) of one-month log returns over the training span. */
    logReturnStd: z.number().positive(),
  }),
]) satisfies z.ZodType<ScalerParams>;
