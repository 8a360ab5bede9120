/**
 * Reads the model registry and the data series the site is built from (build time, Node).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMonthlyCsv } from '@gatecast/core';
import {
  type Manifest,
  parseManifest,
  parseResults,
  RegistryFormatError,
  type Results,
} from '@gatecast/core/registry';

/**
 * A registry the site cannot render: not what core's registry schema describes (another format,
 * version or shape), or inconsistent between its files or with the series.
 */
export { RegistryFormatError };

/** Everything the site renders from: the registry's two JSON files and the monthly series. */
export interface SiteInputs {
  manifest: Manifest;
  results: Results;
  /** The series the registry was trained on, oldest first, values in points. */
  series: { dates: readonly string[]; values: readonly number[] };
}

/**
 * Parses the registry's two files with core's schema (which refuses another format, version or
 * shape) and checks that they agree with each other.
 *
 * @param manifestJson `manifest.json`, `JSON.parse`d
 * @param resultsJson `results.json`, `JSON.parse`d
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseRegistry(
  manifestJson: unknown,
  resultsJson: unknown,
): { manifest: Manifest; results: Results } {
  const manifest = parseManifest(manifestJson);
  const results = parseResults(resultsJson);
  checkRegistry(manifest, results);
  return { manifest, results };
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
 * Loads `manifest.json` and `results.json` from `registryDir` and the series from `dataFile`.
 *
 * @throws {RegistryFormatError} when the files are not a registry this site renders, or the
 * series is not the one the manifest was trained on (sha256, length, last month)
 */
export function readSiteInputs(options: { registryDir: string; dataFile: string }): SiteInputs {
  const readJson = (file: string): unknown =>
    JSON.parse(readFileSync(join(options.registryDir, file), 'utf8'));
  const { manifest, results } = parseRegistry(readJson('manifest.json'), readJson('results.json'));
  const csv = readFileSync(options.dataFile);
  const sha256 = createHash('sha256').update(csv).digest('hex');
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
  return { manifest, results, series };
}
