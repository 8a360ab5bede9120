/**
 * Builds the deployable worker into dist/ (`wrangler deploy --dry-run --minify`), after
 * `npm run codegen` has written the registry imports; turbo caches the result.
 *
 * Usage: node scripts/build.ts
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorker, packageDir } from './wrangler.ts';

const outdir = join(packageDir, 'dist');
rmSync(outdir, { recursive: true, force: true });
const output = await bundleWorker(outdir);
const total = /Total Upload: .*/.exec(output)?.[0] ?? 'bundled';
process.stdout.write(`build: dist/ (${total})\n`);
