#!/usr/bin/env node
// gatecast-backtest: a thin shell over `runBacktest()`; every piece it calls is importable and tested.
import { CsvError } from '@gatecast/core';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { UsageError } from '../cli/parseArgs.js';
import { createProgressReporter } from '../cli/progress.js';
import { parseBacktestArgs } from './parseArgs.js';
import { printBacktestSummary } from './printSummary.js';
import { runBacktest } from './runBacktest.js';

async function cli(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseBacktestArgs>;
  try {
    options = parseBacktestArgs(argv, (text) => process.stdout.write(text));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `gatecast-backtest: ${error.message}\nRun gatecast-backtest --help for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
  if (options === 'help') return 0;

  const total = options.years.length * options.configs.length * options.seeds;
  const progress = createProgressReporter(total, options.epochs);
  let fitting = true;
  try {
    const { backtest } = await runBacktest({
      ...options,
      onEvent: (e) => progress.onEvent(e),
      onOriginScored: (origin, done, count) => {
        if (fitting) {
          progress.stop();
          fitting = false;
        }
        process.stderr.write(
          `[${done}/${count}] origin ${origin.slice(0, 7)} forecast and scored\n`,
        );
      },
    });
    if (fitting) progress.stop();
    printBacktestSummary(backtest, options.outFile, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (error) {
    if (fitting) progress.stop();
    if (error instanceof CsvError) {
      process.stderr.write(`gatecast-backtest: ${options.dataFile}: ${error.message}\n`);
      return 2;
    }
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' &&
      (error as NodeJS.ErrnoException).path === options.dataFile
    ) {
      process.stderr.write(`gatecast-backtest: cannot read ${options.dataFile}: no such file\n`);
      return 2;
    }
    process.stderr.write(
      `gatecast-backtest: backtest failed, ${options.outFile} left as it was: ${(error as Error).message}\n`,
    );
    return 1;
  }
}

silenceTfjsNotices();
process.exitCode = await cli(process.argv.slice(2));
