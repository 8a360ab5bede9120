import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backtest, parseBacktest } from '@gatecast/core/registry';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_CSV, scratchDir } from '../testing/paths.js';
import { recoverBacktest } from './writeBacktest.js';

const BACKTEST_CLI = fileURLToPath(new URL('../../dist/backtest/cli.js', import.meta.url));
const WRITER_URL = new URL('../../dist/backtest/writeBacktest.js', import.meta.url).href;

/** Runs the built CLI as a user would, with this Node (Node 22 under npm). */
function cli(args: string[]) {
  const run = spawnSync(process.execPath, [BACKTEST_CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const PREVIOUS = '{"previous":true}\n';

describe('gatecast-backtest', () => {
  it('documents every flag with its default', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--data', '--out', '--origins', '--configs', '--seeds', '--epochs']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toMatch(/--origins <years>[\s\S]*default: "2011-2026"/);
    expect(stdout).toMatch(/--seeds <count>[\s\S]*default: 3/);
    expect(stdout).toMatch(/--epochs <count>[\s\S]*default: 40/);
    expect(stdout).toMatch(/--out <file>[\s\S]*default:\s+"models\/backtest.json"/);
  });

  it.each([
    [['--origins', '2011-20x6'], /--origins must be years/],
    [['--origins', '1949'], /origin 1949-01-01 is not a month of the series/],
    [['--configs', 'transformer-9'], /unknown config "transformer-9"/],
    [['--seeds', '0'], /--seeds must be an integer ≥ 1/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('exits with a clear message for %j, writing nothing', (args, message) => {
    const out = join(scratchDir('bt-flags'), 'backtest.json');
    writeFileSync(out, PREVIOUS);
    const { code, stderr } = cli(['--data', REFERENCE_CSV, '--out', out, ...args]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
  });

  it('exits 2 on a missing data file', () => {
    const { code, stderr } = cli(['--data', '/nonexistent.csv', '--quick']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read \/nonexistent.csv/);
  });
});

describe('a quick backtest', () => {
  const out = join(scratchDir('bt-quick'), 'backtest.json');
  let run: ReturnType<typeof cli>;
  let backtest: Backtest;

  beforeAll(() => {
    writeFileSync(out, PREVIOUS);
    run = cli(['--quick', '--data', REFERENCE_CSV, '--out', out]);
    backtest = parseBacktest(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('replaces the previous file with results in the schema, and nothing else', () => {
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, '..'))).toEqual(['backtest.json']);
    expect(backtest.design.origins).toEqual(['2025-01-01', '2026-01-01']);
    expect(backtest.training).toMatchObject({ seeds: [1], epochs: 2, batchSize: 32 });
    expect(backtest.summary.ranking.models).toEqual([
      'simplernn-32@relative',
      'gru-8-nll@relative',
    ]);
  });

  it('scores the last origin only as far as the data goes', () => {
    const last = backtest.origins[1];
    expect(last?.forecastOrigins).toEqual({ first: '2025-12-01', last: '2026-04-01', count: 5 });
    expect(last?.models[0]?.metrics.n).toEqual([5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(last?.models[0]?.metrics.rmse[5]).toBeNull();
    expect(last?.baselines.map((b) => b.id)).toEqual(['naive', 'drift', 'ar1', 'naiveEwma']);
    // Pooled h = 1: 12 forecasts in 2025's block, 5 in 2026's.
    expect(backtest.summary.forecasters[0]?.metrics.n[0]).toBe(17);
  });

  it('gives the same results on the calling thread as on worker threads', () => {
    const again = join(scratchDir('bt-again'), 'backtest.json');
    expect(cli(['--quick', '--data', REFERENCE_CSV, '--out', again, '--workers', '0']).code).toBe(
      0,
    );
    const other = parseBacktest(JSON.parse(readFileSync(again, 'utf8')));
    expect(other.workers).toBe(0);
    expect(other.summary).toEqual(backtest.summary);
    expect(other.origins).toEqual(backtest.origins);
  });

  it('prints a summary table and its wall time', () => {
    expect(run.stdout).toMatch(/^forecaster +n +RMSE/m);
    expect(run.stdout).toMatch(/^simplernn-32@relative +17 /m);
    expect(run.stdout).toMatch(/^ar1 +17 /m);
    expect(run.stdout).toMatch(/wall time \d+ s \(fits \d+ s\); written to /);
    expect(run.stderr).toMatch(/origin 2026-01 forecast and scored/);
  });
});

describe('a backtest killed', () => {
  /** Starts a quick run; SIGKILLs it as soon as its stderr matches `pattern`. */
  function killWhen(out: string, pattern: RegExp): Promise<{ killed: boolean }> {
    const child = spawn(
      process.execPath,
      [BACKTEST_CLI, '--quick', '--data', REFERENCE_CSV, '--out', out, '--workers', '1'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        if (pattern.test(stderr)) child.kill('SIGKILL');
      }, 2);
      child.on('exit', (_code, signal) => {
        clearInterval(timer);
        resolve({ killed: signal === 'SIGKILL' });
      });
    });
  }

  it('in the middle of its fits leaves the previous results whole', async () => {
    const out = join(scratchDir('bt-kill'), 'backtest.json');
    writeFileSync(out, PREVIOUS);
    const { killed } = await killWhen(out, /\[1\/4\]/);
    expect(killed).toBe(true);
    expect(readdirSync(join(out, '..'))).toEqual(['backtest.json']);
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
  });

  it('between writing its new file and the rename leaves the previous results whole', async () => {
    // The writer, stopped by its test hook at the worst moment: the new file written and verified
    // beside the old one, not yet renamed over it. Its input is a quick run's valid results.
    const dir = scratchDir('bt-rename');
    const out = join(dir, 'backtest.json');
    writeFileSync(out, PREVIOUS);
    const input = join(scratchDir('bt-input'), 'backtest.json');
    expect(cli(['--quick', '--data', REFERENCE_CSV, '--out', input]).code).toBe(0);
    const script = `
      import { readFileSync } from 'node:fs';
      const { writeBacktest } = await import(${JSON.stringify(WRITER_URL)});
      await writeBacktest({
        file: ${JSON.stringify(out)},
        backtest: JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8')),
        beforeRename: () => {
          process.stdout.write('ready\\n');
          return new Promise(() => setInterval(() => {}, 1000));
        },
      });`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, s) => resolve(s));
    });
    expect(signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/^backtest\.json\.tmp-\d+-\d+$/);
    // The next write (or its recovery step) removes what the killed writer left.
    await recoverBacktest(out);
    expect(readdirSync(dir)).toEqual(['backtest.json']);
  });
});
