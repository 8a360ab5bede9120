/**
 * @gatecast/core: pure TypeScript, no I/O. Runs in Node, in workerd and in a browser bundle.
 * The tfjs-layers builder lives apart, in `@gatecast/core/tfjs`, so that importing this entry
 * never pulls tfjs into a bundle; the registry's zod schema lives in `@gatecast/core/registry`,
 * and only its inferred types are re-exported here (so this entry pulls in no zod either).
 */
export * from './baselines/index.js';
export * from './cells/index.js';
export * from './constants.js';
export { CSV_HEADER, CsvError, parseMonthlyCsv } from './csv/parseMonthlyCsv.js';
export * from './forecast/index.js';
export * from './intervals/index.js';
export * from './metrics/index.js';
export * from './model/index.js';
export type {
  Calibration,
  CalibrationHorizon,
  Candidate,
  HorizonScores,
  HorizonSummary,
  Interval,
  IntervalDm,
  Intervals,
  IntervalsBaseline,
  IntervalsModel,
  LevelScores,
  Manifest,
  ManifestBaseline,
  ManifestModel,
  MeanSd,
  MethodScores,
  MetricsSummary,
  ModelForecast,
  ModelIntervalSummary,
  PathPoint,
  RegistryBackend,
  Results,
  ResultsModel,
  ScoreTable,
  SeedReport,
  Selection,
  SplitPart,
  TestMetrics,
} from './registry/index.js';
export * from './scalers/index.js';
export { type MonthlySeries, monthsBetween, nextMonth } from './series/monthlySeries.js';
export * from './stats/index.js';
export * from './windows/index.js';
