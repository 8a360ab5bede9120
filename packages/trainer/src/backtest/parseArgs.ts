import { availableParallelism } from 'node:os';
import { TRAINING_LOOPS } from '@gatecast/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AUTO_ORDER, type BackendPreference } from '../backend/selectBackend.js';
import { UsageError } from '../cli/parseArgs.js';
import { configsByName, trainsUnder } from '../train/configs.js';
import type { TrainingLoop } from '../train/jobs.js';
import { type BacktestOptions, defaultBacktestOptions } from './runBacktest.js';

/**
 * What `--quick` sets: two origins (the last full year and the cut-short last one), one seed, two
 * epochs, a point and a learned-scale config; well under a minute on two cores.
 */
export const QUICK_BACKTEST = {
  years: [2025, 2026],
  seeds: 1,
  epochs: 2,
  configs: ['simplernn-32', 'gru-8-nll'],
} as const;

const positiveInt =
  (what: string, min = 1) =>
  (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${what} must be an integer ≥ ${min}, got "${value}"`);
    }
    return n;
  };

const positiveNumber = (what: string) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError(`${what} must be a number > 0, got "${value}"`);
  }
  return n;
};

/** `2011-2026` or `2011,2015,2020`: origin years, ascending. */
export function parseYears(value: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(value.trim());
  const years = range
    ? Array.from(
        { length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) },
        (_, i) => Number(range[1]) + i,
      )
    : value.split(',').map((s) => Number(s.trim()));
  if (years.length === 0 || years.some((y) => !Number.isInteger(y))) {
    throw new InvalidArgumentError(
      `--origins must be years like 2011-2026 or 2011,2020, got "${value}"`,
    );
  }
  return years;
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The backtest's command line: every flag with its unit and default. */
export function buildBacktestCommand(): Command {
  const d = defaultBacktestOptions();
  return new Command('gatecast-backtest')
    .description(
      'Rolling-origin backtest: at every January origin, refit every relative-protocol config on ' +
        'the months before it (seeds chosen and intervals calibrated on its last 15% of windows), ' +
        'forecast 1..12 months ahead from every month up to the next origin with the served ' +
        'interval method, beside naive, drift, AR(1) and EWMA-naive refitted alike; pool, test ' +
        '(Diebold–Mariano, Friedman) and write backtest.json atomically. ' +
        'Exit codes: 0 done, 1 failed (the previous file left whole), 2 bad flag or data.',
    )
    .option('--data <file>', 'monthly series CSV with header date,close', d.dataFile)
    .option('--out <file>', 'results file to write (replaced atomically)', d.outFile)
    .option(
      '--origins <years>',
      'January origins: a range 2011-2026 or a list 2011,2020',
      `${d.years[0]}-${d.years.at(-1)}`,
    )
    .option(
      '--configs <list>',
      `comma-separated relative-protocol configs (default: all ${d.configs.length})`,
      d.configs.map((c) => c.name).join(','),
    )
    .option(
      '--seeds <count>',
      'seeds per config and origin (1..count)',
      positiveInt('--seeds'),
      d.seeds,
    )
    .option(
      '--epochs <count>',
      'passes over the fitting windows',
      positiveInt('--epochs'),
      d.epochs,
    )
    .option(
      '--batch-size <windows>',
      'windows per gradient step',
      positiveInt('--batch-size'),
      d.batchSize,
    )
    .option(
      '--learning-rate <rate>',
      "adam's learning rate",
      positiveNumber('--learning-rate'),
      d.learningRate,
    )
    .addOption(
      new Option('--backend <name>', 'tfjs backend; auto tries node-gpu → node → wasm → cpu')
        .choices(['auto', ...AUTO_ORDER])
        .default('auto'),
    )
    .addOption(new Option('--loop <name>', 'training loop').choices(TRAINING_LOOPS).default(d.loop))
    .option(
      '--workers <count>',
      `worker threads (0 = the main thread; default one per core, ${availableParallelism()} here)`,
      positiveInt('--workers', 0),
      d.workers,
    )
    .option(
      '--quick',
      `tiny run for tests: origins ${QUICK_BACKTEST.years.join(', ')}, ${QUICK_BACKTEST.seeds} seed × ${QUICK_BACKTEST.epochs} epochs, ${QUICK_BACKTEST.configs.join(' and ')}`,
      false,
    )
    .option('--force', "turbo's: rerun even when the cache holds this run", false)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
}

/** Parsed options, without the callbacks. */
export type BacktestCliOptions = Omit<
  BacktestOptions,
  'onEvent' | 'onOriginScored' | 'beforeRename'
>;

/**
 * Parses argv (without `node` and the script).
 *
 * @returns the options, or `'help'` when `--help` was asked for (commander printed it)
 * @throws {UsageError} for any bad flag or value
 */
export function parseBacktestArgs(
  argv: string[],
  print: (text: string) => void,
): BacktestCliOptions | 'help' {
  const command = buildBacktestCommand().configureOutput({ writeOut: print, writeErr: () => {} });
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')
        return 'help';
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const flags = command.opts<{
    data: string;
    out: string;
    origins: string;
    configs: string;
    seeds: number;
    epochs: number;
    batchSize: number;
    learningRate: number;
    backend: BackendPreference;
    loop: TrainingLoop;
    workers: number;
    quick: boolean;
  }>();
  let years: number[];
  let configs: BacktestOptions['configs'];
  try {
    years = flags.quick ? [...QUICK_BACKTEST.years] : parseYears(flags.origins);
    configs = configsByName(flags.quick ? QUICK_BACKTEST.configs : list(flags.configs));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (configs.length === 0) throw new UsageError('--configs names no config');
  for (const config of configs) {
    if (!trainsUnder(config, 'relative')) {
      throw new UsageError(`config "${config.name}" does not train under the relative protocol`);
    }
  }
  return {
    ...defaultBacktestOptions(),
    dataFile: flags.data,
    outFile: flags.out,
    years,
    configs,
    seeds: flags.quick ? QUICK_BACKTEST.seeds : flags.seeds,
    epochs: flags.quick ? QUICK_BACKTEST.epochs : flags.epochs,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    backend: flags.backend,
    loop: flags.loop,
    workers: flags.workers,
  };
}
