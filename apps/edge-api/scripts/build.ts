/**
 * Builds the deployable worker into dist/ (`wrangler deploy --dry-run --minify`), after
 * `npm run codegen` has written the registry imports, then writes the OpenAPI document that bundle
 * serves to dist/openapi.json (scripts/servedDocument.ts); turbo caches the result.
 *
 * Usage: node scripts/build.ts
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedDocument } from './servedDocument.ts';
import { bundleWorker, packageDir } from './wrangler.ts';

const outdir = join(packageDir, 'dist');
rmSync(outdir, { recursive: true, force: true });
const output = await bundleWorker(outdir);
const total = /Total Upload: .*/.exec(output)?.[0] ?? 'bundled';
process.stdout.write(`build: dist/ (${total})\n`);
const document = await servedDocument(outdir);
writeFileSync(join(outdir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write('build: dist/openapi.json (the document the bundle serves)\n');
