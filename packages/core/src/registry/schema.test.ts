import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ScalerParams } from '../scalers/scaler.js';
import {
  type IntervalLevel,
  intervalsSchema,
  type Manifest,
  manifestSchema,
  PROTOCOL_ROLES,
  parseIntervals,
  parseManifest,
  parseResults,
  REGISTRY_FORMAT_VERSION,
  RegistryFormatError,
  type Results,
  resultsSchema,
} from './index.js';
import { registryFixture } from './testing/registryFixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(here, '../../../../models');
const haveRegistry = existsSync(join(modelsDir, 'manifest.json'));
const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(join(modelsDir, file), 'utf8')) as unknown;

/** A fresh copy of the fixture's file (the current format), to edit. */
function committed(file: 'manifest.json' | 'results.json' | 'intervals.json') {
  const fixture = registryFixture();
  const key = file.replace('.json', '') as keyof typeof fixture;
  // biome-ignore lint/suspicious/noExplicitAny: edited freely to make invalid files
  return fixture[key] as any;
}

/** The committed registry, once it has been retrained to this reader's format. */
const committedIsCurrent =
  haveRegistry &&
  (readJson('manifest.json') as { formatVersion?: unknown }).formatVersion ===
    REGISTRY_FORMAT_VERSION;

describe('the fixture registry (registry/testing)', () => {
  it('parses and round-trips unchanged', () => {
    const { manifest, results, intervals } = registryFixture();
    expect(manifestSchema.parse(manifest)).toEqual(manifest);
    expect(resultsSchema.parse(results)).toEqual(results);
    expect(intervalsSchema.parse(intervals)).toEqual(intervals);
    expect(manifest.models.map((m) => m.calibration.method)).toEqual(['rolling', 'static']);
    expect(manifest.models[0]?.forecast.path).toHaveLength(12);
  });
});

describe.skipIf(!committedIsCurrent)('the committed registry', () => {
  it('parses: manifest.json', () => {
    const manifest = parseManifest(readJson('manifest.json'));
    expect(manifest.models.length).toBeGreaterThanOrEqual(10);
    expect(manifest.models.map((m) => m.id)).toContain(manifest.defaultModel);
  });
  it('gives every model its protocol’s role; the default model is a forecaster', () => {
    const manifest = parseManifest(readJson('manifest.json'));
    for (const model of manifest.models) expect(model.role).toBe(PROTOCOL_ROLES[model.protocol]);
    const roles = new Set(manifest.models.map((m) => m.role));
    expect([...roles].sort()).toEqual(['forecaster', 'lesson-reproduction']);
    const byId = new Map(manifest.models.map((m) => [m.id, m]));
    expect(byId.get(manifest.defaultModel)?.role).toBe('forecaster');
  });
  it('parses: results.json', () => {
    const results = parseResults(readJson('results.json'));
    expect(results.test.dates.length).toBe(results.test.actual.length);
  });
  it('parses: intervals.json', () => {
    const intervals = parseIntervals(readJson('intervals.json'));
    expect(intervals.models.length).toBe(parseManifest(readJson('manifest.json')).models.length);
  });
  it('round-trips unchanged (nothing dropped, nothing added)', () => {
    for (const [file, schema] of [
      ['manifest.json', manifestSchema],
      ['results.json', resultsSchema],
      ['intervals.json', intervalsSchema],
    ] as const) {
      expect(schema.parse(readJson(file))).toEqual(readJson(file));
    }
  });
});

describe('a registry file this reader does not know', () => {
  it('is refused for another formatVersion, and says so first', () => {
    const manifest = committed('manifest.json');
    manifest.formatVersion = 1;
    manifest.newField = true;
    expect(() => parseManifest(manifest)).toThrow(RegistryFormatError);
    expect(() => parseManifest(manifest)).toThrow(
      new RegExp(
        `^manifest\\.json is invalid: formatVersion: version 1 is not supported \\(this reader knows ${REGISTRY_FORMAT_VERSION}\\)$`,
      ),
    );
    const results = committed('results.json');
    results.formatVersion = '1';
    expect(() => parseResults(results)).toThrow(/formatVersion: version "1" is not supported/);
  });
  it('is refused for a model without a role, or with an unknown one', () => {
    const manifest = committed('manifest.json');
    delete manifest.models[0].role;
    expect(() => parseManifest(manifest)).toThrow(/models\.0\.role/);
    manifest.models[0].role = 'demo';
    expect(() => parseManifest(manifest)).toThrow(/models\.0\.role/);
  });
  it('is refused for another format', () => {
    expect(() => parseManifest(committed('results.json'))).toThrow(
      /format: must be "gatecast-registry", not "gatecast-results"/,
    );
  });
  it('is refused with a null where a number is required', () => {
    const manifest = committed('manifest.json');
    manifest.models[1].test.rmse = null;
    expect(() => parseManifest(manifest)).toThrow(
      /models\.1\.test\.rmse: Invalid input: expected number, received null/,
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
    delete level.models[0].intervalSummary.test[0].levels['95'];
    expect(() => parseManifest(level)).toThrow(/models\.0\.intervalSummary\.test\.0\.levels\.95/);
    const table = committed('intervals.json');
    delete table.models[0].methods[1].table.test[11].levels['99'];
    expect(() => parseIntervals(table)).toThrow(
      /models\.0\.methods\.1\.table\.test\.11\.levels\.99/,
    );
    const extra = committed('manifest.json');
    extra.models[0].forecast.intervals['90'] = [1, 2];
    expect(() => parseManifest(extra)).toThrow(/models\.0\.forecast\.intervals/);
  });
  it('is refused with NaN or ±Infinity (JSON has neither; the writer must say null)', () => {
    const manifest = committed('manifest.json');
    manifest.models[0].calibration.horizons[0].scores[3] = Number.POSITIVE_INFINITY;
    expect(() => parseManifest(manifest)).toThrow(/calibration\.horizons\.0\.scores\.3/);
    manifest.models[0].calibration.horizons[0].scores[3] = Number.NaN;
    expect(() => parseManifest(manifest)).toThrow(/calibration\.horizons\.0\.scores\.3/);
  });
  it('is refused with a calibration that could not serve', () => {
    const unsorted = committed('manifest.json');
    unsorted.models[0].calibration.horizons[2].scores.reverse();
    expect(() => parseManifest(unsorted)).toThrow(
      /calibration\.horizons\.2: scores must be ascending/,
    );
    const size = committed('manifest.json');
    size.models[0].calibration.horizons[0].size = 3;
    expect(() => parseManifest(size)).toThrow(/size must equal scores\.length/);
    const order = committed('manifest.json');
    order.models[0].calibration.horizons.shift();
    expect(() => parseManifest(order)).toThrow(/calibration\.horizons: horizons must be 1 \.\. H/);
    const window = committed('manifest.json');
    delete window.models[0].calibration.window;
    expect(() => parseManifest(window)).toThrow(
      /calibration\.window: the rolling method needs a window/,
    );
    const volatility = committed('manifest.json');
    volatility.models[0].calibration.method = 'volatility';
    expect(() => parseManifest(volatility)).toThrow(/calibration\.volatility/);
    const aci = committed('manifest.json');
    aci.models[1].calibration.method = 'aci';
    expect(() => parseManifest(aci)).toThrow(/models\.1\.calibration\.method/);
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

describe('null where the JSON may hold it', () => {
  it('accepts unbounded intervals written as null', () => {
    const manifest = committed('manifest.json');
    manifest.models[0].forecast.intervals['95'] = [null, null];
    expect(parseManifest(manifest).models[0]?.forecast.intervals['95']).toEqual([null, null]);
    const results = committed('results.json');
    results.models[0].intervals['95'] = results.models[0].intervals['95'].map(() => [0, null]);
    expect(parseResults(results).models[0]?.intervals['95'][0]).toEqual([0, null]);
  });
});

describe('the inferred types', () => {
  it('describe the JSON as written', () => {
    type Model = Manifest['models'][number];
    expectTypeOf<IntervalLevel>().toEqualTypeOf<'80' | '95'>();
    expectTypeOf<Model['intervalSummary']['test'][number]['levels']>().toEqualTypeOf<
      Record<'80' | '95', { coverage: number; meanWidth: number; intervalScore: number }>
    >();
    expectTypeOf<Model['calibration']['scores']>().toEqualTypeOf<'absolute' | 'signed'>();
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
