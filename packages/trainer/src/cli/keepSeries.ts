import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The registry's own folder for a series trained from outside the repository's `data/`. */
export const REGISTRY_DATA_DIR = 'data';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

async function contentsOf(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Keeps a registry buildable wherever its series came from. The worker's codegen bundles the
 * manifest's `data.file` (the series' file name) from the registry's own `data/`, or else from
 * the repository's `data/`, whichever holds those exact bytes. A series that the repository's
 * `data/` does not hold under its name is copied into `<registryDir>/data/<name>`.
 *
 * @param csvText the series as trained on
 * @returns the copy's path, or `undefined` when the repository's `data/` already has the series
 */
export async function keepSeries(options: {
  dataFile: string;
  csvText: string;
  registryDir: string;
  repoDataDir: string;
}): Promise<string | undefined> {
  const name = basename(options.dataFile);
  const inRepo = await contentsOf(join(options.repoDataDir, name));
  if (inRepo && sha256(inRepo) === sha256(options.csvText)) return undefined;
  const dir = join(options.registryDir, REGISTRY_DATA_DIR);
  await mkdir(dir, { recursive: true });
  const copy = join(dir, name);
  await writeFile(copy, options.csvText);
  return copy;
}
