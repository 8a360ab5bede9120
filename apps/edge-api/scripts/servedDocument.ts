/**
 * The OpenAPI document exactly as the built worker serves it: `dist/` (the bundle `npm run build`
 * writes) run on Miniflare's workerd, offline, without the site, asked for `/openapi.json` once.
 * `npm run build` writes it to `dist/openapi.json`, where Redocly lints it (`npm run lint:openapi`)
 * and the typed client (`packages/client`) is generated from it.
 *
 * Usage: node scripts/servedDocument.ts [--out dist/openapi.json]   (after a build)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalServer } from './localServer.ts';
import { packageDir } from './wrangler.ts';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Serves the worker built in `workerDir` for one request and returns its `/openapi.json`.
 *
 * @throws Error when the worker does not answer 200 with JSON.
 */
export async function servedDocument(workerDir: string): Promise<unknown> {
  const noSite = mkdtempSync(join(tmpdir(), 'gatecast-document-'));
  const server = await startLocalServer({
    workerDir,
    host: '127.0.0.1',
    port: await freePort(),
    assetsDir: noSite,
    frontDoor: false,
  });
  try {
    const response = await fetch(new URL('/openapi.json', server.url));
    const text = await response.text();
    if (response.status !== 200) {
      throw new Error(`/openapi.json answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return JSON.parse(text);
  } finally {
    await server.dispose();
    rmSync(noSite, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: join(packageDir, 'dist', 'openapi.json') } },
  });
  const document = await servedDocument(join(packageDir, 'dist'));
  writeFileSync(values.out as string, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`document: ${values.out}\n`);
}
