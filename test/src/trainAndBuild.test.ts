/**
 * What `npm run train` reports and what a build accepts, on a fresh clone:
 * - a run writes what it reports: into models/ (turbo's declared output) a run trains or restores
 *   the registry from the cache, even after it was deleted, and says what it holds; anywhere else
 *   always trains (a hit there would replay "registry written to DIR" for a DIR it never wrote);
 * - a registry trained on `--data` from outside data/ carries its series, passes codegen and
 *   builds the worker;
 * - a broken registry never builds: `npm run build -w @gatecast/edge-api` exits non-zero naming
 *   the model and the reason, for each fault (corrupted bytes, unknown format version, non-finite
 *   weights, wrong shapes, a head unit changed where the one recorded forecast cannot see it, a
 *   recorded test prediction the weights do not reproduce, a missing file or series).
 *
 * The clone shares this checkout's installed dependencies (hard links; `cleanClone.test.ts` covers
 * `npm ci` itself) and trains `--quick` sweeps of gru-8 under the relative protocol.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelForward, scalerFromParams, weightSlots, weightsFromList } from '@gatecast/core';
import type { Manifest } from '@gatecast/core/registry';
import { decodeLayersWeights } from '@gatecast/core/registry/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';
import { testEnv } from './processes.js';

const scratch = mkdtempSync(join(tmpdir(), 'gatecast-train-build-'));
const clone = join(scratch, 'gatecast');
const WORKSPACES = ['', 'packages/core', 'packages/trainer', 'apps/edge-api', 'apps/site', 'test'];
const QUICK = ['--quick', '--configs', 'gru-8', '--protocols', 'relative'];

/** Runs a command in the clone to completion, whatever its exit code. */
function attempt(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: clone,
    env: { ...testEnv, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function train(...args: string[]) {
  const result = attempt('npm', ['run', 'train', '--', ...QUICK, ...args]);
  expect(result.status, result.stderr.slice(-2000)).toBe(0);
  return result.stdout;
}

const cacheLine = (output: string) =>
  /@gatecast\/trainer:train: cache (hit|miss|bypass)/.exec(output)?.[1];
/**
 * A registry's manifest as JSON, not through this checkout's schema: the clone's trainer wrote it,
 * and this checkout may be a format ahead while its work is uncommitted.
 */
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const buildWith = (registry: string) =>
  attempt('npm', ['run', 'build', '-w', '@gatecast/edge-api'], { GATECAST_MODELS_DIR: registry });

beforeAll(() => {
  execFileSync('git', ['clone', '--quiet', REPO_ROOT, clone]);
  for (const dir of WORKSPACES) {
    const from = join(REPO_ROOT, dir, 'node_modules');
    if (existsSync(from)) execFileSync('cp', ['-al', from, join(clone, dir, 'node_modules')]);
  }
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run train says what it did', () => {
  const models = join(clone, 'models');

  it('into models/: every run leaves the registry it reports, a deleted one included', () => {
    // Turbo 2.11 hashes the task's tracked outputs (the committed models/) with its inputs, so a
    // run that changed models/ is a miss the next time: whether a run trains or restores models/
    // from the cache, it must leave the registry it names.
    const first = train();
    expect(cacheLine(first)).toMatch(/^(miss|hit)$/);
    expect(first).toContain(`registry written to ${models}`);
    const { createdAt } = manifestOf(models);
    expect(first).toContain(`train: ${models} now holds the registry created ${createdAt}`);

    rmSync(models, { recursive: true });
    const again = train();
    expect(cacheLine(again)).toMatch(/^(miss|hit)$/);
    expect(again).toContain(`registry written to ${models}`);
    expect(again).toContain(
      `train: ${models} now holds the registry created ${manifestOf(models).createdAt}`,
    );
  });

  it('anywhere else always trains, and writes what it reports even after the directory was deleted', () => {
    const elsewhere = join(scratch, 'elsewhere');
    const first = train('--out', elsewhere);
    expect(cacheLine(first)).toBe('bypass');
    const created = manifestOf(elsewhere).createdAt;
    rmSync(elsewhere, { recursive: true });

    const second = train('--out', elsewhere);
    expect(cacheLine(second)).toBe('bypass');
    expect(second).toContain(`registry written to ${elsewhere}`);
    expect(manifestOf(elsewhere).createdAt).not.toBe(created);
    expect(second).toContain(`now holds the registry created ${manifestOf(elsewhere).createdAt}`);
  });
});

describe('a registry trained on --data from outside data/', () => {
  const outside = join(scratch, 'outside-models');

  beforeAll(() => {
    const csv = join(scratch, 'outside.csv');
    cpSync(join(REPO_ROOT, 'data/sp500_monthly.csv'), csv);
    const output = train('--data', csv, '--out', outside);
    expect(output).toContain('series copied into the registry as data/outside.csv');
  });

  it('keeps its series, passes codegen and builds the worker', () => {
    expect(manifestOf(outside).data.file).toBe('outside.csv');
    expect(existsSync(join(outside, 'data/outside.csv'))).toBe(true);
    const build = buildWith(outside);
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    expect(build.stdout).toMatch(
      new RegExp(`codegen: 1 models from ${outside} verified \\(184 test predictions each`),
    );
    expect(build.stdout).toMatch(/build: dist\/ \(Total Upload: /);
  });

  /** A copy of the registry, edited, in a directory of its own. */
  function broken(name: string, edit: (dir: string, manifest: Manifest) => void): string {
    const dir = join(scratch, `broken-${name}`);
    cpSync(outside, dir, { recursive: true });
    const manifest = manifestOf(dir);
    edit(dir, manifest);
    return dir;
  }

  /** Rewrites one model's weights.bin with `edit` and records its new sha256 in the manifest. */
  function rehashWeights(dir: string, manifest: Manifest, edit: (view: DataView) => void) {
    const entry = manifest.models[0] as Manifest['models'][number];
    const path = join(dir, entry.files.weights);
    const bytes = new Uint8Array(readFileSync(path));
    edit(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    writeFileSync(path, bytes);
    entry.files.weightsSha256 = sha256(bytes);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  }

  /** Byte offset of a weight slot in the first model's weights.bin. */
  function offsetOf(manifest: Manifest, layer: string, role: string): number {
    let offset = 0;
    for (const slot of weightSlots((manifest.models[0] as Manifest['models'][number]).spec)) {
      if (slot.layer === layer && slot.role === role) return offset;
      offset += 4 * slot.shape.reduce((a, b) => a * b, 1);
    }
    throw new Error(`no ${layer}/${role}`);
  }

  /**
   * The inactive-unit tamper: dense_1's kernel row of a dense_0 unit that is 0 (relu) on the
   * latest window, scaled, hash updated. The one recorded forecast (what start-up compared before)
   * is unchanged bit for bit; the test predictions where the unit is active move.
   */
  function inactiveUnit(dir: string, manifest: Manifest): void {
    const entry = manifest.models[0] as Manifest['models'][number];
    const modelJson = readFileSync(join(dir, entry.files.modelJson), 'utf8');
    const original = new Uint8Array(readFileSync(join(dir, entry.files.weights)));
    const series = readFileSync(join(dir, 'data/outside.csv'), 'utf8').trim().split('\n');
    const closes = series.slice(1).map((line) => Number(line.split(',')[1]));
    const scaler = scalerFromParams(entry.scaler);
    const run = (bytes: Uint8Array, window: number[]) =>
      modelForward(
        entry.spec,
        weightsFromList(entry.spec, decodeLayersWeights(entry.spec, modelJson, bytes)),
        Float32Array.from(scaler.scaleWindow(window)),
      );
    const latest = closes.slice(-12);
    const canonical = run(original, latest);
    const kernel = offsetOf(manifest, 'dense_1', 'kernel');
    const at = (bytes: Uint8Array) =>
      new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const testWindows = closes
      .slice(-196)
      .flatMap((_, i, tail) => (i >= 12 ? [tail.slice(i - 12, i)] : []));
    for (let unit = 0; unit < 16; unit++) {
      const offset = kernel + 4 * unit;
      const value = at(original).getFloat32(offset, true) * 40 + 1;
      const bytes = original.slice();
      at(bytes).setFloat32(offset, value, true);
      if (run(bytes, latest) !== canonical) continue;
      const moved = testWindows.some((window) => {
        const before = run(original, window);
        return Math.abs(run(bytes, window) - before) > 1e-2 * Math.max(1, Math.abs(before));
      });
      if (!moved) continue;
      rehashWeights(dir, manifest, (view) => view.setFloat32(offset, value, true));
      return;
    }
    throw new Error('no head unit is inactive on the latest window and active on a test one');
  }

  const faults: [string, (dir: string, manifest: Manifest) => void, RegExp][] = [
    [
      'a flipped byte in weights.bin',
      (dir, m) => {
        const path = join(dir, (m.models[0] as Manifest['models'][number]).files.weights);
        const bytes = readFileSync(path);
        bytes[100] = (bytes[100] as number) ^ 0x40;
        writeFileSync(path, bytes);
      },
      /model gru-8@relative refused: weights\.bin does not match its sha256 in the manifest/,
    ],
    [
      'formatVersion 99',
      (dir) => {
        const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
        writeFileSync(
          join(dir, 'manifest.json'),
          text.replace(/"formatVersion": \d+/, '"formatVersion": 99'),
        );
      },
      /registry refused: manifest\.json is invalid: formatVersion: /,
    ],
    [
      'a NaN weight, hash updated',
      (dir, m) =>
        rehashWeights(dir, m, (v) =>
          v.setFloat32(offsetOf(m, 'dense_0', 'bias'), Number.NaN, true),
        ),
      /model gru-8@relative refused: weight dense_0\/bias holds NaN at index 0: every weight must be finite/,
    ],
    [
      'an infinite weight, hash updated',
      (dir, m) =>
        rehashWeights(dir, m, (v) =>
          v.setFloat32(offsetOf(m, 'rnn_0', 'kernel') + 4, Number.POSITIVE_INFINITY, true),
        ),
      /model gru-8@relative refused: weight rnn_0\/kernel holds Infinity at index 1/,
    ],
    [
      'a weight shape the spec does not have, hash updated',
      (dir, m) => {
        const entry = m.models[0] as Manifest['models'][number];
        const path = join(dir, entry.files.modelJson);
        const json = JSON.parse(readFileSync(path, 'utf8'));
        json.weightsManifest[0].weights[1].shape = [24, 8];
        const text = JSON.stringify(json);
        writeFileSync(path, text);
        entry.files.modelJsonSha256 = sha256(text);
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      },
      /model gru-8@relative refused: weight rnn_0\/recurrent_kernel has shape \[24,8\], expected \[8,24\]/,
    ],
    [
      'a truncated weights.bin, hash updated',
      (dir, m) => {
        const entry = m.models[0] as Manifest['models'][number];
        const path = join(dir, entry.files.weights);
        truncateSync(path, 400);
        entry.files.weightsSha256 = sha256(readFileSync(path));
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      },
      /model gru-8@relative refused: weights\.bin has 400 bytes, too few for /,
    ],
    [
      'a head unit inactive on the latest window changed, hash updated',
      inactiveUnit,
      /model gru-8@relative refused: the weights do not reproduce test prediction \d+ of 184 \(target \d{4}-\d\d-01\)/,
    ],
    [
      'the last recorded test prediction moved by 1 %, hashes updated',
      (dir, m) => {
        const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
          models: { predictions: number[] }[];
        };
        const predictions = (results.models[0] as { predictions: number[] }).predictions;
        predictions[183] = (predictions[183] as number) * 1.01;
        const text = `${JSON.stringify(results)}\n`;
        writeFileSync(join(dir, 'results.json'), text);
        m.files['results.json'] = sha256(text);
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      },
      /model gru-8@relative refused: the weights do not reproduce test prediction 184 of 184 \(target 2026-05-01\)/,
    ],
    [
      'a missing model.json',
      (dir, m) => rmSync(join(dir, (m.models[0] as Manifest['models'][number]).files.modelJson)),
      /model gru-8@relative refused: model\.json is missing/,
    ],
    [
      'a missing series',
      (dir) => rmSync(join(dir, 'data'), { recursive: true }),
      /the series outside\.csv with the manifest's sha256 is in neither /,
    ],
  ];

  const refused: string[] = [];

  it.each(faults)('does not build with %s, naming the model and the reason', (name, edit, why) => {
    const dir = broken(name.replace(/\W+/g, '-'), edit);
    const build = buildWith(dir);
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(why);
    expect(build.stdout).not.toMatch(/build: dist\//);
    refused.push(name);
  });

  it('refuses every fault at build', () => {
    expect(refused).toHaveLength(faults.length);
  });
});
