#!/usr/bin/env node
// `npm run train -- [flags]`: trains a registry through turbo, and says what it did.
//
// Turbo's own `--force` (ignore the cache) stays with turbo; every other flag goes to
// gatecast-train, with --data and --out resolved against the directory npm was run from. Turbo
// hashes only data/sp500_monthly.csv and restores only models/** (the train task's declared
// inputs and outputs), so an unchanged retrain into models/ is a cache hit that restores the
// registry, even a deleted one. A run told to read or write anywhere else always trains (turbo's
// --force, on the train task alone): a hit would replay "registry written to DIR" for a DIR it
// never wrote. Afterwards the registry is read back and the run says what it holds, or exits 1
// when there is none.
//
// `--help` (`-h`) needs nothing built: it is printed from the trainer's TypeScript source, with the
// paths this script passes, in well under a second (through turbo it would build core and the
// trainer first: half a minute on a fresh clone). On a terminal, the trainer draws its progress
// bars on the terminal itself: turbo hands a task's output to a pipe, where it prints plain lines.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canImportSources, importSource } from './sourceImports.mjs';
import { resolveTaskArgs } from './taskArgs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const declared = {
  '--data': resolve(root, 'data/sp500_monthly.csv'),
  '--out': resolve(root, 'models'),
};
// biome-ignore lint/suspicious/noUndeclaredEnvVars: npm's own variable, read before turbo runs
const from = process.env.INIT_CWD ?? '.';
const args = process.argv.slice(2);
const { force, out, cliArgs: trainerArgs } = resolveTaskArgs({ args, declared, from });
const informational = trainerArgs.some((a) => a === '--help' || a === '-h');

if (informational && canImportSources()) {
  const { helpText } = await importSource('packages/trainer/src/cli/command.ts');
  process.stdout.write(
    helpText({
      name: 'npm run train --',
      dataFile: relative(root, declared['--data']),
      outDir: `${relative(root, declared['--out'])}/`,
      where: 'in the repository',
      relativeTo: 'the directory npm runs in',
      notes:
        'Runs through turbo: a run into models/ whose inputs are unchanged is restored from its\n' +
        'cache; --force, or --data or --out elsewhere, always trains. Progress: bars on a terminal,\n' +
        'one line per finished run otherwise.',
    }),
  );
  process.exit(0);
}

/** The manifest's `createdAt` in `dir`, or undefined when it holds no readable registry. */
function createdAt(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).createdAt;
  } catch {
    return undefined;
  }
}

// On a terminal the trainer opens it for its bars (the train task passes this variable through).
const env = process.stderr.isTTY
  ? { ...process.env, GATECAST_TERMINAL_PROGRESS: '1' }
  : process.env;
const turbo = (turboArgs) => spawnSync('turbo', turboArgs, { stdio: 'inherit', env }).status ?? 1;
const before = createdAt(out);
const passed = trainerArgs.length > 0 ? ['--', ...trainerArgs] : [];
let status;
if (force) {
  // The trainer's build stays cached; only the training run itself skips the cache.
  status = turbo(['run', 'build', '--filter=@gatecast/trainer']);
  if (status === 0)
    status = turbo(['run', 'train', '--filter=@gatecast/trainer', '--only', '--force', ...passed]);
} else {
  status = turbo(['run', 'train', '--filter=@gatecast/trainer', ...passed]);
}
if (status === 0 && !informational) {
  const after = createdAt(out);
  if (after === undefined) {
    process.stderr.write(`train: the run reported success, but ${out} holds no registry\n`);
    status = 1;
  } else if (after === before) {
    process.stdout.write(`train: ${out} already held this registry (created ${after})\n`);
  } else {
    process.stdout.write(`train: ${out} now holds the registry created ${after}\n`);
  }
}
process.exit(status);
