import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { DATA_FILE, HAVE_REGISTRY, REGISTRY_DIR } from '../testing/paths.js';
import {
  checkIntervals,
  checkRegistry,
  parseRegistry,
  RegistryFormatError,
  readSiteInputs,
} from './readRegistry.js';

describe('parseRegistry', () => {
  it('accepts a consistent registry', () => {
    const registry = fixtureRegistry();
    expect(parseRegistry(registry)).toEqual(registry);
  });
  it('refuses another format or version, and a field the schema does not know', () => {
    const registry = fixtureRegistry();
    const { manifest, results, intervals } = registry;
    expect(() =>
      parseRegistry({ ...registry, manifest: { ...manifest, formatVersion: 1 } }),
    ).toThrow(RegistryFormatError);
    expect(() => parseRegistry({ ...registry, results: { ...results, format: 'other' } })).toThrow(
      /results\.json is invalid: format: must be "gatecast-results", not "other"/,
    );
    expect(() => parseRegistry({ ...registry, manifest: { ...manifest, extra: 1 } })).toThrow(
      /Unrecognized key: "extra"/,
    );
    expect(() =>
      parseRegistry({ ...registry, intervals: { ...intervals, format: 'gatecast-results' } }),
    ).toThrow(/intervals\.json is invalid: format/);
  });
});

describe('checkIntervals', () => {
  it('refuses interval results for other models, other test months, or short bands', () => {
    const { manifest, results, intervals } = fixtureRegistry();
    expect(() =>
      checkIntervals(manifest, results, { ...intervals, models: intervals.models.slice(1) }),
    ).toThrow(/intervals\.json models/);
    expect(() =>
      checkIntervals(manifest, results, { ...intervals, testDates: intervals.testDates.slice(1) }),
    ).toThrow(/test months/);
    const short = fixtureRegistry();
    short.intervals.models[0]?.testBands['95'].pop();
    expect(() => checkIntervals(short.manifest, short.results, short.intervals)).toThrow(
      /3 95% test bands, expected 4/,
    );
  });
  it('refuses a served method the manifest did not calibrate', () => {
    const { manifest, results, intervals } = fixtureRegistry();
    const model = intervals.models[0];
    if (!model) throw new Error('fixture has no model');
    model.servedMethod = 'rolling';
    expect(() => checkIntervals(manifest, results, intervals)).toThrow(/served method rolling/);
  });
});

describe('checkRegistry', () => {
  it('refuses results for other models, a missing default or short predictions', () => {
    const { manifest, results } = fixtureRegistry();
    expect(() => checkRegistry(manifest, { ...results, models: results.models.slice(1) })).toThrow(
      /results models/,
    );
    expect(() => checkRegistry({ ...manifest, defaultModel: 'nope' }, results)).toThrow(/nope/);
    const short = fixtureRegistry();
    short.results.models[0]?.predictions.pop();
    expect(() => checkRegistry(short.manifest, short.results)).toThrow(/test predictions/);
  });
});

describe.skipIf(!HAVE_REGISTRY)('readSiteInputs on the committed registry', () => {
  it('reads the manifest, the results, the interval scores and the series it was trained on', () => {
    const { manifest, results, intervals, series } = readSiteInputs({
      registryDir: REGISTRY_DIR,
      dataFile: DATA_FILE,
    });
    expect(series.dates.length).toBe(manifest.data.months);
    expect(results.test.dates.length).toBe(manifest.split.test.count);
    expect(results.test.dates[0]).toBe(manifest.split.test.firstTarget);
    expect(intervals.testDates).toEqual(results.test.dates);
  });
  it('refuses a series other than the one trained on', () => {
    expect(() =>
      readSiteInputs({ registryDir: REGISTRY_DIR, dataFile: `${REGISTRY_DIR}/results.json` }),
    ).toThrow(RegistryFormatError);
  });
});
