// Imports this repository's TypeScript sources straight into Node, before anything is built (what
// `npm run train -- --help` needs on a fresh clone). Node 22 strips the types itself; what it does
// not do is resolve the way tsc does, so two resolve hooks fill in:
// - a relative `./x.js` imported from a `.ts` file is `./x.ts` when that file exists;
// - `@gatecast/<package>[/<entry>]` imported from a `.ts` file is the source its package.json
//   `exports` name as `types` (`./src/…/index.ts`), not the `dist/` build.
// Only erasable TypeScript loads this way (no enums, namespaces or parameter properties).
import { existsSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_DIRS = ['packages', 'apps'];

/** Whether this Node can import TypeScript sources (type stripping and module hooks). */
export function canImportSources() {
  return Boolean(process.features.typescript) && typeof nodeModule.registerHooks === 'function';
}

/** The source file a workspace package's `exports` entry names as `types`, if there is one. */
function workspaceSource(name, subpath) {
  for (const dir of WORKSPACE_DIRS) {
    const packageDir = join(root, dir, name);
    const manifest = join(packageDir, 'package.json');
    if (!existsSync(manifest)) continue;
    const entry = JSON.parse(readFileSync(manifest, 'utf8')).exports?.[`.${subpath}`];
    if (typeof entry?.types === 'string') return pathToFileURL(join(packageDir, entry.types)).href;
  }
  return undefined;
}

let registered = false;

/**
 * Imports `path` (relative to the repository root) from source.
 *
 * @throws Error when this Node cannot strip types (see {@link canImportSources})
 */
export async function importSource(path) {
  if (!canImportSources()) throw new Error(`Node ${process.version} cannot import TypeScript`);
  if (!registered) {
    nodeModule.registerHooks({
      resolve(specifier, context, nextResolve) {
        if (context.parentURL?.endsWith('.ts')) {
          if (specifier.startsWith('.') && specifier.endsWith('.js')) {
            const source = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
            if (existsSync(fileURLToPath(source))) return nextResolve(source.href, context);
          }
          const workspace = /^@gatecast\/([^/]+)(\/.*)?$/.exec(specifier);
          const source = workspace && workspaceSource(workspace[1], workspace[2] ?? '');
          if (source) return nextResolve(source, context);
        }
        return nextResolve(specifier, context);
      },
    });
    registered = true;
  }
  return import(pathToFileURL(join(root, path)).href);
}
