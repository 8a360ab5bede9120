/**
 * The full-history chart, read back through its own scales: every month of the series from its
 * first, on a log y scale, and the default model's fan at its end — the registry's path when the
 * API is away — with each band on the path's bounds at the 12 target months.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fanData } from '../../src/build/fanData.js';
import { HISTORY_CHART_MARKS } from '../../src/client/charts/historyChart.js';
import { areaEdges, pathVertices } from './chartGeometry.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { manifest, series } from './registry.js';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const fan = fanData(manifest);
const month = (date: string) => date.slice(0, 7);

/** The y scale's type and the factor one pixel spans on it (a log scale's pixel is a ratio). */
async function yScale(page: Page): Promise<{ type: string; pixelRatio: number }> {
  return page.evaluate(() => {
    type Scale = { type: string; invert(value: number): number };
    const chart = document.querySelector('#history-chart')?.firstElementChild as
      | (Element & { scale(name: string): Scale })
      | null;
    if (!chart) throw new Error('no history chart');
    const y = chart.scale('y');
    return { type: y.type, pixelRatio: Math.abs(Math.log(y.invert(100) / y.invert(101))) };
  });
}

describe('the full-history chart', () => {
  it('draws every month of the series on a log scale, with the registry’s fan at its end', async () => {
    const { page } = await browser.page({ width: 1280, height: 900 });
    await page.route('**/v1/**', (route) => route.abort());
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#fan-source[data-source="registry"]:has-text("not available")');
    await page.waitForSelector('#history-chart svg');
    const { type, pixelRatio } = await yScale(page);
    expect(type).toBe('log');
    // Half a pixel either way, as a log ratio.
    const near = (drawn: number, value: number) =>
      expect(Math.abs(Math.log(drawn / value))).toBeLessThan(pixelRatio / 2 + 1e-9);

    const [history = []] = await pathVertices(page, '#history-chart', HISTORY_CHART_MARKS.history);
    expect(history.map((p) => p.month)).toEqual(series.dates.map(month));
    expect(history[0]?.month).toBe('1950-01');
    history.forEach((p, i) => {
      near(p.y, series.values[i] as number);
    });

    const [forecast = []] = await pathVertices(
      page,
      '#history-chart',
      HISTORY_CHART_MARKS.forecast,
    );
    expect(forecast.map((p) => p.month)).toEqual([
      month(fan.asOf),
      ...fan.path.map((m) => month(m.target)),
    ]);
    fan.path.forEach((m, i) => {
      near(forecast[i + 1]?.y ?? Number.NaN, m.value);
    });
    for (const level of fan.path[0]?.bands.map((b) => b.level) ?? []) {
      const [vertices = []] = await pathVertices(
        page,
        '#history-chart',
        HISTORY_CHART_MARKS.band(level),
      );
      const { upper, lower } = areaEdges(vertices);
      expect(upper).toHaveLength(fan.path.length + 1);
      fan.path.forEach((m, i) => {
        const band = m.bands.find((b) => b.level === level);
        near(upper[i + 1]?.y ?? Number.NaN, band?.upper ?? Number.NaN);
        near(lower[i + 1]?.y ?? Number.NaN, band?.lower ?? Number.NaN);
      });
    }
    expect(await page.getAttribute('#history-chart svg[aria-label]', 'aria-label')).toContain(
      'on a log scale',
    );
  });
});
