/**
 * Issue 10's figures in Chromium, read back from what is drawn: the fan of the next 12 months
 * (nested bands, 12 target months; from the API when it answers, else the registry's), the
 * calibration chart (a point per report level per series), the interval-score table against
 * `intervals.json`, and the test-period chart drawing the served method's bands.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fanData } from '../../src/build/fanData.js';
import { intervalScoreTable } from '../../src/build/intervalScores.js';
import { CALIBRATION_CHART_MARKS } from '../../src/client/charts/calibrationChart.js';
import { FAN_CHART_MARKS } from '../../src/client/charts/fanChart.js';
import { TEST_CHART_MARKS } from '../../src/client/charts/testPeriodChart.js';
import { FAN_LEVELS, parseForecastPath } from '../../src/client/livePath.js';
import { parseFormatted } from '../../src/shared/format.js';
import { areaEdges, dotPositions, pathVertices, unitsPerPixel } from './chartGeometry.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { intervals, manifest } from './registry.js';

const baseUrl = inject('baseUrl');
const apiAvailable = inject('apiAvailable');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const fan = fanData(manifest);
/** Half the last printed digit (one decimal), and a little for binary floating point. */
const ROUNDING = 0.05 + 1e-9;
const month = (date: string) => date.slice(0, 7);

/** Asserts each band lies inside the next wider one at every month, to a pixel. */
function expectNested(
  bands: { level: number; upper: { y: number }[]; lower: { y: number }[] }[],
  pixel: number,
) {
  const byLevel = [...bands].sort((a, b) => a.level - b.level);
  for (let i = 0; i + 1 < byLevel.length; i++) {
    const inner = byLevel[i];
    const outer = byLevel[i + 1];
    if (!inner || !outer) continue;
    for (const [m, p] of inner.upper.entries()) {
      expect(p.y).toBeLessThanOrEqual((outer.upper[m]?.y ?? 0) + pixel);
    }
    for (const [m, p] of inner.lower.entries()) {
      expect(p.y).toBeGreaterThanOrEqual((outer.lower[m]?.y ?? 0) - pixel);
    }
  }
}

describe('the fan chart', () => {
  it('draws the registry’s path, nested bands over 12 target months, when the API is away', async () => {
    const { page } = await browser.page();
    await page.route('**/v1/**', (route) => route.abort());
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#fan-source[data-source="registry"]:has-text("not available")');
    const pixel = await unitsPerPixel(page, '#fan-chart');
    const targets = await dotPositions(page, '#fan-chart', FAN_CHART_MARKS.targets);
    expect(targets.map((t) => t.month)).toEqual(fan.path.map((m) => month(m.target)));
    expect(targets).toHaveLength(12);
    const levels = fan.path[0]?.bands.map((b) => b.level) ?? [];
    const bands = [];
    for (const level of levels) {
      const paths = await pathVertices(page, '#fan-chart', FAN_CHART_MARKS.band(level));
      expect(paths).toHaveLength(1);
      const { upper, lower } = areaEdges(paths[0] ?? []);
      // The origin (the last month of data, zero width), then the 12 target months.
      expect(upper.map((p) => p.month)).toEqual([month(fan.asOf), ...targets.map((t) => t.month)]);
      fan.path.forEach((m, i) => {
        const band = m.bands.find((b) => b.level === level);
        expect(Math.abs((upper[i + 1]?.y ?? 0) - (band?.upper ?? Number.NaN))).toBeLessThan(pixel);
        expect(Math.abs((lower[i + 1]?.y ?? 0) - (band?.lower ?? Number.NaN))).toBeLessThan(pixel);
      });
      bands.push({ level, upper: upper.slice(1), lower: lower.slice(1) });
    }
    expect(bands.length).toBeGreaterThanOrEqual(2);
    expectNested(bands, pixel);
    const last = fan.path.at(-1);
    const shown = await page.textContent(
      '#path-table tr[data-horizon="12"] [data-field="forecast"]',
    );
    expect(Math.abs(parseFormatted(shown ?? '') - (last?.value ?? 0))).toBeLessThanOrEqual(
      ROUNDING,
    );
  });

  it.skipIf(!apiAvailable)(
    'refreshes from GET /v1/forecast: 50/80/95 bands, nested, the API’s figures',
    async () => {
      const query = new URLSearchParams({ model: fan.model, horizon: '12' });
      for (const level of FAN_LEVELS) query.append('level', String(level));
      const response = await fetch(`${baseUrl}/v1/forecast?${query}`);
      expect(response.status).toBe(200);
      const live = parseForecastPath(await response.json(), FAN_LEVELS, 12);

      const { page, errors } = await browser.page();
      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('#fan-source[data-source="api"]');
      await page.waitForSelector('#fan-chart[data-source="api"] svg');
      const pixel = await unitsPerPixel(page, '#fan-chart');
      const targets = await dotPositions(page, '#fan-chart', FAN_CHART_MARKS.targets);
      expect(targets.map((t) => t.month)).toEqual(live.path.map((m) => month(m.target)));
      live.path.forEach((m, i) => {
        expect(Math.abs((targets[i]?.y ?? 0) - m.value)).toBeLessThan(pixel);
      });
      const bands = [];
      for (const level of FAN_LEVELS) {
        const paths = await pathVertices(page, '#fan-chart', FAN_CHART_MARKS.band(level));
        expect(paths).toHaveLength(1);
        const { upper, lower } = areaEdges(paths[0] ?? []);
        expect(upper).toHaveLength(13);
        live.path.forEach((m, i) => {
          const band = m.bands.find((b) => b.level === level);
          expect(Math.abs((upper[i + 1]?.y ?? 0) - (band?.upper ?? Number.NaN))).toBeLessThan(
            pixel,
          );
          expect(Math.abs((lower[i + 1]?.y ?? 0) - (band?.lower ?? Number.NaN))).toBeLessThan(
            pixel,
          );
        });
        bands.push({ level, upper: upper.slice(1), lower: lower.slice(1) });
      }
      expectNested(bands, pixel);
      // The table shows the same figures, to its precision.
      for (const m of live.path) {
        const row = `#path-table tr[data-horizon="${m.horizon}"]`;
        const shown = parseFormatted(
          (await page.textContent(`${row} [data-field="forecast"]`)) ?? '',
        );
        expect(Math.abs(shown - m.value)).toBeLessThanOrEqual(ROUNDING);
        for (const band of m.bands) {
          const cell = await page.$(`${row} [data-field="${band.level}"]`);
          if (!cell) continue;
          const [lo, hi] = ((await cell.textContent()) ?? '').split(' – ').map(parseFormatted);
          expect(Math.abs((lo ?? 0) - band.lower)).toBeLessThanOrEqual(ROUNDING);
          expect(Math.abs((hi ?? 0) - band.upper)).toBeLessThanOrEqual(ROUNDING);
        }
      }
      expect(errors.filter((e) => /TypeError|ReferenceError|Content Security/.test(e))).toEqual([]);
    },
  );
});

describe('the calibration chart', () => {
  it('has a point per report level per series in both panels, for either protocol', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    for (const protocol of ['relative', 'reference'] as const) {
      await page.selectOption('#calibration-protocol', protocol);
      await page.waitForSelector(`#calibration-chart[data-protocol="${protocol}"] svg`);
      const titles = await page.$$eval(
        `#calibration-chart g[aria-description="${CALIBRATION_CHART_MARKS.points}"] circle title`,
        (nodes) => nodes.map((n) => n.textContent ?? ''),
      );
      const models = manifest.models.filter((m) => m.protocol === protocol).map((m) => m.id);
      const series =
        intervals.models.filter((m) => models.includes(m.id)).length + intervals.baselines.length;
      expect(titles).toHaveLength(series * intervals.levels.length * 2);
      for (const level of intervals.levels) {
        const atLevel = titles.filter((t) => t.includes(`: ${level}% nominal,`));
        expect(atLevel).toHaveLength(series * 2);
      }
    }
  });
});

describe('the interval-score table, JavaScript off', () => {
  it('shows intervals.json’s horizon-1 test scores for every model and baseline', async () => {
    const noJs = await launchChromium({ javaScriptEnabled: false });
    try {
      const { page } = await noJs.page();
      await page.goto(`${baseUrl}/`);
      const rows = await page.$$eval('#interval-table tbody tr:not(.group)', (trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-model') ?? tr.getAttribute('data-baseline') ?? '',
          cells: [...tr.querySelectorAll('td[data-metric]')].map((td) => ({
            level: td.getAttribute('data-level'),
            metric: td.getAttribute('data-metric') ?? '',
            text: td.textContent ?? '',
          })),
        })),
      );
      const ids = [...intervals.models.map((m) => m.id), ...intervals.baselines.map((b) => b.id)];
      expect([...rows.map((r) => r.id)].sort()).toEqual([...ids].sort());
      const table = intervalScoreTable(manifest, intervals);
      for (const row of rows) {
        const entry = intervals.models.find((m) => m.id === row.id);
        const scores = entry
          ? entry.methods.find((m) => m.served)?.table.test[0]
          : intervals.baselines.find((b) => b.id === row.id)?.table.test[0];
        if (!scores) throw new Error(`no scores for ${row.id}`);
        expect(scores.horizon).toBe(1);
        const cell = (metric: string, level?: string) =>
          row.cells.find((c) => c.metric === metric && (level === undefined || c.level === level))
            ?.text ?? '';
        for (const level of ['80', '95'] as const) {
          const s = scores.levels[level];
          if (!s) throw new Error(`no ${level}% scores for ${row.id}`);
          expect(
            Math.abs(parseFormatted(cell('coverage', level).replace('%', '')) - s.coverage * 100),
          ).toBeLessThanOrEqual(ROUNDING);
          expect(
            Math.abs(parseFormatted(cell('meanWidth', level)) - s.meanWidth),
          ).toBeLessThanOrEqual(ROUNDING);
          expect(
            Math.abs(parseFormatted(cell('intervalScore', level)) - s.intervalScore),
          ).toBeLessThanOrEqual(ROUNDING);
          const dm = entry?.dmVsBestBaseline[level];
          const p = cell('dmPValue', level);
          if (!dm) expect(p).toBe('—');
          else if (dm.pValue < 0.001) expect(p).toBe('< 0.001');
          else expect(Math.abs(parseFormatted(p) - dm.pValue)).toBeLessThanOrEqual(0.0005);
        }
        expect(Math.abs(parseFormatted(cell('pinball')) - scores.pinball)).toBeLessThanOrEqual(
          0.05,
        );
        if (entry)
          expect(cell('method')).toContain(table.rows.find((r) => r.id === row.id)?.method ?? '?');
      }
    } finally {
      await noJs.close();
    }
  });
});

describe('the test-period chart', () => {
  it('draws the picked model’s served-method bands from intervals.json', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    for (const id of [
      manifest.defaultModel,
      manifest.models.find((m) => m.protocol === 'reference')?.id ?? '',
    ]) {
      await page.selectOption('#chart-model', id);
      await page.waitForSelector(`#test-chart[data-model="${id}"] svg`);
      const served = intervals.models.find((m) => m.id === id);
      if (!served) throw new Error(`no intervals for ${id}`);
      const pixel = await unitsPerPixel(page, '#test-chart');
      for (const [level, mark] of [
        ['80', TEST_CHART_MARKS.band80],
        ['95', TEST_CHART_MARKS.band95],
      ] as const) {
        const [vertices = []] = await pathVertices(page, '#test-chart', mark);
        const { upper, lower } = areaEdges(vertices);
        const bands = served.testBands[level];
        expect(upper.map((p) => p.month)).toEqual(intervals.testDates.map(month));
        bands.forEach(([lo, hi], i) => {
          expect(Math.abs((upper[i]?.y ?? 0) - hi)).toBeLessThan(pixel);
          expect(Math.abs((lower[i]?.y ?? 0) - lo)).toBeLessThan(pixel);
        });
      }
      expect(await page.textContent('#test-chart-note')).toMatch(/conformal|scale/);
    }
  });
});
