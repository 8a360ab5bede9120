#!/usr/bin/env node
// `npm run backtest -- [flags]`: hands the backtest to turbo, so an unchanged rerun is a cache hit
// that restores models/backtest.json (turbo's declared output). Turbo's own `--force` stays with
// turbo; every other flag goes to gatecast-backtest, with --data and --out resolved against the
// directory npm was run from. Turbo only hashes data/sp500_monthly.csv and only restores
// models/backtest.json, so a run told to read or write anywhere else always runs (--force): a
// cache hit would claim a file it never wrote.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const declared = {
  '--data': resolve(root, 'data/sp500_monthly.csv'),
  '--out': resolve(root, 'models/backtest.json'),
};
const args = process.argv.slice(2);
let force = args.includes('--force');
const backtestArgs = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--force') continue;
  const [flag, inline] = arg.split(/=(.*)/s, 2);
  if (flag === '--data' || flag === '--out') {
    const value = inline ?? args[++i];
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: npm's own variable, read before turbo runs
    const from = process.env.INIT_CWD ?? '.';
    const path = value === undefined ? '' : resolve(from, value);
    if (path !== declared[flag]) force = true;
    backtestArgs.push(flag, path);
  } else {
    backtestArgs.push(arg);
  }
}
const turboArgs = ['run', 'backtest', '--filter=@gatecast/trainer'];
if (force) turboArgs.push('--force');
if (backtestArgs.length > 0) turboArgs.push('--', ...backtestArgs);
const { status } = spawnSync('turbo', turboArgs, { stdio: 'inherit' });
process.exit(status ?? 1);
