/**
 * @gatecast/core: pure TypeScript, no I/O. Runs in Node, in workerd and in a browser bundle.
 * The tfjs-layers builder lives apart, in `@gatecast/core/tfjs`, so that importing this entry
 * never pulls tfjs into a bundle.
 */
export * from './baselines/index.js';
export * from './cells/index.js';
export { CSV_HEADER, CsvError, parseMonthlyCsv } from './csv/parseMonthlyCsv.js';
export * from './metrics/index.js';
export * from './model/index.js';
export * from './registry/format.js';
export * from './scalers/index.js';
export { type MonthlySeries, monthsBetween, nextMonth } from './series/monthlySeries.js';
export * from './stats/index.js';
export * from './windows/index.js';
