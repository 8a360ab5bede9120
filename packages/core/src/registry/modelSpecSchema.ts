/**
 * A model spec: `input [windowLength, 1] → recurrent layers → dense head → [1]`. The trainer builds
 * and trains it, the manifest records it, the worker runs it; `ModelSpec` is inferred from here.
 */
import { z } from 'zod';
import { CELL_KINDS, DENSE_ACTIVATIONS, MODEL_OUTPUTS, PROTOCOLS } from '../constants.js';
import { sizeSchema } from './fields.js';

/** One recurrent layer. Every layer but the last must set `returnSequences: true`. */
export const recurrentLayerSpecSchema = z.strictObject({
  cell: z.enum(CELL_KINDS),
  /** Hidden size (state width). */
  units: sizeSchema,
  /** Emit the whole sequence `[T, units]` instead of the last state `[units]`. */
  returnSequences: z.boolean(),
});

/** One fully connected layer of the head. */
export const denseLayerSpecSchema = z.strictObject({
  units: sizeSchema,
  activation: z.enum(DENSE_ACTIVATIONS),
});

/**
 * A whole model: `[windowLength, 1]` → recurrent stack → dense head, whose last layer has
 * `MODEL_OUTPUT_UNITS[output]` units (1 for a point model, 2 for a gaussian one).
 */
export const modelSpecSchema = z.strictObject({
  /** Months per input window (12 in the lesson). */
  windowLength: sizeSchema,
  recurrent: z.array(recurrentLayerSpecSchema).min(1),
  head: z.array(denseLayerSpecSchema).min(1),
  protocol: z.enum(PROTOCOLS),
  /** What the head outputs (`MODEL_OUTPUTS`); absent means `'point'`. */
  output: z.enum(MODEL_OUTPUTS).optional(),
});
