#!/usr/bin/env node
// `npm run backtest -- [flags]`: runs the backtest through turbo, and says what it did.
//
// Turbo's own `--force` (ignore the cache) stays with turbo; every other flag goes to
// gatecast-backtest, with --data and --out resolved against the directory npm was run from.
// `--quick` runs turbo's `backtest:quick` task, whose file is .tmp/backtest-quick.json (never the
// committed models/backtest.json, the `backtest` task's). Turbo hashes only data/sp500_monthly.csv
// (with the trainer's and core's sources) and restores only the task's file (its declared inputs
// and output), so an unchanged rerun is a cache hit that restores the file, even a deleted one. A
// run told to read or write anywhere else always runs (turbo's --force, on the backtest task
// alone; the build stays cached): a hit would claim a file it never wrote. Afterwards the file is
// read back and the run says what it holds, or exits 1 when there is none.
//
// Turbo 2.11 also hashes a task's git-tracked outputs with its inputs: the committed
// models/backtest.json is part of the full run's key. The file is reproducible (no timestamps or
// timings in it), so a rerun that reproduces it keeps the key and hits.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveTaskArgs } from './taskArgs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// biome-ignore lint/suspicious/noUndeclaredEnvVars: npm's own variable, read before turbo runs
const from = process.env.INIT_CWD ?? '.';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const task = quick ? 'backtest:quick' : 'backtest';
const declared = {
  '--data': resolve(root, 'data/sp500_monthly.csv'),
  '--out': resolve(root, quick ? '.tmp/backtest-quick.json' : 'models/backtest.json'),
};
const { force, out, cliArgs: backtestArgs } = resolveTaskArgs({ args, declared, from });
const informational = backtestArgs.some((a) => a === '--help' || a === '-h');

/** The first 12 hex digits of the sha256 of a backtest `file`, or undefined when it holds none. */
function fingerprint(file) {
  try {
    const text = readFileSync(file, 'utf8');
    if (JSON.parse(text).format !== 'gatecast-backtest') return undefined;
    return createHash('sha256').update(text).digest('hex').slice(0, 12);
  } catch {
    return undefined;
  }
}

// On a terminal the CLI opens it for its bars (the backtest tasks pass this variable through).
const env = process.stderr.isTTY
  ? { ...process.env, GATECAST_TERMINAL_PROGRESS: '1' }
  : process.env;
const turbo = (turboArgs) => spawnSync('turbo', turboArgs, { stdio: 'inherit', env }).status ?? 1;
const before = fingerprint(out);
const passed = backtestArgs.length > 0 ? ['--', ...backtestArgs] : [];
let status;
if (force) {
  // The trainer's build stays cached; only the backtest itself skips the cache.
  status = turbo(['run', 'build', '--filter=@gatecast/trainer']);
  if (status === 0)
    status = turbo(['run', task, '--filter=@gatecast/trainer', '--only', '--force', ...passed]);
} else {
  status = turbo(['run', task, '--filter=@gatecast/trainer', ...passed]);
}
if (status === 0 && !informational) {
  const after = fingerprint(out);
  if (after === undefined) {
    process.stderr.write(`backtest: the run reported success, but ${out} holds no backtest\n`);
    status = 1;
  } else if (after === before) {
    process.stdout.write(`backtest: ${out} already held this backtest (sha256 ${after}…)\n`);
  } else {
    process.stdout.write(`backtest: ${out} now holds the backtest with sha256 ${after}…\n`);
  }
}
process.exit(status);
