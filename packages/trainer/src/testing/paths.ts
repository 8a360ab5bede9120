// Test-only helpers: paths into the repository and a scratch directory per test file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const REFERENCE_CSV = join(REPO_ROOT, 'data/sp500_monthly.csv');
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli/cli.js', import.meta.url));

/** A fresh empty directory under the OS temp dir. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gatecast-${prefix}-`));
}
