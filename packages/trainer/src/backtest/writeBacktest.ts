// backtest.json is replaced only by rename: a killed run leaves the previous file whole.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Backtest, parseBacktest } from '@gatecast/core/registry';
import { sha256 } from '../registry/sha256.js';

/** Significant digits every non-integer figure is written with: ample, and a compact file. */
export const FIGURE_DIGITS = 6;

/** Every non-integer number of a JSON value to {@link FIGURE_DIGITS} significant digits. */
export function roundFigures<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)
        ? Number(v.toPrecision(FIGURE_DIGITS))
        : v,
    ),
  ) as T;
}

/** Whether the process that named a temporary `<file>.tmp-<pid>-<time>` still runs. */
function ownerAlive(name: string): boolean {
  const pid = Number(/\.tmp-(\d+)-\d+$/.exec(name)?.[1]);
  if (!Number.isInteger(pid)) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files a killed writer of `file` left beside it. */
export async function recoverBacktest(file: string): Promise<void> {
  const dir = dirname(file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const prefix = `${basename(file)}.tmp-`;
  for (const name of names) {
    if (name.startsWith(prefix) && !ownerAlive(name)) await rm(join(dir, name), { force: true });
  }
}

/** Options of {@link writeBacktest}. */
export interface WriteBacktestOptions {
  /** Where the results go, e.g. `models/backtest.json`. Replaced whole, or left as it was. */
  file: string;
  backtest: Backtest;
  /** Test hook: runs after the new file is written and verified, before it replaces the old. */
  beforeRename?: (tempFile: string) => Promise<void>;
}

/**
 * Writes `backtest.json` atomically: its figures rounded ({@link roundFigures}), parsed with core's
 * schema, written to a temporary sibling, read back and checked byte for byte and against the
 * schema again, then renamed over `file`. Any failure removes the temporary file and leaves `file`
 * as it was; a kill leaves at most a temporary file, which the next write removes.
 *
 * @returns the backtest as written
 * @throws {RegistryFormatError} when the results do not fit the schema (nothing is written)
 */
export async function writeBacktest(options: WriteBacktestOptions): Promise<Backtest> {
  const { file } = options;
  await recoverBacktest(file);
  const backtest = parseBacktest(roundFigures(options.backtest));
  const text = `${JSON.stringify(backtest)}\n`;
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(temp, text);
    const written = await readFile(temp, 'utf8');
    if (sha256(written) !== sha256(text)) throw new Error(`${temp} does not read back as written`);
    parseBacktest(JSON.parse(written));
    await options.beforeRename?.(temp);
    await rename(temp, file);
    return backtest;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
