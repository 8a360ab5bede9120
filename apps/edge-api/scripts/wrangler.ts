/**
 * Running wrangler from the package's scripts: offline (no cf.json fetch, no metrics), in the
 * package directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The edge-api package directory. */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment every wrangler run gets: this one, offline. */
export const wranglerEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};

/**
 * Runs `wrangler <args>` to completion.
 *
 * @returns its stdout and stderr, interleaved.
 * @throws Error with that output when wrangler exits with a non-zero code.
 */
export function runWrangler(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('wrangler', args, { cwd: packageDir, env: wranglerEnv });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done(output) : fail(new Error(`wrangler ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

/**
 * Bundles the worker as `wrangler deploy` would, without deploying (`--dry-run --minify`), into
 * `outdir`. The site's files are not part of the worker bundle (wrangler uploads them beside it),
 * so the dry run reads an empty assets directory: building needs no apps/site/dist and cannot race
 * the site's own build.
 *
 * @returns wrangler's output, which ends with its "Total Upload: … / gzip: …" line.
 */
export async function bundleWorker(outdir: string): Promise<string> {
  const emptyAssets = mkdtempSync(join(tmpdir(), 'gatecast-no-assets-'));
  try {
    return await runWrangler([
      'deploy',
      '--dry-run',
      '--minify',
      '--outdir',
      outdir,
      '--assets',
      emptyAssets,
    ]);
  } finally {
    rmSync(emptyAssets, { recursive: true, force: true });
  }
}
