// The flags a root script (train.mjs, backtest.mjs) hands to its CLI through turbo, resolved once.
import { resolve } from 'node:path';

/**
 * Resolves `--data` and `--out` (as `--flag value` or `--flag=value`) against the directory npm was
 * run from and drops turbo's own `--force`. A path other than the task's declared input or output
 * forces the run: turbo's cache only knows the declared files, so a hit would claim a file it
 * never wrote.
 *
 * @param {{ args: string[], declared: { '--data': string, '--out': string }, from: string }} options
 *   `args` as given to the script; `declared` the task's absolute paths; `from` npm's INIT_CWD.
 * @returns {{ force: boolean, out: string, cliArgs: string[] }} whether turbo must skip its cache,
 *   the absolute output path, and the arguments for the CLI.
 */
export function resolveTaskArgs({ args, declared, from }) {
  let force = args.includes('--force');
  let out = declared['--out'];
  const cliArgs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--force') continue;
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--data' || flag === '--out') {
      const value = inline ?? args[++i];
      const path = value === undefined ? '' : resolve(from, value);
      if (path !== declared[flag]) force = true;
      if (flag === '--out') out = path;
      cliArgs.push(flag, path);
    } else {
      cliArgs.push(arg);
    }
  }
  return { force, out, cliArgs };
}
