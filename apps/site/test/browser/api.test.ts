/**
 * The page against the real edge API: the headline refreshes from /v1/compare and says so,
 * "Try it" shows the API's forecast for a window and the API's problem detail for a bad one, and
 * the worker sends the security headers of `public/_headers`.
 *
 * These need `apps/edge-api`; when it has no worker yet the global setup serves `dist/` with
 * `vite preview` and they are reported as skipped (the API is never imitated).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPoints, parseFormatted } from '../../src/shared/format.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { manifest, series } from './registry.js';

const baseUrl = inject('baseUrl');
const apiAvailable = inject('apiAvailable');
let browser: TestBrowser;

beforeAll(async () => {
  if (apiAvailable) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function postWindow(
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/v1/forecast`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!apiAvailable)('against the edge API', () => {
  it('refreshes the headline from /v1/compare and marks the source', async () => {
    const compare = (await (await fetch(`${baseUrl}/v1/compare`)).json()) as {
      forecasts: { id: string; forecast: number }[];
    };
    const live = compare.forecasts.find((f) => f.id === manifest.defaultModel);
    if (!live) throw new Error(`/v1/compare has no ${manifest.defaultModel}`);
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#forecast-source[data-source="api"]');
    expect(await page.textContent('.headline [data-field="forecast"]')).toBe(
      formatPoints(live.forecast),
    );
    const naive = compare.forecasts.find((f) => f.id === 'naive');
    if (naive) {
      expect(
        await page.textContent(
          '#forecasts-table tr[data-baseline="naive"] [data-field="forecast"]',
        ),
      ).toBe(formatPoints(naive.forecast));
    }
  });

  it('Try it shows the API’s forecast for a stretch of the series', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const model = manifest.models.find(
      (m) => m.protocol === 'relative' && m.id !== manifest.defaultModel,
    );
    if (!model) throw new Error('no second relative model');
    const end = '2020-05';
    await page.fill('#stretch-end', end);
    await page.click('#stretch-fill');
    await page.selectOption('#try-model', model.id);
    await page.click('#try-form button[type="submit"]');
    await page.waitForSelector('#try-result[data-state="forecast"]');

    const last = series.dates.indexOf(`${end}-01`);
    const window = series.values.slice(last - manifest.split.windowLength + 1, last + 1);
    const direct = await postWindow({ model: model.id, window });
    expect(direct.status).toBe(200);
    const shown = await page.textContent('#try-result [data-field="forecast"]');
    expect(shown).toBe(formatPoints(direct.json.forecast as number));
    expect(await page.textContent('#try-result')).toContain('June 2020');
    expect(await page.textContent('#try-result')).toContain(`model ${model.id}`);
    expect(parseFormatted(shown ?? '')).toBeGreaterThan(0);
  });

  it('shows the API’s problem detail for a bad window, in a live region', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const eleven = series.values.slice(-11);
    await page.fill('#try-window', eleven.join(', '));
    await page.click('#try-form button[type="submit"]');
    await page.waitForSelector('#try-result[data-state="error"]');
    const direct = await postWindow({ model: manifest.defaultModel, window: eleven });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    expect(direct.status).toBeLessThan(500);
    expect(await page.textContent('#try-result .problem-title')).toBe(
      `${direct.json.title} (${direct.status})`,
    );
    expect(await page.textContent('#try-result .problem-detail')).toBe(direct.json.detail);
    expect(await page.getAttribute('#try-result', 'aria-live')).toBe('polite');
  });

  it('serves the site with the security headers of public/_headers', async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
