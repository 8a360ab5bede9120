#!/usr/bin/env node
// gatecast-train: a thin shell over `train()`; every piece it calls is importable and tested.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvError } from '@gatecast/core';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { DataError } from '../data/prepareData.js';
import { train } from '../sweep.js';
import { keepSeries } from './keepSeries.js';
import { parseArgs, UsageError } from './parseArgs.js';
import { createProgressReporter } from './progress.js';
import { printSummary } from './summary.js';

async function cli(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv, (text) => process.stdout.write(text));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `gatecast-train: ${error.message}\nRun gatecast-train --help for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
  if (options === 'help') return 0;

  const dataError = await unreadable(options.dataFile);
  if (dataError) {
    process.stderr.write(`gatecast-train: cannot read ${options.dataFile}: ${dataError}\n`);
    return 2;
  }
  const total = options.protocols.length * options.configs.length * options.seeds;
  const progress = createProgressReporter(total, options.epochs);
  let copied: string | undefined;
  try {
    const summary = await train({
      ...options,
      onEvent: (e) => progress.onEvent(e),
      // Before the new registry replaces the old: a series from outside the repository's data/
      // goes into the registry, so codegen finds it wherever the registry is built.
      beforeSwap: async (tempDir) => {
        const copy = await keepSeries({
          dataFile: options.dataFile,
          csvText: await readFile(options.dataFile, 'utf8'),
          registryDir: tempDir,
          repoDataDir: REPO_DATA_DIR,
        });
        copied = copy?.slice(tempDir.length + 1);
      },
    });
    progress.stop();
    const print = (line: string) => process.stdout.write(`${line}\n`);
    printSummary(summary, resolve(options.outDir), print);
    if (copied) print(`series copied into the registry as ${copied} (it is not in data/)`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof CsvError || error instanceof DataError) {
      process.stderr.write(`gatecast-train: ${options.dataFile}: ${error.message}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).path === options.dataFile) {
      const why = code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable');
      process.stderr.write(`gatecast-train: cannot read ${options.dataFile}: ${why}\n`);
      return 2;
    }
    if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE') {
      process.stderr.write(`gatecast-train: ${options.dataFile}: too large to read as text\n`);
      return 2;
    }
    process.stderr.write(
      `gatecast-train: training failed, ${options.outDir} left as it was: ${(error as Error).message}\n`,
    );
    return 1;
  }
}

/** Why `path` cannot be read as a data file, or `undefined` when it is a readable file. */
async function unreadable(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return 'not a file';
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : (code ?? String(error));
  }
}

/** This repository's data/ (the CLI runs from packages/trainer/dist/cli/ or, in tests, src/cli/). */
const REPO_DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

silenceTfjsNotices();
process.exitCode = await cli(process.argv.slice(2));
