/**
 * A served model's interval calibration as of the series' end: everything needed to give a path
 * of forecasts quantiles at any level and horizon (`@gatecast/core`'s `pathBands`).
 */
import { z } from 'zod';
import { SCORE_KINDS, SERVABLE_INTERVAL_METHODS } from '../constants.js';
import { countSchema, sizeSchema } from './fields.js';

/**
 * One horizon's nonconformity scores, ascending. Units: the protocol's error units (log ratio
 * `ln(y/ŷ)` for the relative protocol, index points for the reference one) for `static` and
 * `rolling`; multiples of the origin's scale (unitless) for `volatility` and `learnedScale`.
 * Absolute values for `scores: 'absolute'`, signed for `'signed'`.
 */
export const calibrationHorizonSchema = z
  .strictObject({
    /** h, months ahead (1-based). */
    horizon: sizeSchema,
    /** How many scores: `scores.length` (the conformal rank is clipped to it at high levels). */
    size: countSchema,
    scores: z.array(z.number()).min(1),
  })
  .refine((h) => h.size === h.scores.length, { message: 'size must equal scores.length' })
  .refine((h) => h.scores.every((s, i) => i === 0 || (h.scores[i - 1] as number) <= s), {
    message: 'scores must be ascending',
  });
export type CalibrationHorizon = z.infer<typeof calibrationHorizonSchema>;

/** The EWMA volatility state of the `volatility` method at the series' last month. */
export const volatilityStateSchema = z.strictObject({
  /** Decay λ of the EWMA of squared one-month log returns. */
  lambda: z.number().gt(0).lt(1),
  /** σ² at the last month: one-month log-return variance (per month²). */
  variance: z.number().positive(),
});
export type VolatilityState = z.infer<typeof volatilityStateSchema>;

/**
 * The served interval method's state. `window` is set when the method recalibrates on the last W
 * scores (rolling, or volatility/learnedScale conformalised on a rolling window) and absent for a
 * static calibration set; `volatility` is set exactly for the `volatility` method. `horizons`
 * holds h = 1 .. H in order.
 */
export const calibrationSchema = z
  .strictObject({
    method: z.enum(SERVABLE_INTERVAL_METHODS),
    scores: z.enum(SCORE_KINDS),
    /** W, months of scores kept per horizon; absent for a static calibration set. */
    window: sizeSchema.optional(),
    volatility: volatilityStateSchema.optional(),
    horizons: z.array(calibrationHorizonSchema).min(1),
  })
  .refine((c) => c.horizons.every((h, i) => h.horizon === i + 1), {
    message: 'horizons must be 1 .. H in order',
    path: ['horizons'],
  })
  .refine((c) => (c.method === 'volatility') === (c.volatility !== undefined), {
    message: 'volatility is set exactly for the volatility method',
    path: ['volatility'],
  })
  .refine((c) => c.method !== 'rolling' || c.window !== undefined, {
    message: 'the rolling method needs a window',
    path: ['window'],
  });
export type Calibration = z.infer<typeof calibrationSchema>;
