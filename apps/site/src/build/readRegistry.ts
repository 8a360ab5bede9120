/**
 * Reads the model registry and the data series the site is built from (build time, Node).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMonthlyCsv } from '@gatecast/core';
import {
  MANIFEST_FORMAT,
  type Manifest,
  REGISTRY_FORMAT_VERSION,
  RESULTS_FORMAT,
  type Results,
} from '../shared/registryTypes.js';

/** A registry file the site cannot render: wrong format tag or version, or inconsistent. */
export class RegistryFormatError extends Error {
  override readonly name = 'RegistryFormatError';
}

/** Everything the site renders from: the registry's two JSON files and the monthly series. */
export interface SiteInputs {
  manifest: Manifest;
  results: Results;
  /** The series the registry was trained on, oldest first, values in points. */
  series: { dates: readonly string[]; values: readonly number[] };
}

/**
 * Checks the format tags and that `results.json` describes the same models as the manifest.
 *
 * @throws {RegistryFormatError} naming the first mismatch
 */
export function checkRegistry(manifest: Manifest, results: Results): void {
  if (manifest.format !== MANIFEST_FORMAT || manifest.formatVersion !== REGISTRY_FORMAT_VERSION) {
    throw new RegistryFormatError(
      `manifest is ${manifest.format} v${manifest.formatVersion}; the site renders ${MANIFEST_FORMAT} v${REGISTRY_FORMAT_VERSION}`,
    );
  }
  if (results.format !== RESULTS_FORMAT || results.formatVersion !== REGISTRY_FORMAT_VERSION) {
    throw new RegistryFormatError(
      `results is ${results.format} v${results.formatVersion}; the site renders ${RESULTS_FORMAT} v${REGISTRY_FORMAT_VERSION}`,
    );
  }
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
  const manifest = JSON.parse(
    readFileSync(join(options.registryDir, 'manifest.json'), 'utf8'),
  ) as Manifest;
  const results = JSON.parse(
    readFileSync(join(options.registryDir, 'results.json'), 'utf8'),
  ) as Results;
  checkRegistry(manifest, results);
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
