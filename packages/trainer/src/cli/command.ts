// The trainer's command line, apart from everything it runs: this module loads no tfjs, so
// `npm run train -- --help` prints it straight from source, before anything is built.
import { PROTOCOLS, TRAINING_LOOPS } from '@gatecast/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AUTO_ORDER } from '../backend/selectBackend.js';
import { TRAINING_CONFIGS } from '../train/configs.js';
import { defaultTrainOptions } from '../trainDefaults.js';

/** What `--quick` sets: a tiny sweep for tests and smoke runs (about 10 s on two cores). */
export const QUICK = { seeds: 2, epochs: 2 } as const;

/**
 * Who runs the command when it is not the `gatecast-train` binary: the help then shows that
 * command's usage and says where its default paths are.
 */
export interface Invocation {
  /** The command a person types, e.g. `npm run train --`. */
  name: string;
  /** The default `--data` and `--out` as that command passes them, e.g. `data/sp500_monthly.csv`. */
  dataFile: string;
  outDir: string;
  /** Where those defaults lie, e.g. `in the repository`. */
  where: string;
  /** Where a relative path given on the command line is taken from. */
  relativeTo: string;
  /** Lines shown after the options. */
  notes?: string;
}

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

/**
 * The trainer's command line: every flag with its unit, and its default shown once (commander's
 * `(default: …)`, never repeated in the description).
 *
 * @param invocation - the command that runs the trainer for a person (`npm run train --`), or
 *   none for the `gatecast-train` binary itself, whose relative paths are the current directory's
 */
export function buildCommand(invocation?: Invocation): Command {
  const defaults = defaultTrainOptions();
  const configNames = TRAINING_CONFIGS.map((c) => c.name);
  const relative = invocation ? `; a relative path is taken from ${invocation.relativeTo}` : '';
  const command = new Command(invocation?.name ?? 'gatecast-train')
    .description(
      'Train SimpleRNN, GRU and LSTM forecasters of the monthly S&P 500 on every config × protocol × ' +
        'seed, select each served model on validation RMSE, and write a verified registry ' +
        '(manifest.json, results.json, tfjs layers models). The previous registry is replaced only ' +
        'when everything succeeds. Exit codes: 0 done, 1 training failed, 2 bad flag or data.',
    )
    .addOption(
      new Option('--data <file>', `monthly series CSV with header date,close${relative}`).default(
        defaults.dataFile,
        invocation && `${invocation.dataFile} ${invocation.where}`,
      ),
    )
    .addOption(
      new Option(
        '--out <dir>',
        `registry directory to write, replaced atomically${relative}`,
      ).default(defaults.outDir, invocation && `${invocation.outDir} ${invocation.where}`),
    )
    .addOption(
      new Option(
        '--protocols <list>',
        'comma-separated protocols: reference (raw levels), relative (scaled log ratios)',
      ).default(PROTOCOLS.join(','), 'both'),
    )
    .addOption(
      new Option(
        '--configs <list>',
        'comma-separated configs (the -nll ones train under relative only)',
      ).default(configNames.join(','), `all: ${configNames.join(', ')}`),
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
    .addOption(
      new Option('--workers <count>', 'worker threads (0 = train in the main thread)')
        .argParser(positiveInt('--workers', 0))
        .default(defaults.workers, `one per core, ${defaults.workers} here`),
    )
    .option('--quick', `tiny run for tests: ${QUICK.seeds} seeds × ${QUICK.epochs} epochs`)
    .option(
      '--force',
      invocation
        ? 'train even when turbo holds this run in its cache'
        : 'for npm run train: train even when turbo holds the run in its cache (this binary always trains)',
    )
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  if (invocation?.notes) command.addHelpText('after', `\n${invocation.notes}`);
  return command;
}

/** The help `--help` prints, as {@link buildCommand} describes the command. */
export function helpText(invocation?: Invocation): string {
  let text = '';
  buildCommand(invocation)
    .configureOutput({ writeOut: (chunk) => (text += chunk) })
    .outputHelp();
  return text;
}
