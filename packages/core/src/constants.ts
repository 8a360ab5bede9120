/**
 * gatecast's shared constants, each defined here once: the trainer, the worker and the site import
 * them (from `@gatecast/core`, or with the registry schema from `@gatecast/core/registry`). Plain
 * values and the types derived from them; no imports, so any bundle may pull this file in.
 */

/** Recurrent cell kinds, named as in Keras/tfjs-layers. */
export const CELL_KINDS = ['simpleRNN', 'gru', 'lstm'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** The two training protocols: raw levels (`reference`, the lesson's) or core's relative scaler. */
export const PROTOCOLS = ['reference', 'relative'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Activations a model's dense head may use. */
export const DENSE_ACTIVATIONS = ['relu', 'linear'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** Months per input window, as in the lesson: every model reads the last 12 monthly closes. */
export const WINDOW_LENGTH = 12;

/**
 * Prediction-interval levels, in percent, spelled as the registry's JSON keys them (`"80"`).
 * `Number(level) / 100` is the coverage.
 */
export const INTERVAL_LEVELS = ['80', '95'] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

/**
 * The trainer's two training loops, as the manifest records them: `fused` runs one custom-gradient
 * tfjs op per network; `layers` runs tfjs-layers' `fit`.
 */
export const TRAINING_LOOPS = ['fused', 'layers'] as const;
export type TrainingLoopName = (typeof TRAINING_LOOPS)[number];

/** `format` of a registry's `manifest.json`; readers refuse any other value. */
export const MANIFEST_FORMAT = 'gatecast-registry';
/** `format` of a registry's `results.json`. */
export const RESULTS_FORMAT = 'gatecast-results';
/**
 * `formatVersion` of every file of a registry (the manifest and the files it lists); readers refuse
 * any other value. Bumped with every change to a file's schema (a field added, renamed, dropped or
 * given another meaning): readers are strict, so files of another version would not parse anyway,
 * and the version makes the refusal say why. See `registry/index.ts`.
 */
export const REGISTRY_FORMAT_VERSION = 1;
