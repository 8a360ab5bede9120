#!/usr/bin/env node
// `npm run train -- [flags]`: hands the training run to turbo, so an unchanged retrain is a cache
// hit. Turbo's own `--force` (ignore the cache) stays with turbo; every other flag goes to
// gatecast-train, with --data and --out resolved against the directory npm was run from.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const turboFlags = args.filter((a) => a === '--force');
const trainerArgs = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--force') continue;
  const [flag, inline] = arg.split(/=(.*)/s, 2);
  if (flag === '--data' || flag === '--out') {
    const value = inline ?? args[++i];
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: npm's own variable, read before turbo runs
    const from = process.env.INIT_CWD ?? '.';
    trainerArgs.push(flag, value === undefined ? '' : resolve(from, value));
  } else {
    trainerArgs.push(arg);
  }
}
const turboArgs = ['run', 'train', '--filter=@gatecast/trainer', ...turboFlags];
if (trainerArgs.length > 0) turboArgs.push('--', ...trainerArgs);
const { status } = spawnSync('turbo', turboArgs, { stdio: 'inherit' });
process.exit(status ?? 1);
