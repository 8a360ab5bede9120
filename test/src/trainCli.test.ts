/**
 * `npm run train` as a person meets it on a fresh clone: `--help` answers from source without
 * building anything or starting turbo, with the paths the script passes; a quick run on a
 * terminal shows the trainer's progress bars (turbo pipes a task's output, so the trainer draws
 * them on the terminal itself), and without a terminal it writes one plain line per run.
 *
 * The clone shares this checkout's installed dependencies (hard links; `cleanClone.test.ts` covers
 * `npm ci` itself), so it starts with no `dist/` anywhere, as a fresh clone does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { run, testEnv } from './processes.js';

const scratch = mkdtempSync(join(tmpdir(), 'gatecast-train-cli-'));
const clone = join(scratch, 'gatecast');
const WORKSPACES = ['', 'packages/core', 'packages/trainer', 'apps/edge-api', 'apps/site', 'test'];
const BUILT = [
  'packages/core/dist',
  'packages/trainer/dist',
  '.turbo',
  'node_modules/.cache/turbo',
];
const QUICK = ['--quick', '--configs', 'gru-8', '--protocols', 'relative'];
const BAR = /sweep +\|[█░]+\| [012]\/2 runs \| loss /;

/** Runs `command args` in the clone and says how long it took, in seconds. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = testEnv) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: clone, env, encoding: 'utf8' });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

describe('npm run train on a fresh clone', () => {
  beforeAll(() => {
    run('git', ['clone', '--quiet', REPO_ROOT, clone], scratch);
    for (const dir of WORKSPACES) {
      const from = join(REPO_ROOT, dir, 'node_modules');
      if (existsSync(from)) execFileSync('cp', ['-al', from, join(clone, dir, 'node_modules')]);
    }
    rmSync(join(clone, 'node_modules/.cache'), { recursive: true, force: true });
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints --help from source: no build, no turbo, with the paths the script passes', () => {
    // No turbo on this PATH: a run that reached turbo (and its build) would fail.
    const direct = timed(process.execPath, ['scripts/train.mjs', '--help'], {
      ...testEnv,
      PATH: '/usr/bin:/bin',
    });
    const npm = timed('npm', ['run', 'train', '--', '--help']);
    console.log(
      `train --help: node scripts/train.mjs ${direct.seconds.toFixed(2)} s, npm run train -- --help ${npm.seconds.toFixed(2)} s`,
    );
    for (const result of [direct, npm]) {
      expect(result.status, result.stderr).toBe(0);
      const text = result.stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Usage: npm run train -- [options]');
      expect(text).toContain('(default: data/sp500_monthly.csv in the repository)');
      expect(text).toContain('(default: models/ in the repository)');
      expect(text).not.toContain('turbo 2.');
    }
    expect(direct.stderr).toBe('');
    for (const path of BUILT) expect(existsSync(join(clone, path)), path).toBe(false);
  });

  it('shows progress bars on a terminal, and plain lines without one', () => {
    const out = join(scratch, 'models');
    const train = ['npm', 'run', 'train', '--', ...QUICK, '--out', out];
    const terminal = timed('script', ['-qec', train.map(quote).join(' '), '/dev/null']);
    expect(terminal.status, terminal.stdout.slice(-4000)).toBe(0);
    expect(terminal.stdout).toMatch(BAR);
    expect(terminal.stdout).toMatch(/now holds the registry created/);

    const piped = timed('npm', train.slice(1));
    expect(piped.status, piped.stderr.slice(-4000)).toBe(0);
    expect(piped.stderr + piped.stdout).toMatch(/\[2\/2\] gru-8@relative seed [12]: /);
    expect(piped.stderr + piped.stdout).not.toMatch(/[█░]| runs \| loss /);
  });
});
