/**
 * The worker's API reference at /docs (Scalar's Hono middleware) in real Chromium: it renders every
 * operation of the served /openapi.json, loads its UI from this origin (the site's
 * `vendor/scalar-api-reference.js`), and sends no request anywhere else, with no console errors
 * (a Content-Security-Policy violation is one). Needs `apps/edge-api`; skipped (never imitated)
 * when the global setup serves `dist/` without it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.js';
import { ARTIFACTS } from './registry.js';

const baseUrl = inject('baseUrl');
const apiAvailable = inject('apiAvailable');
let browser: TestBrowser;

beforeAll(async () => {
  if (apiAvailable) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Operation {
  method: string;
  path: string;
  summary: string;
  operationId: string;
}

/** Every operation of the served document. */
async function operations(): Promise<Operation[]> {
  const document = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { summary: string; operationId: string }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      summary: op.summary,
      operationId: op.operationId,
    })),
  );
}

describe.skipIf(!apiAvailable)('/docs', () => {
  it('renders every operation of /openapi.json, offline, without errors', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(7);
    const { page, errors } = await browser.page();
    const requested: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (answer) => {
      if (answer.status() >= 400) failed.push(`${answer.status()} ${answer.url()}`);
    });
    const response = await page.goto(`${baseUrl}/docs`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");

    const summaries = ops.map((op) => op.summary);
    await page.waitForFunction(
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, as a reader sees it
      (wanted) => wanted.every((s) => document.body.innerText.includes(s)),
      summaries,
      { timeout: 45_000 },
    );
    // Each operation's section, reached by its summary in the sidebar, shows its method and path.
    for (const op of ops) {
      await page.getByText(op.summary, { exact: true }).first().click();
      await page.waitForFunction(
        // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, as a reader sees it
        (path) => document.body.innerText.includes(path),
        op.path,
        { timeout: 15_000 },
      );
    }
    await page.screenshot({ path: new URL('docs.png', ARTIFACTS).pathname, fullPage: false });

    const origin = new URL(baseUrl).origin;
    const elsewhere = requested.filter(
      (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
    );
    expect(elsewhere).toEqual([]);
    expect(requested).toContain(`${origin}/vendor/scalar-api-reference.js`);
    expect(requested).toContain(`${origin}/openapi.json`);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is linked from the site’s header', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const link = page.locator('header a[href="/docs"]');
    expect(await link.count()).toBe(1);
    await Promise.all([page.waitForURL(`${baseUrl}/docs`), link.click()]);
  });
});
