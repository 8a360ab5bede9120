/**
 * The README's start command under hostile clients: `npm start` on 127.0.0.1:8787 gets 200 uploads
 * that declare a Content-Length and disconnect part-way (on every route) and 200 malformed requests
 * (bad chunking, bad framing, oversized and garbage heads), then must still answer every route
 * normally, from the same process. Each hostile request is answered with a 4xx problem or closed:
 * no 5xx, no exit, no stack trace. Then SIGTERM to the server's own process leaves no workerd.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  abortedUploadBatch,
  checkServes,
  malformedBatch,
  sendAll,
  tally,
} from '../../apps/edge-api/bench/hostileClient.ts';
import { checkRoutes } from '../../apps/edge-api/bench/routeCheck.ts';
import { REPO_ROOT } from './paths.js';
import { descendants, type Started, start, waitFor } from './processes.js';

const ORIGIN = 'http://127.0.0.1:8787';
const target = { host: '127.0.0.1', port: 8787 };

/** The command line of a process, or '' once it is gone. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

describe('npm start under hostile clients', () => {
  let server: Started | undefined;

  beforeAll(async () => {
    await expect(fetch(`${ORIGIN}/health`), 'port 8787 is already in use').rejects.toThrow();
    server = start('npm', ['start'], REPO_ROOT);
    await waitFor(`${ORIGIN}/health`, server, 60);
  }, 65_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('answers 200 aborted uploads and 200 malformed requests without a 5xx or an exit, then serves every route', async () => {
    const running = server as Started;
    const workerdBefore = descendants(running.child.pid as number).filter((pid) =>
      /workerd/.test(commandLine(pid)),
    );
    expect(workerdBefore).toHaveLength(1);

    const aborted = await sendAll(target, abortedUploadBatch(200), { concurrency: 8 });
    const servesAfterAborted = await checkServes(target);
    const malformed = await sendAll(target, malformedBatch(200), { concurrency: 8 });
    const servesAfterMalformed = await checkServes(target);
    const routes = await checkRoutes(ORIGIN);
    const workerdAfter = descendants(running.child.pid as number).filter((pid) =>
      /workerd/.test(commandLine(pid)),
    );

    const abortedTally = tally(aborted);
    const malformedTally = tally(malformed);
    const report = {
      aborted: abortedTally,
      malformed: malformedTally,
      serverExited: running.child.exitCode !== null,
      workerdRestarted: workerdAfter.join() !== workerdBefore.join(),
      routes: routes.map(({ name, ok, status }) => ({ name, ok, status })),
    };
    mkdirSync(join(REPO_ROOT, 'test/test-results'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'test/test-results/hostile.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );

    for (const t of [abortedTally, malformedTally]) {
      expect(t.sent).toBe(200);
      expect(t.serverErrors, '5xx answers').toBe(0);
      expect(t.refused, 'connections refused: the server went away').toBe(0);
      expect(t.nonProblem4xx, '4xx answers that are not problem+json').toBe(0);
      expect(t.leaks, 'answers naming a path or a stack frame').toBe(0);
    }
    expect(servesAfterAborted.detail).toBe('GET /health 200, POST /v1/forecast 200');
    expect(servesAfterMalformed.detail).toBe('GET /health 200, POST /v1/forecast 200');
    expect(report.serverExited).toBe(false);
    expect(report.workerdRestarted).toBe(false);
    expect(routes.filter((r) => !r.ok).map((r) => `${r.name}: ${r.status}`)).toEqual([]);
    expect(routes.find((r) => r.name === 'GET /v1/forecast')?.engine).toBe('wasm');
    expect(routes.find((r) => r.name === 'GET /')?.headers['content-security-policy']).toMatch(
      /default-src 'self'/,
    );
    expect(running.output()).not.toMatch(/crashed unexpectedly/);
  }, 60_000);

  it('stops on SIGTERM to its own process, leaving no workerd behind', async () => {
    const running = server as Started;
    const tree = descendants(running.child.pid as number);
    try {
      // The Node process running scripts/start.ts (npm and turbo put shells and npm above it).
      const starter = tree.find((pid) => /(^|\/)node scripts\/start\.ts/.test(commandLine(pid)));
      const workerd = tree.filter((pid) => /workerd/.test(commandLine(pid)));
      expect(starter).toBeDefined();
      expect(workerd).toHaveLength(1);
      process.kill(starter as number, 'SIGTERM');
      const gone = (pid: number) => commandLine(pid) === '';
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && ![starter as number, ...workerd].every(gone)) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(gone(starter as number), 'scripts/start.ts still running').toBe(true);
      expect(
        workerd.filter((pid) => !gone(pid)),
        'workerd left behind',
      ).toEqual([]);
      await expect(fetch(`${ORIGIN}/health`)).rejects.toThrow();
    } finally {
      // Whatever happened, nothing this test started outlives it.
      for (const pid of tree) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
  }, 20_000);
});
