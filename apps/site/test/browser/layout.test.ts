/**
 * The page fits every screen it is read on: at 390 px (a phone) and 1280 px (a laptop), and the
 * widths between, no element's box leaves the viewport — tables stack their rows where their
 * columns do not fit, equations shrink to their column, charts are drawn at their container's
 * width — and nothing is left to scroll sideways. Full-page screenshots go to `test-results/`.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.js';
import { overflowingElements } from './layoutChecks.js';
import { ARTIFACTS } from './registry.js';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until every chart is drawn and the equations are fitted (fonts loaded). */
async function settled(page: Page): Promise<void> {
  for (const id of [
    'history-chart',
    'fan-chart',
    'calibration-chart',
    'test-chart',
    'seed-chart-relative',
    'seed-chart-reference',
    'flat-chart',
  ]) {
    await page.waitForSelector(`#${id} svg`);
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Two frames: the resize observers' redraws run in the next one.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Every chart's drawing is as wide as its container, or narrower. */
async function chartWidths(page: Page) {
  return page.$$eval('.chart', (charts) =>
    charts.map((chart) => {
      // The plot itself: the widest svg (a legend's swatches are svgs too).
      const svgs = [...chart.querySelectorAll('svg')];
      const widths = svgs.map((svg) => Number(svg.getAttribute('width')));
      const plot = svgs[widths.indexOf(Math.max(...widths))];
      return {
        id: chart.id,
        container: chart.clientWidth,
        drawn: plot ? Number(plot.getAttribute('width')) : Number.NaN,
        shown: plot ? plot.getBoundingClientRect().width : Number.NaN,
      };
    }),
  );
}

describe('layout', () => {
  it('at 390 px nothing leaves the viewport: tables stack, equations fit, charts fit', async () => {
    const { page, errors } = await browser.page({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await settled(page);
    const report = await overflowingElements(page);
    expect(report.outside).toEqual([]);
    expect(report.scrolling).toEqual([]);
    expect(report.scrollWidth).toBe(390);
    expect(report.checked).toBeGreaterThan(1000);
    expect(report.hiddenMathml).toBeGreaterThanOrEqual(3);

    // Every table shows its rows as blocks, each cell under its column's label.
    const tables = await page.$$eval('.table-wrap > table', (tables) =>
      tables.map((t) => ({
        id: t.id,
        display: getComputedStyle(t).display,
        head: getComputedStyle((t as HTMLTableElement).tHead as Element).display,
        unlabelled: [...t.querySelectorAll('tbody td')].filter(
          (td) =>
            !td.getAttribute('data-label') || getComputedStyle(td, '::before').content === 'none',
        ).length,
      })),
    );
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables)
      expect(table).toMatchObject({ display: 'block', head: 'none', unlabelled: 0 });

    // The LSTM's six lines are scaled to the column, not cut: the whole equation is in view.
    const equations = await page.$$eval('#cells .math', (regions) =>
      regions.map((region) => {
        const content = region.querySelector('.katex-html')?.getBoundingClientRect();
        const box = region.getBoundingClientRect();
        return {
          scale: getComputedStyle(region).getPropertyValue('--math-scale') || '1',
          inside: !!content && content.left >= box.left - 0.5 && content.right <= box.right + 0.5,
        };
      }),
    );
    expect(equations).toHaveLength(3);
    for (const equation of equations) expect(equation.inside).toBe(true);
    expect(equations.some((e) => Number(e.scale) < 1)).toBe(true);

    for (const chart of await chartWidths(page)) {
      expect(chart.drawn, chart.id).toBeLessThanOrEqual(chart.container);
      expect(chart.shown, chart.id).toBeLessThanOrEqual(chart.container + 0.5);
    }
    await page.screenshot({
      path: fileURLToPath(new URL('site-390.png', ARTIFACTS)),
      fullPage: true,
    });
    expect(
      errors.filter((e) => /Content Security Policy|TypeError|ReferenceError/.test(e)),
    ).toEqual([]);
  });

  it('at 1280 px nothing leaves the viewport and every table keeps its columns', async () => {
    const { page } = await browser.page({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await settled(page);
    const report = await overflowingElements(page);
    expect(report.outside).toEqual([]);
    expect(report.scrolling).toEqual([]);
    const displays = await page.$$eval('.table-wrap > table', (tables) =>
      tables.map((t) => getComputedStyle(t).display),
    );
    expect(new Set(displays)).toEqual(new Set(['table']));
    await page.screenshot({
      path: fileURLToPath(new URL('site-1280.png', ARTIFACTS)),
      fullPage: true,
    });
  });

  it('fits the widths between, redrawing the charts as the window is resized', async () => {
    const { page } = await browser.page({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await settled(page);
    const wide = await chartWidths(page);
    for (const width of [320, 600, 768, 900, 1024, 1100]) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      const report = await overflowingElements(page);
      expect(report.outside, `${width} px`).toEqual([]);
      expect(report.scrolling, `${width} px`).toEqual([]);
    }
    const narrow = await chartWidths(page);
    for (const [i, chart] of narrow.entries()) {
      expect(chart.drawn, chart.id).toBeLessThan(wide[i]?.drawn ?? 0);
      expect(chart.drawn, chart.id).toBeLessThanOrEqual(chart.container);
    }
  });

  it('without JavaScript, only an equation region may scroll, and it takes the keyboard', async () => {
    const noJs = await launchChromium({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.page({ width: 390, height: 844 });
      await page.goto(`${baseUrl}/`);
      const report = await overflowingElements(page, '.math');
      expect(report.outside).toEqual([]);
      for (const region of report.scrolling) expect(region).toContain('div.math');
      expect(report.scrollWidth).toBe(390);
    } finally {
      await noJs.close();
    }
  });
});
