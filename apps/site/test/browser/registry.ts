/** The registry the site under test was built from, read independently of the page. */
import { readSiteInputs } from '../../src/build/readRegistry.js';
import { DATA_FILE, REGISTRY_DIR } from '../../src/testing/paths.js';

export const { manifest, results, intervals, series } = readSiteInputs({
  registryDir: REGISTRY_DIR,
  dataFile: DATA_FILE,
});

/** Where screenshots go (gitignored). */
export const ARTIFACTS = new URL('../../test-results/', import.meta.url);
