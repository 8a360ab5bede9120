/**
 * Runs the worker locally with `wrangler dev` on http://127.0.0.1:8787, offline (no cf.json fetch,
 * no metrics), and prints where the API and the site are once it is ready.
 *
 * Usage: node scripts/start.ts [extra wrangler dev arguments]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageDir, wranglerEnv } from './wrangler.ts';

const siteDist = resolve(packageDir, '../site/dist');
const host = '127.0.0.1';
const port = 8787;
const origin = `http://${host}:${port}`;

const siteBuilt = existsSync(join(siteDist, 'index.html'));
if (!existsSync(siteDist) || readdirSync(siteDist).length === 0) {
  process.stderr.write(
    `start: ${siteDist} is missing or empty; build the site (npm run build -w @gatecast/site) to serve it at /\n`,
  );
}

const child = spawn(
  'wrangler',
  [
    'dev',
    '--ip',
    host,
    '--port',
    String(port),
    '--show-interactive-dev-session=false',
    ...process.argv.slice(2),
  ],
  {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: wranglerEnv,
  },
);

let announced = false;
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && chunk.toString().includes('Ready on')) {
    announced = true;
    process.stdout.write(
      [
        '',
        `gatecast is running on ${origin}`,
        `  site      ${origin}/${siteBuilt ? '' : '   (not built: npm run build -w @gatecast/site)'}`,
        `  forecast  ${origin}/v1/forecast`,
        `  compare   ${origin}/v1/compare`,
        `  models    ${origin}/v1/models`,
        `  health    ${origin}/health`,
        `  OpenAPI   ${origin}/openapi.json`,
        '',
      ].join('\n'),
    );
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
