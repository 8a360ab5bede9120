import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '@gatecast/core/registry';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT, minimumMonths } from '../data/prepareData.js';
import { CLI_PATH, REFERENCE_CSV, scratchDir } from '../testing/paths.js';

/** Runs the built CLI as a user would, with Node from PATH (Node 22 under npm). */
function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('gatecast-train', () => {
  it('documents every flag with its default', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--data',
      '--out',
      '--protocols',
      '--configs',
      '--seeds',
      '--epochs',
      '--batch-size',
      '--learning-rate',
      '--backend',
      '--loop',
      '--workers',
      '--quick',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toMatch(/--epochs <count>[\s\S]*default: 40/);
    expect(stdout).toMatch(/--learning-rate <rate>[\s\S]*default: 0.001/);
    expect(stdout).toMatch(/--loop <name>[\s\S]*choices: "fused", "layers"[\s\S]*default: "fused"/);
    expect(stdout).toMatch(/auto tries node-gpu → node → wasm → cpu/);
  });

  it.each([
    [['--epochs', '0'], /--epochs must be an integer ≥ 1, got "0"/],
    [['--learning-rate', '0'], /--learning-rate must be a number > 0, got "0"/],
    [['--learning-rate', 'fast'], /--learning-rate must be a number > 0, got "fast"/],
    [['--loop', 'fast'], /fast.*Allowed choices are fused, layers/],
    [['--backend', 'tpu'], /tpu.*Allowed choices are auto, node-gpu, node, wasm, cpu/],
    [['--configs', 'transformer-9'], /unknown config "transformer-9"/],
    [['--protocols', 'minmax'], /unknown protocol "minmax"/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const { code, stderr } = cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a bad CSV, naming the line, and leaves the registry untouched', () => {
    const dir = scratchDir('badcsv');
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'date,close\n1950-01-01,16.88\n1950-02-01,abc\n');
    const out = join(dir, 'models');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), '{"previous":true}\n');
    const { code, stderr } = cli(['--data', csv, '--out', out, '--quick']);
    expect(code).toBe(2);
    expect(stderr).toContain('line 3: close "abc" is not a number');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"previous":true}\n');
  });

  it('exits 2 on a 100 MB one-line CSV, quoting at most 200 characters of it', () => {
    const dir = scratchDir('hugecsv');
    const csv = join(dir, 'huge.csv');
    writeFileSync(csv, 'x'.repeat(100_000_000));
    const { code, stderr } = cli(['--data', csv, '--quick']);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /line 1: expected the header "date,close", found "x{200}…" \(100000000 characters\)/,
    );
    expect(stderr.length).toBeLessThan(500);
  });

  it('exits 2 on a series too short to train on, saying how many months are needed', () => {
    const csv = join(scratchDir('shortcsv'), 'short.csv');
    writeFileSync(csv, readFileSync(REFERENCE_CSV, 'utf8').split('\n').slice(0, 21).join('\n'));
    const { code, stderr } = cli(['--data', csv, '--quick']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${csv}: the series has 20 months, too few: at least 473 are needed`);
  });

  it('exits 2 on a constant series (no scale to fit) and on a directory', () => {
    const dir = scratchDir('flatcsv');
    const csv = join(dir, 'flat.csv');
    writeFileSync(csv, readFileSync(REFERENCE_CSV, 'utf8').replace(/,[\d.]+$/gm, ',100'));
    const flat = cli(['--data', csv, '--quick', '--configs', 'gru-8', '--workers', '0']);
    expect(flat.code).toBe(2);
    expect(flat.stderr).toMatch(/relative protocol's scaler cannot be fitted/);
    const directory = cli(['--data', dir, '--quick']);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain(`cannot read ${dir}: not a file`);
  });

  it('trains on exactly the minimum number of months from outside data/, keeping the series in the registry; one month fewer exits 2', () => {
    const dir = scratchDir('mincsv');
    const lines = readFileSync(REFERENCE_CSV, 'utf8').trimEnd().split('\n');
    const needed = minimumMonths(DEFAULT_SPLIT);
    const tooShort = join(dir, 'too-short.csv');
    writeFileSync(tooShort, `${[lines[0], ...lines.slice(-(needed - 1))].join('\n')}\n`);
    const short = cli(['--data', tooShort, '--quick']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain(`has ${needed - 1} months, too few: at least ${needed}`);

    const csv = join(dir, 'shortest.csv');
    const text = `${[lines[0], ...lines.slice(-needed)].join('\n')}\n`;
    writeFileSync(csv, text);
    const out = join(dir, 'models');
    const args = ['--data', csv, '--out', out, '--quick', '--configs', 'gru-8,gru-8-nll'];
    const { code, stdout, stderr } = cli([...args, '--workers', '0']);
    expect(stderr).not.toMatch(/training failed/);
    expect(code).toBe(0);
    expect(stdout).toContain(`registry written to ${out}`);
    expect(stdout).toContain('series copied into the registry as data/shortest.csv');
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.data).toMatchObject({ file: 'shortest.csv', months: needed });
    expect(readFileSync(join(out, 'data', 'shortest.csv'), 'utf8')).toBe(text);
  });

  it('exits 2 when the data file does not exist', () => {
    const { code, stderr } = cli(['--data', '/nonexistent/series.csv', '--quick']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read /nonexistent/series.csv');
  });

  it('trains a quick sweep on worker threads and writes a registry', () => {
    const out = join(scratchDir('cli'), 'models');
    const { code, stdout, stderr } = cli([
      '--data',
      REFERENCE_CSV,
      '--out',
      out,
      '--quick',
      '--configs',
      'gru-8',
      '--workers',
      '2',
      '--learning-rate',
      '0.002',
    ]);
    expect(stderr).toMatch(/worker [01]: backend (wasm|node|node-gpu)/);
    expect(stderr).toMatch(/\[4\/4\] gru-8@(reference|relative) seed [12]/);
    expect(stderr).not.toContain('\u001b'); // plain lines on a pipe: no bars, no cursor moves
    expect(code).toBe(0);
    expect(stdout).toContain('naive (baseline)');
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.workers).toBe(2);
    expect(manifest.training).toMatchObject({ epochs: 2, seeds: [1, 2], learningRate: 0.002 });
    expect(manifest.models.map((m) => m.id)).toEqual(['gru-8@reference', 'gru-8@relative']);
    expect(existsSync(join(out, 'gru-8@relative', 'weights.bin'))).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('/work/');
    // The series is data/'s own: codegen finds it there, the registry needs no copy.
    expect(existsSync(join(out, 'data'))).toBe(false);
    expect(stdout).not.toContain('series copied');
  });

  it('draws bars on the terminal npm run train asks for, while stderr is a pipe, and writes nothing to stderr', () => {
    // turbo pipes a task's output; npm run train on a terminal sets GATECAST_TERMINAL_PROGRESS so
    // the trainer opens its controlling terminal. `script` gives the run a terminal of its own.
    const dir = scratchDir('tty');
    const stderrFile = join(dir, 'stderr.txt');
    const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
    const command = [
      process.execPath,
      CLI_PATH,
      ...['--data', REFERENCE_CSV, '--out', join(dir, 'models'), '--configs', 'gru-8'],
      ...['--protocols', 'relative', '--seeds', '1', '--epochs', '2', '--workers', '0'],
    ]
      .map(quote)
      .join(' ');
    const run = spawnSync('script', ['-qec', `${command} 2>${quote(stderrFile)}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, GATECAST_TERMINAL_PROGRESS: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/sweep +\|[█░]+\| 1\/1 runs \| loss \d/);
    expect(run.stdout).toContain('registry written to');
    expect(readFileSync(stderrFile, 'utf8')).toBe('');
  });
});
