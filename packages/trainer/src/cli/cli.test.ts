import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '@gatecast/core/registry';
import { describe, expect, it } from 'vitest';
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
    expect(code).toBe(0);
    expect(stdout).toContain('naive (baseline)');
    const manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.workers).toBe(2);
    expect(manifest.training).toMatchObject({ epochs: 2, seeds: [1, 2], learningRate: 0.002 });
    expect(manifest.models.map((m) => m.id)).toEqual(['gru-8@reference', 'gru-8@relative']);
    expect(existsSync(join(out, 'gru-8@relative', 'weights.bin'))).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('/work/');
  });
});
