import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ScalerParams } from '../scalers/scaler.js';
import {
  type IntervalLevel,
  type Manifest,
  manifestSchema,
  parseManifest,
  parseResults,
  RegistryFormatError,
  type Results,
  resultsSchema,
} from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(here, '../../../../models');
const haveRegistry = existsSync(join(modelsDir, 'manifest.json'));
const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(join(modelsDir, file), 'utf8')) as unknown;

/** A deep copy of the committed file, to edit. */
function committed(file: 'manifest.json' | 'results.json') {
  // biome-ignore lint/suspicious/noExplicitAny: edited freely to make invalid files
  return readJson(file) as any;
}

describe.skipIf(!haveRegistry)('the committed registry', () => {
  it('parses: manifest.json', () => {
    const manifest = parseManifest(readJson('manifest.json'));
    expect(manifest.models.length).toBe(10);
    expect(manifest.models.map((m) => m.id)).toContain(manifest.defaultModel);
  });
  it('parses: results.json', () => {
    const results = parseResults(readJson('results.json'));
    expect(results.test.dates.length).toBe(results.test.actual.length);
  });
  it('round-trips unchanged (nothing dropped, nothing added)', () => {
    for (const [file, schema] of [
      ['manifest.json', manifestSchema],
      ['results.json', resultsSchema],
    ] as const) {
      expect(schema.parse(readJson(file))).toEqual(readJson(file));
    }
  });
});

describe.skipIf(!haveRegistry)('a registry file this reader does not know', () => {
  it('is refused for another formatVersion, and says so first', () => {
    const manifest = committed('manifest.json');
    manifest.formatVersion = 2;
    manifest.newField = true;
    expect(() => parseManifest(manifest)).toThrow(RegistryFormatError);
    expect(() => parseManifest(manifest)).toThrow(
      /^manifest\.json is invalid: formatVersion: version 2 is not supported \(this reader knows 1\)$/,
    );
    const results = committed('results.json');
    results.formatVersion = '1';
    expect(() => parseResults(results)).toThrow(/formatVersion: version "1" is not supported/);
  });
  it('is refused for another format', () => {
    expect(() => parseManifest(committed('results.json'))).toThrow(
      /format: must be "gatecast-registry", not "gatecast-results"/,
    );
  });
  it('is refused with a null where a number is required', () => {
    const manifest = committed('manifest.json');
    manifest.models[3].test.rmse = null;
    expect(() => parseManifest(manifest)).toThrow(
      /models\.3\.test\.rmse: Invalid input: expected number, received null/,
    );
    const results = committed('results.json');
    results.models[0].predictions[5] = null;
    expect(() => parseResults(results)).toThrow(/models\.0\.predictions\.5/);
  });
  it('is refused with an unknown field, at any depth', () => {
    const manifest = committed('manifest.json');
    manifest.models[0].seeds[1].extra = 1;
    expect(() => parseManifest(manifest)).toThrow(/models\.0\.seeds\.1: Unrecognized key: "extra"/);
    const top = committed('results.json');
    top.backtest = {};
    expect(() => parseResults(top)).toThrow(/Unrecognized key: "backtest"/);
  });
  it('is refused with a missing field or interval level, or an extra level', () => {
    const missing = committed('manifest.json');
    delete missing.models[0].forecast.scaledValue;
    expect(() => parseManifest(missing)).toThrow(/models\.0\.forecast\.scaledValue/);
    const level = committed('manifest.json');
    delete level.models[0].intervals['95'];
    expect(() => parseManifest(level)).toThrow(/models\.0\.intervals\.95/);
    const extra = committed('manifest.json');
    extra.models[0].forecast.intervals['90'] = [1, 2];
    expect(() => parseManifest(extra)).toThrow(/models\.0\.forecast\.intervals/);
  });
  it('is refused with NaN or ±Infinity (JSON has neither; the writer must say null)', () => {
    const manifest = committed('manifest.json');
    manifest.models[0].intervals['80'].halfWidthScaled = Number.POSITIVE_INFINITY;
    expect(() => parseManifest(manifest)).toThrow(/halfWidthScaled/);
    manifest.models[0].intervals['80'].halfWidthScaled = Number.NaN;
    expect(() => parseManifest(manifest)).toThrow(/halfWidthScaled/);
  });
  it('is refused with a malformed month, hash or cell', () => {
    const month = committed('manifest.json');
    month.data.last = '2026-05-15';
    expect(() => parseManifest(month)).toThrow(/data\.last: must be a first-of-month date/);
    const hash = committed('manifest.json');
    hash.files['results.json'] = 'ABC';
    expect(() => parseManifest(hash)).toThrow(/files\.results\.json: must be a lowercase hex/);
    const cell = committed('manifest.json');
    cell.models[0].spec.recurrent[0].cell = 'transformer';
    expect(() => parseManifest(cell)).toThrow(/models\.0\.spec\.recurrent\.0\.cell/);
  });
});

describe.skipIf(!haveRegistry)('null where the JSON may hold it', () => {
  it('accepts an infinite half-width and unbounded intervals written as null', () => {
    const manifest = committed('manifest.json');
    const model = manifest.models[0];
    model.intervals['95'] = { halfWidthScaled: null, testCoverage: 1, meanTestWidth: null };
    model.forecast.intervals['95'] = [null, null];
    expect(parseManifest(manifest).models[0]?.intervals['95'].halfWidthScaled).toBeNull();
    const results = committed('results.json');
    results.models[0].intervals['95'] = results.models[0].intervals['95'].map(() => [0, null]);
    expect(parseResults(results).models[0]?.intervals['95'][0]).toEqual([0, null]);
  });
});

describe('the inferred types', () => {
  it('describe the JSON as written', () => {
    type Model = Manifest['models'][number];
    expectTypeOf<IntervalLevel>().toEqualTypeOf<'80' | '95'>();
    expectTypeOf<Model['intervals']>().toEqualTypeOf<
      Record<'80' | '95', Model['intervals']['80']>
    >();
    expectTypeOf<Model['intervals']['80']['halfWidthScaled']>().toEqualTypeOf<number | null>();
    expectTypeOf<Model['forecast']['intervals']['80']>().toEqualTypeOf<
      [number | null, number | null]
    >();
    expectTypeOf<Results['models'][number]['intervals']['95']>().toEqualTypeOf<
      [number | null, number | null][]
    >();
    expectTypeOf<Model['scaler']>().toExtend<ScalerParams>();
    expectTypeOf<ScalerParams>().toExtend<Model['scaler']>();
  });
});

describe('@gatecast/core/registry', () => {
  /** Every module a runtime (non-type) import reaches from `file`, and every package it names. */
  function runtimeImports(file: string, seen = new Set<string>(), packages = new Set<string>()) {
    if (seen.has(file)) return { seen, packages };
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm,
    )) {
      const [, typeOnly, specifier] = match as unknown as [string, string | undefined, string];
      if (typeOnly) continue;
      if (specifier.startsWith('.')) {
        runtimeImports(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen, packages);
      } else {
        packages.add(specifier);
      }
    }
    return { seen, packages };
  }

  it('pulls in nothing but zod and the constants', () => {
    const { seen, packages } = runtimeImports(join(here, 'index.ts'));
    expect([...packages]).toEqual(['zod']);
    const outside = [...seen].filter((f) => dirname(f) !== here);
    expect(outside).toEqual([resolve(here, '../constants.ts')]);
  });
});
