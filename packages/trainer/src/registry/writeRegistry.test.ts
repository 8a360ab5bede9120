import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryFormatError } from '@gatecast/core/registry';
import { registryFixture } from '@gatecast/core/registry/testing';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../testing/paths.js';
import { type WriteRegistryOptions, writeRegistry } from './writeRegistry.js';

/** A registry of the current format (core's fixture), to write again with a figure spoiled. */
function options(outDir: string): WriteRegistryOptions {
  const fixture = registryFixture();
  const { models: _models, files: _files, ...manifest } = fixture.manifest;
  return {
    outDir,
    manifest,
    entries: [],
    results: fixture.results,
    intervals: fixture.intervals,
    latestWindow: [],
  };
}

describe('writeRegistry parses what it writes', () => {
  it('refuses a NaN or an infinity (JSON would say null) and writes nothing', async () => {
    const outDir = join(scratchDir('write'), 'models');
    const nan = options(outDir);
    (nan.results.models[0]?.predictions as number[])[0] = Number.NaN;
    await expect(writeRegistry(nan)).rejects.toThrow(RegistryFormatError);
    await expect(writeRegistry(nan)).rejects.toThrow(
      /^results\.json is invalid: models\.0\.predictions\.0: /,
    );
    const infinite = options(outDir);
    infinite.manifest.sweepSeconds = Number.POSITIVE_INFINITY;
    await expect(writeRegistry(infinite)).rejects.toThrow(
      /^manifest\.json is invalid: sweepSeconds: /,
    );
    const table = options(outDir);
    (table.intervals.models[0]?.testBands['80'][0] as [number, number])[1] = Number.NaN;
    await expect(writeRegistry(table)).rejects.toThrow(
      /^intervals\.json is invalid: models\.0\.testBands\.80\.0\.1: /,
    );
    expect(readdirSync(join(outDir, '..'))).toEqual([]);
  });

  it('leaves the previous registry as it was', async () => {
    const outDir = join(scratchDir('write'), 'models');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'manifest.json'), '{"old":true}\n');
    const spoiled = options(outDir);
    spoiled.manifest.sweepSeconds = Number.NaN;
    await expect(writeRegistry(spoiled)).rejects.toThrow(RegistryFormatError);
    expect(readdirSync(join(outDir, '..'))).toEqual(['models']);
    expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe('{"old":true}\n');
  });
});
