import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { DATA_FILE, HAVE_REGISTRY, REGISTRY_DIR } from '../testing/paths.js';
import {
  checkRegistry,
  parseRegistry,
  RegistryFormatError,
  readSiteInputs,
} from './readRegistry.js';

describe('parseRegistry', () => {
  it('accepts a consistent registry', () => {
    const { manifest, results } = fixtureRegistry();
    expect(parseRegistry(manifest, results)).toEqual({ manifest, results });
  });
  it('refuses another format or version, and a field the schema does not know', () => {
    const { manifest, results } = fixtureRegistry();
    expect(() => parseRegistry({ ...manifest, formatVersion: 2 }, results)).toThrow(
      RegistryFormatError,
    );
    expect(() => parseRegistry(manifest, { ...results, format: 'other' })).toThrow(
      /results\.json is invalid: format: must be "gatecast-results", not "other"/,
    );
    expect(() => parseRegistry({ ...manifest, extra: 1 }, results)).toThrow(
      /Unrecognized key: "extra"/,
    );
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
  it('reads the manifest, the results and the series it was trained on', () => {
    const { manifest, results, series } = readSiteInputs({
      registryDir: REGISTRY_DIR,
      dataFile: DATA_FILE,
    });
    expect(series.dates.length).toBe(manifest.data.months);
    expect(results.test.dates.length).toBe(manifest.split.test.count);
    expect(results.test.dates[0]).toBe(manifest.split.test.firstTarget);
  });
  it('refuses a series other than the one trained on', () => {
    expect(() =>
      readSiteInputs({ registryDir: REGISTRY_DIR, dataFile: `${REGISTRY_DIR}/results.json` }),
    ).toThrow(RegistryFormatError);
  });
});
