/**
 * `npm run backtest` through turbo on a fresh clone: an unchanged rerun is a cache hit, a
 * deleted models/backtest.json is restored by that hit (turbo declares it as the task's output,
 * so a hit never claims a file it did not write), any changed input (trainer or core source, the
 * data) reruns, a run told to write elsewhere always runs, and a retrain keeps the backtest's file.
 *
 * The clone shares this checkout's installed dependencies (hard links; `cleanClone.test.ts` covers
 * `npm ci` itself) and runs `--quick` backtests.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBacktest } from '@gatecast/core/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { run } from './processes.js';

const scratch = mkdtempSync(join(tmpdir(), 'gatecast-backtest-'));
const clone = join(scratch, 'gatecast');
const file = join(clone, 'models/backtest.json');
const WORKSPACES = ['', 'packages/core', 'packages/trainer', 'apps/edge-api', 'apps/site', 'test'];

const backtest = (...args: string[]) =>
  run('npm', ['run', 'backtest', '--', '--quick', ...args], clone);
const cacheLine = (output: string) =>
  /@gatecast\/trainer:backtest: cache (hit|miss|bypass)/.exec(output)?.[1];

describe('npm run backtest through turbo', () => {
  let first = '';

  beforeAll(() => {
    run('git', ['clone', '--quiet', REPO_ROOT, clone], scratch);
    for (const dir of WORKSPACES) {
      const from = join(REPO_ROOT, dir, 'node_modules');
      if (existsSync(from)) execFileSync('cp', ['-al', from, join(clone, dir, 'node_modules')]);
    }
    rmSync(file, { force: true });
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('runs a quick backtest into models/backtest.json, then a rerun is a cache hit', () => {
    const output = backtest();
    expect(cacheLine(output)).toBe('miss');
    expect(output).toMatch(/wall time \d+ s .*written to .*models\/backtest\.json/);
    first = readFileSync(file, 'utf8');
    expect(parseBacktest(JSON.parse(first)).training).toMatchObject({ epochs: 2, seeds: [1] });

    expect(output).toMatch(/backtest: .*models\/backtest\.json now holds the backtest created /);
    const again = backtest();
    expect(cacheLine(again)).toBe('hit');
    expect(again).toMatch(/already held this backtest/);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('restores a deleted models/backtest.json from the cache', () => {
    rmSync(file);
    const output = backtest();
    expect(cacheLine(output)).toBe('hit');
    expect(output).toMatch(/now holds the backtest created /);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it.each([
    ['the trainer', 'packages/trainer/src/train/configs.ts', '\n// touched\n'],
    ['core', 'packages/core/src/stats/friedman.ts', '\n// touched\n'],
    ['the data', 'data/sp500_monthly.csv', ''],
  ])('reruns when %s changes', (_what, path, text) => {
    const target = join(clone, path);
    if (text) {
      appendFileSync(target, text);
    } else {
      // One close moved by a cent: the same series, other bytes.
      const csv = readFileSync(target, 'utf8');
      writeFileSync(target, csv.replace(/^1950-01-01,16\.88$/m, '1950-01-01,16.89'));
    }
    const output = backtest();
    expect(cacheLine(output)).toBe('miss');
    expect(parseBacktest(JSON.parse(readFileSync(file, 'utf8'))).design.origins).toHaveLength(2);
    expect(cacheLine(backtest())).toBe('hit');
  });

  it('always runs when told to write somewhere turbo does not restore', () => {
    const elsewhere = join(scratch, 'elsewhere.json');
    expect(cacheLine(backtest('--out', elsewhere))).toBe('bypass');
    rmSync(elsewhere);
    expect(cacheLine(backtest('--out', elsewhere))).toBe('bypass');
    expect(existsSync(elsewhere)).toBe(true);
  });

  it('keeps models/backtest.json when a retrain replaces the registry', () => {
    const before = readFileSync(file, 'utf8');
    run(
      'npm',
      ['run', 'train', '--', '--quick', '--configs', 'gru-8', '--protocols', 'relative'],
      clone,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
