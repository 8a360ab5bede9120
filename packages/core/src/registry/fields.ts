/**
 * Field schemas shared by the registry's files: dates, hashes, and the numbers JSON can hold.
 *
 * `z.number()` (zod 4) refuses NaN and ±Infinity, and JSON has neither: `JSON.stringify` writes
 * both as `null`. A figure that may be infinite by design (a split-conformal half-width with too
 * few residuals for its level) is therefore `nullable` here, and the trainer writes `null` for it
 * explicitly; anywhere else a `null` is refused.
 */
import { z } from 'zod';
import { INTERVAL_LEVELS } from '../constants.js';

/** A first-of-month date, `YYYY-MM-01`: how the series and the registry name months. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'must be a first-of-month date YYYY-MM-01');

/** A lowercase hex sha256 of a file's bytes. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');

/** A UTC timestamp as `Date#toISOString` writes it, e.g. `2026-11-24T08:55:24.594Z`. */
export const timestampSchema = z.iso.datetime();

/** A whole number ≥ 0 (counts). */
export const countSchema = z.number().int().nonnegative();

/** A whole number ≥ 1 (sizes: units, months, epochs). */
export const sizeSchema = z.number().int().positive();

/** A share in [0, 1] (coverage, directional accuracy, p-values). */
export const shareSchema = z.number().min(0).max(1);

/** A finite number ≥ 0 (errors, widths, seconds). */
export const nonNegativeSchema = z.number().nonnegative();

/**
 * `[lower, upper]` in index points. A bound is `null` where it is infinite (the half-width it was
 * built from is infinite): `null` means unbounded on that side.
 */
export const intervalSchema = z.tuple([z.number().nullable(), z.number().nullable()]);

/**
 * An object keyed by every interval level (`"80"`, `"95"`) and nothing else.
 *
 * @example byIntervalLevel(intervalSchema) // parses { "80": [1, 2], "95": [0, 3] }
 */
export function byIntervalLevel<T extends z.ZodType>(schema: T) {
  return z.record(z.enum(INTERVAL_LEVELS), schema);
}
export type Interval = z.infer<typeof intervalSchema>;
