/**
 * `npm start`: builds the worker as `wrangler deploy` would (`--dry-run --minify`, into a temporary
 * directory), serves it with the site on http://127.0.0.1:8787 (scripts/localServer.ts: Miniflare's
 * workerd behind a Node front door, offline), prints where the API and the site are, and stops
 * workerd on SIGINT or SIGTERM. `npm run dev` is `wrangler dev`, for editing with reloads.
 *
 * Usage: node scripts/start.ts [--port 8787] [--production-limits] (after `npm run codegen`, which
 * the npm script runs). Local servers run wrangler.jsonc's `env.local`, whose rate limits no one
 * machine reaches; `--production-limits` serves with the top level's, what `wrangler deploy` uses.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type LocalServer, startLocalServer } from './localServer.ts';
import { bundleWorker, packageDir } from './wrangler.ts';

const siteDist = resolve(packageDir, '../site/dist');
const host = '127.0.0.1';
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    // Only to measure what the front door changes (bench/servers.ts): workerd on the port itself.
    'no-front-door': { type: 'boolean', default: false },
    // wrangler.jsonc's top-level rate limits (production's) instead of env.local's.
    'production-limits': { type: 'boolean', default: false },
  },
});
const port = Number(args.port);
const origin = `http://${host}:${port}`;

const siteBuilt = existsSync(join(siteDist, 'index.html'));
if (!existsSync(siteDist) || readdirSync(siteDist).length === 0) {
  process.stderr.write(
    `start: ${siteDist} is missing or empty; build the site (npm run build -w @gatecast/site) to serve it at /\n`,
  );
}

const workerDir = mkdtempSync(join(tmpdir(), 'gatecast-start-'));
let server: LocalServer | undefined;

// However the process ends. (On SIGINT and SIGTERM Miniflare's own exit hook kills workerd and
// exits at once, synchronously; these handlers cover SIGHUP and errors the same way.)
process.on('exit', () => rmSync(workerDir, { recursive: true, force: true }));
async function stop(code: number): Promise<never> {
  await server?.dispose().catch(() => {});
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => void stop(0));
}
// A fault on the Node side is reported, not fatal: the front door and workerd keep serving.
process.on('uncaughtException', (error) => {
  process.stderr.write(`start: unexpected error (still serving): ${error.stack ?? error}\n`);
});

try {
  process.stdout.write('start: building the worker (wrangler deploy --dry-run --minify)\n');
  await bundleWorker(workerDir);
  server = await startLocalServer({
    workerDir,
    host,
    port,
    frontDoor: !args['no-front-door'],
    ...(args['production-limits'] ? { environment: null } : {}),
  });
} catch (error) {
  process.stderr.write(`start: ${(error as Error).message}\n`);
  await stop(1);
}

process.stdout.write(
  [
    `Ready on ${origin}`,
    '',
    `gatecast is running on ${origin}`,
    `  site      ${origin}/${siteBuilt ? '' : '   (not built: npm run build -w @gatecast/site)'}`,
    `  forecast  ${origin}/v1/forecast`,
    `  compare   ${origin}/v1/compare`,
    `  models    ${origin}/v1/models`,
    `  health    ${origin}/health`,
    `  OpenAPI   ${origin}/openapi.json`,
    '',
    'Stop with Ctrl-C.',
    '',
  ].join('\n'),
);
