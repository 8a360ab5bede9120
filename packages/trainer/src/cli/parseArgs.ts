import { PROTOCOLS, type Protocol } from '@gatecast/core';
import { CommanderError } from 'commander';
import type { BackendPreference } from '../backend/selectBackend.js';
import type { TrainOptions } from '../sweep.js';
import { configsByName } from '../train/configs.js';
import type { TrainingLoop } from '../train/jobs.js';
import { buildCommand, QUICK } from './command.js';

export { QUICK } from './command.js';

/** A command-line mistake: the CLI prints it with the usage hint and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

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
    quick?: boolean;
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
