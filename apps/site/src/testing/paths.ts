/** Paths of the repository files the site is built from, for tests. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoPath = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

/** The registry the site builds from (`GATECAST_MODELS_DIR` or the repository's `models/`). */
export const REGISTRY_DIR = process.env.GATECAST_MODELS_DIR ?? repoPath('models');
/** The monthly series. */
export const DATA_FILE = repoPath('data/sp500_monthly.csv');
/** The page template. */
export const INDEX_HTML = fileURLToPath(new URL('../../index.html', import.meta.url));
/** True when a registry is present to test against. */
export const HAVE_REGISTRY = existsSync(`${REGISTRY_DIR}/manifest.json`);
