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

/**
 * What a served model is for. `forecaster`: meant to forecast (the scale-free `relative`
 * protocol). `lesson-reproduction`: the lesson's protocol reproduced faithfully (raw levels in and
 * out) to show what it gives — forecasts far below the index and bands that reach below zero — not
 * meant for use. Listings and the default model are forecasters unless a reader asks for more.
 */
export const MODEL_ROLES = ['forecaster', 'lesson-reproduction'] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

/** The role each protocol's models play (the registry check refuses an entry that disagrees). */
export const PROTOCOL_ROLES: Readonly<Record<Protocol, ModelRole>> = {
  reference: 'lesson-reproduction',
  relative: 'forecaster',
};

/** Activations a model's dense head may use. */
export const DENSE_ACTIVATIONS = ['relu', 'linear'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/**
 * What a model's head outputs, per window, in the protocol's scaled space: `point` one value (the
 * forecast; a spec without `output` is a point model), `gaussian` two, `[μ, ρ]`: the location and
 * the log-scale of a Gaussian (scale `s = exp(ρ)`, same units as μ), trained with its negative
 * log-likelihood. {@link MODEL_OUTPUT_UNITS} gives the head's last-layer width of each.
 */
export const MODEL_OUTPUTS = ['point', 'gaussian'] as const;
export type ModelOutput = (typeof MODEL_OUTPUTS)[number];

/** Units of the last dense layer (outputs per window) of each {@link ModelOutput}. */
export const MODEL_OUTPUT_UNITS = { point: 1, gaussian: 2 } as const satisfies Record<
  ModelOutput,
  number
>;

/** Months per input window, as in the lesson: every model reads the last 12 monthly closes. */
export const WINDOW_LENGTH = 12;

/**
 * Prediction-interval levels, in percent, spelled as the registry's JSON keys them (`"80"`).
 * `Number(level) / 100` is the coverage.
 */
export const INTERVAL_LEVELS = ['80', '95'] as const;
export type IntervalLevel = (typeof INTERVAL_LEVELS)[number];

/**
 * Coverage levels, in percent, at which every interval method and baseline is scored (the full
 * tables of `intervals.json`, the calibration chart). The API serves any integer level in
 * 50–99; these are the ones reported.
 */
export const REPORT_LEVELS = [50, 60, 70, 80, 90, 95, 99] as const;

/** Longest forecast path, in months: every model and baseline forecasts h = 1 .. 12. */
export const MAX_HORIZON = 12;

/**
 * Decay λ of the EWMA of squared one-month log returns (RiskMetrics' value) behind the
 * `volatility` interval method and the `naiveEwma` baseline.
 */
export const EWMA_LAMBDA = 0.94;

/**
 * Interval methods, as the registry names them:
 * - `static`: split-conformal on the validation tail's h-step scores;
 * - `rolling`: conformal quantile of the last W h-step scores known at the origin;
 * - `aci`: adaptive conformal inference (Gibbs & Candès 2021), reported only;
 * - `volatility`: scores divided by the EWMA volatility at their origin times √h, conformalised
 *   (static or rolling);
 * - `learnedScale`: scores divided by the path scale a `[location, log-scale]` model outputs,
 *   conformalised (static or rolling).
 */
export const INTERVAL_METHODS = ['static', 'rolling', 'aci', 'volatility', 'learnedScale'] as const;
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];

/**
 * The methods that can serve any level (their state is a stored list of scores), so the only ones
 * a model may be served with. `aci` tracks one level at a time and is reported only.
 */
export const SERVABLE_INTERVAL_METHODS = [
  'static',
  'rolling',
  'volatility',
  'learnedScale',
] as const;
export type ServableIntervalMethod = (typeof SERVABLE_INTERVAL_METHODS)[number];

/**
 * How a method's nonconformity scores are kept: `absolute` (|z|, symmetric bands, the quantile at
 * the level) or `signed` (z, two tails, quantiles at (1 ∓ level)/2).
 */
export const SCORE_KINDS = ['absolute', 'signed'] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];

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
/** `format` of a registry's `intervals.json` (the site's; never bundled into the worker). */
export const INTERVALS_FORMAT = 'gatecast-intervals';
/** `format` of `backtest.json`, the rolling-origin backtest `npm run backtest` writes. */
export const BACKTEST_FORMAT = 'gatecast-backtest';
/**
 * The backtest's file name in the registry directory. Another command writes it, so the training
 * sweep, which replaces the registry directory whole, carries it over.
 */
export const BACKTEST_FILE = 'backtest.json';
/**
 * `formatVersion` of every file of a registry (the manifest and the files it lists); readers refuse
 * any other value. Bumped with every change to a file's schema (a field added, renamed, dropped or
 * given another meaning): readers are strict, so files of another version would not parse anyway,
 * and the version makes the refusal say why. See `registry/index.ts`. 3: each model's `role`.
 */
export const REGISTRY_FORMAT_VERSION = 3;
