#!/usr/bin/env node
// `npm run backtest -- [flags]`: runs the backtest through turbo, and says what it did.
//
// Turbo's own `--force` (ignore the cache) stays with turbo; every other flag goes to
// gatecast-backtest, with --data and --out resolved against the directory npm was run from.
// Turbo hashes only data/sp500_monthly.csv (with the trainer's and core's sources) and restores
// only models/backtest.json (the backtest task's declared inputs and output), so an unchanged
// rerun is a cache hit that restores the file, even a deleted one. A run told to read or write
// anywhere else always runs (turbo's --force, on the backtest task alone; the build stays
// cached): a hit would claim a file it never wrote. Afterwards the file is read back and the run
// says what it holds, or exits 1 when there is none.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const declared = {
  '--data': resolve(root, 'data/sp500_monthly.csv'),
  '--out': resolve(root, 'models/backtest.json'),
};
// biome-ignore lint/suspicious/noUndeclaredEnvVars: npm's own variable, read before turbo runs
const from = process.env.INIT_CWD ?? '.';
const args = process.argv.slice(2);
let force = args.includes('--force');
let out = declared['--out'];
const backtestArgs = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--force') continue;
  const [flag, inline] = arg.split(/=(.*)/s, 2);
  if (flag === '--data' || flag === '--out') {
    const value = inline ?? args[++i];
    const path = value === undefined ? '' : resolve(from, value);
    if (path !== declared[flag]) force = true;
    if (flag === '--out') out = path;
    backtestArgs.push(flag, path);
  } else {
    backtestArgs.push(arg);
  }
}
const informational = backtestArgs.some((a) => a === '--help' || a === '-h');

/** The backtest's `createdAt` in `file`, or undefined when it holds no readable backtest. */
function createdAt(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).createdAt;
  } catch {
    return undefined;
  }
}

const turbo = (turboArgs) => spawnSync('turbo', turboArgs, { stdio: 'inherit' }).status ?? 1;
const before = createdAt(out);
const passed = backtestArgs.length > 0 ? ['--', ...backtestArgs] : [];
let status;
if (force) {
  // The trainer's build stays cached; only the backtest itself skips the cache.
  status = turbo(['run', 'build', '--filter=@gatecast/trainer']);
  if (status === 0)
    status = turbo([
      'run',
      'backtest',
      '--filter=@gatecast/trainer',
      '--only',
      '--force',
      ...passed,
    ]);
} else {
  status = turbo(['run', 'backtest', '--filter=@gatecast/trainer', ...passed]);
}
if (status === 0 && !informational) {
  const after = createdAt(out);
  if (after === undefined) {
    process.stderr.write(`backtest: the run reported success, but ${out} holds no backtest\n`);
    status = 1;
  } else if (after === before) {
    process.stdout.write(`backtest: ${out} already held this backtest (created ${after})\n`);
  } else {
    process.stdout.write(`backtest: ${out} now holds the backtest created ${after}\n`);
  }
}
process.exit(status);
