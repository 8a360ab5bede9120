import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ModelSpec, WeightArray } from '@gatecast/core';
import {
  BACKTEST_FILE,
  type Intervals,
  type Manifest,
  type ManifestModel,
  parseIntervals,
  parseManifest,
  parseResults,
  type Results,
} from '@gatecast/core/registry';
import { toLayersArtifacts } from './layersArtifacts.js';
import { sha256 } from './sha256.js';
import { verifyRegistry } from './verifyRegistry.js';

/** A model to export: its manifest entry (file fields are filled in here) and its weights. */
export interface RegistryEntry {
  model: Omit<ManifestModel, 'files'>;
  spec: ModelSpec;
  weights: WeightArray[];
}

export interface WriteRegistryOptions {
  /** The registry directory, e.g. `models/`. Replaced whole, or left untouched on failure. */
  outDir: string;
  manifest: Omit<Manifest, 'models' | 'files'>;
  entries: RegistryEntry[];
  results: Results;
  /** `intervals.json`: the site's interval tables (listed in the manifest, not bundled). */
  intervals: Intervals;
  /** The last `windowLength` months of the data, in points, to verify the export against. */
  latestWindow: readonly number[];
  /**
   * The series trained on, as text: with it the export is verified in full, every recorded test
   * prediction reproduced (core's `checkRegistry`, as codegen and the worker run it).
   */
  seriesCsv?: string;
  /** Test hook: runs after the new registry is written and verified, before it replaces the old. */
  beforeSwap?: (tempDir: string) => Promise<void>;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Whether the process that named a sibling `<name>.<tmp|previous>-<pid>-<time>` still runs. */
function ownerAlive(sibling: string): boolean {
  const pid = Number(/\.(?:tmp|previous)-(\d+)-\d+$/.exec(sibling)?.[1]);
  if (!Number.isInteger(pid)) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a writer that was killed. The registry only ever changes by rename, so it is
 * never half written; what a kill can leave is a temporary sibling (removed here) or, in the
 * instant between the two renames of a swap, a registry moved aside to `.previous-*` (put back).
 */
export async function recoverRegistry(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  if (!(await exists(parent))) return;
  const base = basename(outDir);
  const orphans = (await readdir(parent)).filter(
    (n) => (n.startsWith(`${base}.tmp-`) || n.startsWith(`${base}.previous-`)) && !ownerAlive(n),
  );
  const previous = orphans
    .filter((n) => n.startsWith(`${base}.previous-`))
    .sort()
    .at(-1);
  if (previous && !(await exists(outDir))) await rename(join(parent, previous), outDir);
  // A `.previous-*` just put back no longer exists; rm with force skips it.
  for (const orphan of orphans) await rm(join(parent, orphan), { recursive: true, force: true });
}

/**
 * Writes a registry atomically: everything goes into a temporary sibling directory, which is
 * verified (hashes, reload with `tf.loadLayersModel`, forecasts reproduced) and only then renamed
 * over `outDir`. Any failure before the swap removes the temporary directory and leaves `outDir`
 * as it was.
 *
 * `results.json`, `intervals.json` and `manifest.json` are parsed with core's registry schema
 * before they are written, so a registry the worker or the site would refuse is never written: the caller passes
 * the JSON's own values (an infinite bound as `null`; a NaN or an infinity anywhere fails).
 *
 * @returns the manifest as written
 * @throws {RegistryFormatError} when the manifest or the results do not fit the schema
 */
export async function writeRegistry(options: WriteRegistryOptions): Promise<Manifest> {
  const { outDir, entries, results, latestWindow } = options;
  await recoverRegistry(outDir);
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tempDir = join(parent, `${basename(outDir)}.tmp-${stamp}`);
  try {
    await mkdir(tempDir);
    const models: ManifestModel[] = [];
    for (const entry of entries) {
      const artifacts = await toLayersArtifacts(entry.spec, entry.weights, 'weights.bin');
      const jsonText = `${JSON.stringify(artifacts.modelJson)}\n`;
      await mkdir(join(tempDir, entry.model.id));
      await writeFile(join(tempDir, entry.model.id, 'model.json'), jsonText);
      await writeFile(join(tempDir, entry.model.id, 'weights.bin'), artifacts.weightsBin);
      models.push({
        ...entry.model,
        files: {
          modelJson: `${entry.model.id}/model.json`,
          weights: `${entry.model.id}/weights.bin`,
          modelJsonSha256: sha256(jsonText),
          weightsSha256: sha256(artifacts.weightsBin),
        },
      });
    }
    const resultsText = `${JSON.stringify(parseResults(results))}\n`;
    await writeFile(join(tempDir, 'results.json'), resultsText);
    const intervalsText = `${JSON.stringify(parseIntervals(options.intervals))}\n`;
    await writeFile(join(tempDir, 'intervals.json'), intervalsText);
    const manifest = parseManifest({
      ...options.manifest,
      models,
      files: { 'results.json': sha256(resultsText), 'intervals.json': sha256(intervalsText) },
    } satisfies Manifest);
    await writeFile(join(tempDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await verifyRegistry(tempDir, latestWindow, { seriesCsv: options.seriesCsv });
    // Another command's file (the backtest's) survives the swap of the directory.
    if (await exists(join(outDir, BACKTEST_FILE))) {
      await copyFile(join(outDir, BACKTEST_FILE), join(tempDir, BACKTEST_FILE));
    }
    await options.beforeSwap?.(tempDir);

    const previous = join(parent, `${basename(outDir)}.previous-${stamp}`);
    const hadPrevious = await exists(outDir);
    if (hadPrevious) await rename(outDir, previous);
    await rename(tempDir, outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}
