import { fileURLToPath } from 'node:url';

/** The repository root (the directory holding README.md and .ci/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
