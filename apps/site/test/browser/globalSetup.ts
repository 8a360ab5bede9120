/**
 * Starts one server for every browser test file and stops it after: the edge worker when
 * `apps/edge-api` has one, else `vite preview` (API-dependent tests then report as skipped).
 * Set `GATECAST_SITE_TEST_SERVER=preview` to force the latter.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  edgeApiPresent,
  SITE_DIR,
  type StartedServer,
  startPreview,
  startWorker,
} from './servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    apiAvailable: boolean;
    serverKind: string;
  }
}

let server: StartedServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(join(SITE_DIR, 'dist/index.html'))) {
    throw new Error('apps/site/dist is missing: run `npm run build -w @gatecast/site` first');
  }
  // GATECAST_SITE_TEST_SERVER=preview runs the page-only tests while the worker is broken or busy;
  // the API tests then report as skipped, never as passed.
  if (edgeApiPresent() && process.env.GATECAST_SITE_TEST_SERVER !== 'preview') {
    server = await startWorker();
  } else {
    server = await startPreview();
    process.stderr.write(
      'No edge worker (apps/edge-api missing or GATECAST_SITE_TEST_SERVER=preview): serving dist/ with vite preview; the API tests are skipped (pending).\n',
    );
  }
  project.provide('baseUrl', server.baseUrl);
  project.provide('apiAvailable', server.api);
  project.provide('serverKind', server.kind);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
