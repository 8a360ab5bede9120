/**
 * The page follows the reader's colour scheme (`prefers-color-scheme`): dark paper and light ink
 * when the system asks for dark, with every piece of text — the charts' included — at WCAG AA
 * contrast (4.5:1) against what is painted behind it, in both schemes; the charts take their
 * colours from the scheme without being drawn again.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FAN_CHART_MARKS } from '../../src/client/charts/fanChart.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { textContrast } from './layoutChecks.js';
import { ARTIFACTS } from './registry.js';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

/** WCAG 2.x AA for body text. */
const AA = 4.5;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(scheme: 'light' | 'dark', width: number): Promise<Page> {
  const { page } = await browser.page({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  for (const id of ['history-chart', 'fan-chart', 'calibration-chart', 'flat-chart']) {
    await page.waitForSelector(`#${id} svg`);
  }
  return page;
}

/** The computed fill of the fan's widest band and the stroke of its history line. */
async function fanColours(page: Page) {
  return page.evaluate(
    (marks) => {
      const band = document.querySelector(`#fan-chart g[aria-description="${marks.band}"] path`);
      const line = document.querySelector(`#fan-chart g[aria-description="${marks.history}"] path`);
      return {
        band: band ? getComputedStyle(band).fill : '',
        line: line ? getComputedStyle(line).stroke : '',
      };
    },
    { band: FAN_CHART_MARKS.band(95), history: FAN_CHART_MARKS.history },
  );
}

describe('colour scheme', () => {
  it('is dark when the reader asks for dark, with AA contrast for every text', async () => {
    const page = await open('dark', 1280);
    const report = await textContrast(page, AA);
    // Dark paper: relative luminance under 0.05 (#0f141b is 0.007; white is 1).
    expect(report.pageLuminance).toBeLessThan(0.05);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(
      'rgb(229, 231, 235)',
    );
    expect(report.checked).toBeGreaterThan(500);
    expect(report.failing).toEqual([]);
    await page.screenshot({
      path: fileURLToPath(new URL('site-1280-dark.png', ARTIFACTS)),
      fullPage: true,
    });
  });

  it('keeps AA contrast on a phone in the dark, where tables stack', async () => {
    const page = await open('dark', 390);
    const report = await textContrast(page, AA);
    expect(report.failing).toEqual([]);
    await page.screenshot({
      path: fileURLToPath(new URL('site-390-dark.png', ARTIFACTS)),
      fullPage: true,
    });
  });

  it('is light by default, with AA contrast for every text', async () => {
    const page = await open('light', 1280);
    const report = await textContrast(page, AA);
    expect(report.pageLuminance).toBe(1);
    expect(report.failing).toEqual([]);
  });

  it('recolours the charts when the scheme changes, without drawing them again', async () => {
    const page = await open('light', 1280);
    const light = await fanColours(page);
    const drawn = await page.$eval('#fan-chart svg:last-of-type', (svg) => {
      (svg as SVGElement & { marker?: boolean }).marker = true;
      return true;
    });
    expect(drawn).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await fanColours(page);
    expect(dark.band).not.toBe(light.band);
    expect(dark.line).not.toBe(light.line);
    // The history line is the page's ink in each scheme: dark on light, light on dark.
    expect(light.line).toBe('rgb(31, 41, 55)');
    expect(dark.line).toBe('rgb(229, 231, 235)');
    // Same element: recoloured by the stylesheet, not redrawn.
    expect(
      await page.$eval(
        '#fan-chart svg:last-of-type',
        (svg) => (svg as SVGElement & { marker?: boolean }).marker === true,
      ),
    ).toBe(true);
  });
});
