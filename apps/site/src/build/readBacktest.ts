/**
 * Reads the registry's `backtest.json` (build time, Node), the rolling-origin backtest that
 * `npm run backtest` writes beside the models. It is optional: without one, or with one run on
 * other data than the models, the page says why instead of showing a track record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BACKTEST_FILE,
  type Backtest,
  type Manifest,
  parseBacktest,
  RegistryFormatError,
} from '@gatecast/core/registry';

/** The backtest, or why the registry has none to show. */
export type BacktestInput = { backtest: Backtest } | { unavailable: string };

/**
 * Parses `<registryDir>/backtest.json` with core's schema and checks it ran on the manifest's
 * series.
 *
 * @throws {RegistryFormatError} when the file is there but is not a backtest core's schema accepts
 * (the build fails rather than publish it)
 */
export function readBacktest(registryDir: string, manifest: Manifest): BacktestInput {
  const path = join(registryDir, BACKTEST_FILE);
  if (!existsSync(path)) {
    return { unavailable: `the registry has no ${BACKTEST_FILE} (npm run backtest writes it)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RegistryFormatError(`${BACKTEST_FILE} is not JSON: ${(error as Error).message}`);
  }
  const backtest = parseBacktest(json);
  if (backtest.data.sha256 !== manifest.data.sha256) {
    return {
      unavailable: `${BACKTEST_FILE} was run on other data (sha256 ${backtest.data.sha256.slice(0, 12)}…) than the models (${manifest.data.sha256.slice(0, 12)}…); rerun npm run backtest`,
    };
  }
  return { backtest };
}
