/**
 * `@gatecast/core/registry`: the one schema of the model registry's JSON files, written with zod.
 * The trainer parses what it writes before writing it; the worker, codegen, the site, benches and
 * tests parse what they read. Types are inferred from the schemas and describe the JSON as written
 * (an infinite half-width or interval bound is `null`; interval levels are string keys).
 *
 * Imports nothing but zod and `../constants.js` (no tfjs), so any bundle can take it.
 *
 * ## Strict objects, versioned files
 * Every object is strict (`z.strictObject`): an unknown field is an error, as is a missing one.
 * The trainer, the worker and the site live in this repository and the worker bundles the registry
 * at build time, so a reader never meets a registry newer than its schema except by mistake; a
 * field added, renamed or dropped on one side only is drift, and strict parsing makes the tests
 * catch it. Each file opens with `format` and `formatVersion` ({@link formatHeader}), both literals:
 * a reader refuses any other kind of file or version, and says so first.
 *
 * ## Extending
 * One module a file (`manifest.ts`, `results.ts`, …), sharing `fields.ts`, `metrics.ts` and
 * `header.ts`. A new file (e.g. `backtest.json`) gets its own module, a format name in
 * `../constants.ts`, and a key in the manifest's `files`. Any change to a file's schema bumps
 * `REGISTRY_FORMAT_VERSION` (in `../constants.ts`, shared by every file), and the committed
 * registry is rewritten in the same change.
 */
export * from '../constants.js';
export * from './backtest.js';
export * from './calibration.js';
export * from './fields.js';
export { formatHeader } from './header.js';
export * from './intervalScores.js';
export * from './intervals.js';
export * from './manifest.js';
export * from './manifestModel.js';
export * from './metrics.js';
export * from './modelSpecSchema.js';
export * from './parse.js';
export * from './results.js';
export { scalerParamsSchema } from './scalerParamsSchema.js';
