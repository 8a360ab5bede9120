/**
 * The page as built: its tables and headline are in the HTML itself (no JavaScript needed), their
 * numbers are the registry's, and the page works from the keyboard (its fit on every screen is
 * `layout.test.ts`'s).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseFormatted } from '../../src/shared/format.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { ARTIFACTS, manifest } from './registry.js';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium({ javaScriptEnabled: false });
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Splits `a ± b` into numbers. */
function meanSd(text: string): [number, number] {
  const [mean = '', sd = ''] = text.split(' ± ');
  return [parseFormatted(mean), parseFormatted(sd)];
}

describe('the static page, JavaScript off', () => {
  it('shows each model’s manifest figures in the comparison table', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const rows = await page.$$eval('#comparison-table tr[data-model]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-model') ?? '',
        cells: Object.fromEntries(
          [...tr.querySelectorAll('td[data-metric]')].map((td) => [
            td.getAttribute('data-metric'),
            td.textContent ?? '',
          ]),
        ),
      })),
    );
    const byProtocol = (p: string) => manifest.models.filter((m) => m.protocol === p);
    expect(rows.map((r) => r.id)).toEqual(
      [...byProtocol('relative'), ...byProtocol('reference')].map((m) => m.id),
    );
    for (const row of rows) {
      const model = manifest.models.find((m) => m.id === row.id);
      if (!model) throw new Error(`row for unknown model ${row.id}`);
      const [rmse, rmseSd] = meanSd(row.cells.rmse ?? '');
      const [mae, maeSd] = meanSd(row.cells.mae ?? '');
      expect(Math.abs(rmse - model.summary.rmse.mean)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(rmseSd - model.summary.rmse.sd)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(mae - model.summary.mae.mean)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(maeSd - model.summary.mae.sd)).toBeLessThanOrEqual(0.05);
      expect(parseFormatted(row.cells.parameters ?? '')).toBe(model.parameterCount);
      expect(
        Math.abs(parseFormatted(row.cells.mase ?? '') - model.summary.mase.mean),
      ).toBeLessThanOrEqual(0.005);
      expect(
        Math.abs(
          parseFormatted((row.cells.trainingSeconds ?? '').replace(/ s$/, '')) -
            model.trainingSeconds,
        ),
      ).toBeLessThanOrEqual(0.05);
      const p = row.cells.dmPValue ?? '';
      if (model.dmVsNaive.pValue < 0.001) expect(p).toBe('< 0.001');
      else expect(Math.abs(parseFormatted(p) - model.dmVsNaive.pValue)).toBeLessThanOrEqual(0.0005);
    }
    const naive = await page.textContent(
      '#comparison-table tr[data-baseline="naive"] [data-metric="rmse"]',
    );
    expect(
      Math.abs(parseFormatted(naive ?? '') - manifest.baselines.naive.test.rmse),
    ).toBeLessThanOrEqual(0.05);
  });

  it('shows the default model’s next-month forecast and intervals in the headline', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const model = manifest.models.find((m) => m.id === manifest.defaultModel);
    if (!model) throw new Error('default model missing');
    const headline = page.locator('.headline');
    expect(await headline.getAttribute('data-model')).toBe(manifest.defaultModel);
    const value = parseFormatted(
      (await headline.locator('[data-field="forecast"]').textContent()) ?? '',
    );
    expect(Math.abs(value - model.forecast.value)).toBeLessThanOrEqual(0.05);
    for (const level of ['80', '95'] as const) {
      const text = (await headline.locator(`[data-field="${level}"]`).textContent()) ?? '';
      const [lo, hi] = text.split(' – ').map(parseFormatted);
      const [expectedLo, expectedHi] = model.forecast.intervals[level];
      expect(Math.abs((lo ?? 0) - (expectedLo ?? Number.NaN))).toBeLessThanOrEqual(0.05);
      expect(Math.abs((hi ?? 0) - (expectedHi ?? Number.NaN))).toBeLessThanOrEqual(0.05);
    }
    expect(await page.getAttribute('#forecast-source', 'data-source')).toBe('registry');
    expect(await page.locator('#cells .katex-display').count()).toBe(3);
  });
});

describe('keyboard', () => {
  let jsBrowser: TestBrowser;
  beforeAll(async () => {
    jsBrowser = await launchChromium();
  });
  afterAll(async () => {
    await jsBrowser?.close();
  });

  it('starts keyboard navigation at a skip link and labels every form control', async () => {
    const { page } = await jsBrowser.page();
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
      controls.filter((c) => (c as HTMLInputElement).labels?.length === 0).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    const headers = await page.$$eval('table', (tables) =>
      tables.map((t) => ({
        caption: !!t.caption?.textContent,
        colHeaders: t.querySelectorAll('th[scope="col"]').length,
      })),
    );
    for (const table of headers) {
      expect(table.caption).toBe(true);
      expect(table.colHeaders).toBeGreaterThan(2);
    }
  });
});
