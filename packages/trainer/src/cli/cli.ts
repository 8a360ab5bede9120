#!/usr/bin/env node
// gatecast-train: a thin shell over `train()`; every piece it calls is importable and tested.
import { CsvError } from '@gatecast/core';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { train } from '../sweep.js';
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

  const total = options.protocols.length * options.configs.length * options.seeds;
  const progress = createProgressReporter(total, options.epochs);
  try {
    const summary = await train({ ...options, onEvent: (e) => progress.onEvent(e) });
    progress.stop();
    printSummary(summary, options.outDir, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof CsvError) {
      process.stderr.write(`gatecast-train: ${options.dataFile}: ${error.message}\n`);
      return 2;
    }
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' &&
      (error as NodeJS.ErrnoException).path === options.dataFile
    ) {
      process.stderr.write(`gatecast-train: cannot read ${options.dataFile}: no such file\n`);
      return 2;
    }
    process.stderr.write(
      `gatecast-train: training failed, ${options.outDir} left as it was: ${(error as Error).message}\n`,
    );
    return 1;
  }
}

silenceTfjsNotices();
process.exitCode = await cli(process.argv.slice(2));
