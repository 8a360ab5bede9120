/**
 * A Vite plugin that ships Scalar's API reference UI (`@scalar/api-reference`'s standalone UMD
 * bundle) as a site asset, so the worker's `/docs` page loads it from this origin: no CDN at run
 * time, and the pages' `script-src 'self'` holds. The worker's `/docs` (Scalar's Hono middleware,
 * `apps/edge-api/src/routes/docs.ts`) points its `cdn` option at {@link SCALAR_ASSET_PATH}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Where the bundle lands in `dist/`, and its URL path on the site. */
export const SCALAR_ASSET_PATH = 'vendor/scalar-api-reference.js';

/** Emits the standalone bundle of the installed `@scalar/api-reference` at {@link SCALAR_ASSET_PATH}. */
export function scalarStandalone(): Plugin {
  return {
    name: 'gatecast-scalar-standalone',
    apply: 'build',
    generateBundle() {
      // The package exports no path to its browser build; it sits beside the entry's directory.
      const entry = import.meta.resolve('@scalar/api-reference');
      const file = fileURLToPath(new URL('./browser/standalone.js', entry));
      this.emitFile({ type: 'asset', fileName: SCALAR_ASSET_PATH, source: readFileSync(file) });
    },
  };
}
