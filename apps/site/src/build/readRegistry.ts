/**
 * Reads the model registry and the data series the site is built from (build time, Node):
 * `manifest.json`, `results.json` and `intervals.json` (the interval scores in full, which only
 * the site reads; the worker bundles neither it nor anything derived from it).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMonthlyCsv } from '@gatecast/core';
import {
  type Intervals,
  type Manifest,
  parseIntervals,
  parseManifest,
  parseResults,
  RegistryFormatError,
  type Results,
} from '@gatecast/core/registry';
import { type BacktestInput, readBacktest } from './readBacktest.js';

/**
 * A registry the site cannot render: not what core's registry schema describes (another format,
 * version or shape), or inconsistent between its files or with the series.
 */
export { RegistryFormatError };

/** Everything the site renders from: the registry's three JSON files and the monthly series. */
export interface SiteInputs {
  manifest: Manifest;
  results: Results;
  intervals: Intervals;
  /** The series the registry was trained on, oldest first, values in points. */
  series: { dates: readonly string[]; values: readonly number[] };
  /** `backtest.json`, or why there is none (it is optional): the track record. */
  backtest?: BacktestInput;
}

/**
 * Parses the registry's three files with core's schema (which refuses another format, version or
 * shape) and checks that they agree with each other.
 *
 * @param json each file, `JSON.parse`d
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseRegistry(json: { manifest: unknown; results: unknown; intervals: unknown }): {
  manifest: Manifest;
  results: Results;
  intervals: Intervals;
} {
  const manifest = parseManifest(json.manifest);
  const results = parseResults(json.results);
  const intervals = parseIntervals(json.intervals);
  checkRegistry(manifest, results);
  checkIntervals(manifest, results, intervals);
  return { manifest, results, intervals };
}

/**
 * Checks that `results.json` describes the same models as the manifest, with a prediction per
 * test month and an RMSE per seed, and that the default model is one of them.
 *
 * @throws {RegistryFormatError} naming the first mismatch
 */
export function checkRegistry(manifest: Manifest, results: Results): void {
  const manifestIds = manifest.models.map((m) => m.id).join(',');
  const resultIds = results.models.map((m) => m.id).join(',');
  if (manifestIds !== resultIds) {
    throw new RegistryFormatError(`results models [${resultIds}] ≠ manifest [${manifestIds}]`);
  }
  if (!manifest.models.some((m) => m.id === manifest.defaultModel)) {
    throw new RegistryFormatError(`default model ${manifest.defaultModel} is not in the manifest`);
  }
  const testCount = manifest.split.test.count;
  for (const model of results.models) {
    if (model.predictions.length !== testCount) {
      throw new RegistryFormatError(
        `${model.id}: ${model.predictions.length} test predictions, expected ${testCount}`,
      );
    }
    if (model.seedRmse.length !== manifest.training.seeds.length) {
      throw new RegistryFormatError(
        `${model.id}: ${model.seedRmse.length} seed RMSEs, expected ${manifest.training.seeds.length}`,
      );
    }
  }
}

/**
 * Checks that `intervals.json` describes the manifest's models, each served with the method the
 * manifest calibrated, with a band per test month of `results.json`.
 *
 * @throws {RegistryFormatError} naming the first mismatch
 */
export function checkIntervals(manifest: Manifest, results: Results, intervals: Intervals): void {
  const manifestIds = manifest.models.map((m) => m.id).join(',');
  const intervalIds = intervals.models.map((m) => m.id).join(',');
  if (manifestIds !== intervalIds) {
    throw new RegistryFormatError(
      `intervals.json models [${intervalIds}] ≠ manifest [${manifestIds}]`,
    );
  }
  if (intervals.testDates.join() !== results.test.dates.join()) {
    throw new RegistryFormatError('intervals.json test months differ from results.json');
  }
  for (const model of intervals.models) {
    const manifestModel = manifest.models.find((m) => m.id === model.id);
    const served = model.methods.filter((m) => m.served);
    if (
      served.length !== 1 ||
      served[0]?.method !== model.servedMethod ||
      manifestModel?.calibration.method !== model.servedMethod
    ) {
      throw new RegistryFormatError(
        `${model.id}: served method ${model.servedMethod} in intervals.json, ${manifestModel?.calibration.method} in the manifest, ${served.length} methods marked served`,
      );
    }
    for (const [level, bands] of Object.entries(model.testBands)) {
      if (bands.length !== results.test.dates.length) {
        throw new RegistryFormatError(
          `${model.id}: ${bands.length} ${level}% test bands, expected ${results.test.dates.length}`,
        );
      }
    }
  }
}

/**
 * Loads the registry's files from `registryDir` (each checked against the sha256 the manifest
 * records) and the series from `dataFile`.
 *
 * @throws {RegistryFormatError} when the files are not a registry this site renders, a file is
 * not the one the manifest lists, or the series is not the one the manifest was trained on
 * (sha256, length, last month)
 */
export function readSiteInputs(options: { registryDir: string; dataFile: string }): SiteInputs {
  const bytes = {
    manifest: readFileSync(join(options.registryDir, 'manifest.json')),
    results: readFileSync(join(options.registryDir, 'results.json')),
    intervals: readFileSync(join(options.registryDir, 'intervals.json')),
  };
  const json = (file: Buffer): unknown => JSON.parse(file.toString('utf8'));
  const { manifest, results, intervals } = parseRegistry({
    manifest: json(bytes.manifest),
    results: json(bytes.results),
    intervals: json(bytes.intervals),
  });
  for (const [file, content] of [
    ['results.json', bytes.results],
    ['intervals.json', bytes.intervals],
  ] as const) {
    const actual = sha256Hex(content);
    if (actual !== manifest.files[file]) {
      throw new RegistryFormatError(
        `${file} has sha256 ${actual}; the manifest lists ${manifest.files[file]}`,
      );
    }
  }
  const csv = readFileSync(options.dataFile);
  const sha256 = sha256Hex(csv);
  if (sha256 !== manifest.data.sha256) {
    throw new RegistryFormatError(
      `${options.dataFile} has sha256 ${sha256}; the manifest was trained on ${manifest.data.sha256}`,
    );
  }
  const series = parseMonthlyCsv(csv.toString('utf8'));
  if (series.dates.length !== manifest.data.months || series.dates.at(-1) !== manifest.data.last) {
    throw new RegistryFormatError(
      `${options.dataFile} has ${series.dates.length} months to ${series.dates.at(-1)}; the manifest was trained on ${manifest.data.months} to ${manifest.data.last}`,
    );
  }
  return {
    manifest,
    results,
    intervals,
    series,
    backtest: readBacktest(options.registryDir, manifest),
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
