/**
 * Model roles on the page: the lesson's reproductions (`role: lesson-reproduction`) are tagged as
 * such wherever a table lists them, grouped after the forecasters, and kept out of the headline's
 * comparison of forecasts — which the API's default `/v1/compare` (forecasters only) refreshes
 * whole.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.js';
import { manifest } from './registry.js';

const baseUrl = inject('baseUrl');
const apiAvailable = inject('apiAvailable');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const forecasters = manifest.models.filter((m) => m.role === 'forecaster').map((m) => m.id);
const lesson = manifest.models.filter((m) => m.role === 'lesson-reproduction').map((m) => m.id);

describe('roles', () => {
  it('tags the lesson’s reproductions in the tables and leaves them out of the headline', async () => {
    expect(lesson.length).toBeGreaterThan(0);
    const { page } = await browser.page();
    await page.route('**/v1/**', (route) => route.abort());
    await page.goto(`${baseUrl}/`);
    const headline = await page.$$eval('#forecasts-table tr[data-model]', (rows) =>
      rows.map((r) => r.getAttribute('data-model')),
    );
    expect(headline).toEqual(forecasters);
    expect(await page.textContent('#lesson-note')).toContain(`the ${lesson.length} models`);
    for (const table of ['#comparison-table', '#interval-table']) {
      const rows = await page.$$eval(`${table} tr[data-model]`, (trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-model') ?? '',
          tag: tr.querySelector('th .tag-lesson')?.textContent ?? null,
        })),
      );
      expect(rows.map((r) => r.id)).toEqual([...forecasters, ...lesson]);
      for (const row of rows) {
        expect(row.tag).toBe(lesson.includes(row.id) ? 'lesson reproduction' : null);
      }
    }
    for (const select of ['#try-model', '#chart-model']) {
      const groups = await page.$$eval(`${select} optgroup`, (gs) =>
        gs.map((g) => ({
          label: g.getAttribute('label'),
          ids: [...g.querySelectorAll('option')].map((o) => o.value),
        })),
      );
      expect(groups.map((g) => g.ids)).toEqual([forecasters, lesson]);
      expect(groups[1]?.label).toMatch(/^Lesson reproduction/);
    }
  });

  it.skipIf(!apiAvailable)(
    'refreshes every forecaster and baseline of the headline from the default /v1/compare',
    async () => {
      const compare = (await (await fetch(`${baseUrl}/v1/compare`)).json()) as {
        forecasts: { id: string; kind: string }[];
      };
      const models = compare.forecasts.filter((f) => f.kind === 'model').map((f) => f.id);
      expect(models.sort()).toEqual([...forecasters].sort());
      const { page } = await browser.page();
      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('#forecast-source[data-source="api"]');
      const rows = await page.$$eval('#forecasts-table tbody tr:not(.group)', (trs) => trs.length);
      // Forecast, 80% and 95% of every row, and the headline's own three.
      expect(await page.textContent('#forecast-source')).toContain(
        `${(rows + 1) * 3} figures refreshed`,
      );
    },
  );
});
