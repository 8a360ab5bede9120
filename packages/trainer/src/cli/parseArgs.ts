import { availableParallelism } from 'node:os';
import { PROTOCOLS, type Protocol, TRAINING_LOOPS } from '@gatecast/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AUTO_ORDER, type BackendPreference } from '../backend/selectBackend.js';
import { defaultTrainOptions, type TrainOptions } from '../sweep.js';
import { configsByName, TRAINING_CONFIGS } from '../train/configs.js';
import type { TrainingLoop } from '../train/jobs.js';

/** A command-line mistake: the CLI prints it with the usage hint and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What `--quick` sets: a tiny sweep for tests and smoke runs (about 10 s on two cores). */
export const QUICK = { seeds: 2, epochs: 2 } as const;

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

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The trainer's command line: every flag with its unit and default. */
export function buildCommand(): Command {
  const defaults = defaultTrainOptions();
  return new Command('gatecast-train')
    .description(
      'Train SimpleRNN, GRU and LSTM forecasters of the monthly S&P 500 on every config × protocol × ' +
        'seed, select each served model on validation RMSE, and write a verified registry ' +
        '(manifest.json, results.json, tfjs layers models). The previous registry is replaced only ' +
        'when everything succeeds. Exit codes: 0 done, 1 training failed, 2 bad flag or data.',
    )
    .option('--data <file>', 'monthly series CSV with header date,close', defaults.dataFile)
    .option('--out <dir>', 'registry directory to write (replaced atomically)', defaults.outDir)
    .option(
      '--protocols <list>',
      `comma-separated protocols: reference (raw levels), relative (scaled log ratios)`,
      PROTOCOLS.join(','),
    )
    .option(
      '--configs <list>',
      `comma-separated configs (known: ${TRAINING_CONFIGS.map((c) => c.name).join(', ')}; the -nll ones train under relative only)`,
      TRAINING_CONFIGS.map((c) => c.name).join(','),
    )
    .option(
      '--seeds <count>',
      'seeds per config × protocol (seeds 1..count)',
      positiveInt('--seeds'),
      defaults.seeds,
    )
    .option(
      '--epochs <count>',
      'passes over the fitting windows per run (epochs)',
      positiveInt('--epochs'),
      defaults.epochs,
    )
    .option(
      '--batch-size <windows>',
      'windows of 12 months per gradient step',
      positiveInt('--batch-size'),
      defaults.batchSize,
    )
    .option(
      '--learning-rate <rate>',
      "adam's learning rate",
      positiveNumber('--learning-rate'),
      defaults.learningRate,
    )
    .addOption(
      new Option('--backend <name>', 'tfjs backend; auto tries node-gpu → node → wasm → cpu')
        .choices(['auto', ...AUTO_ORDER])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--loop <name>',
        'training loop: fused (one custom-gradient tfjs op per network, ~4× faster) or layers (tfjs-layers fit)',
      )
        .choices(TRAINING_LOOPS)
        .default(defaults.loop),
    )
    .option(
      '--workers <count>',
      `worker threads (0 = train in the main thread; default: one per core, ${availableParallelism()} here)`,
      positiveInt('--workers', 0),
      defaults.workers,
    )
    .option('--quick', `tiny run for tests: ${QUICK.seeds} seeds × ${QUICK.epochs} epochs`, false)
    .option(
      '--force',
      'retrain even if turbo would reuse a cached run (the trainer itself always trains)',
      false,
    )
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
}

/** Parsed options plus what the CLI itself needs. */
export type CliOptions = Omit<TrainOptions, 'onEvent' | 'beforeSwap'>;

/**
 * Parses argv (without `node` and the script) into train options.
 *
 * @returns the options, or `'help'` when `--help` was asked for (commander printed it)
 * @throws {UsageError} for any bad flag or value
 */
export function parseArgs(argv: string[], print: (text: string) => void): CliOptions | 'help' {
  const command = buildCommand().configureOutput({ writeOut: print, writeErr: () => {} });
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
    protocols: string;
    configs: string;
    seeds: number;
    epochs: number;
    batchSize: number;
    learningRate: number;
    backend: BackendPreference;
    workers: number;
    loop: TrainingLoop;
    quick: boolean;
  }>();
  const protocols = list(flags.protocols);
  for (const p of protocols) {
    if (!PROTOCOLS.includes(p as Protocol)) {
      throw new UsageError(`unknown protocol "${p}" (known: ${PROTOCOLS.join(', ')})`);
    }
  }
  if (protocols.length === 0) throw new UsageError('--protocols names no protocol');
  let configs: CliOptions['configs'];
  try {
    configs = configsByName(list(flags.configs));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (configs.length === 0) throw new UsageError('--configs names no config');
  return {
    dataFile: flags.data,
    outDir: flags.out,
    protocols: protocols as Protocol[],
    configs,
    seeds: flags.quick ? QUICK.seeds : flags.seeds,
    epochs: flags.quick ? QUICK.epochs : flags.epochs,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    backend: flags.backend,
    workers: flags.workers,
    loop: flags.loop,
  };
}
