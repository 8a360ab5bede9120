/**
 * The charts draw what the registry holds: one interval band pair and two lines for the picked
 * model, one dot per model and seed, and flat against tracking lines for the lesson's cells.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FLAT_CHART_MARKS } from '../../src/client/charts/flatPredictionsChart.js';
import { SEED_DOTS_MARK } from '../../src/client/charts/seedRmseChart.js';
import { TEST_CHART_MARKS } from '../../src/client/charts/testPeriodChart.js';
import { LESSON_FIGURES } from '../../src/lessonFigures.js';
import { architectureLabel } from '../../src/shared/modelLabel.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { manifest } from './registry.js';

const baseUrl = inject('baseUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Number of `selector` elements inside the marks described as `description` under `root`. */
const countIn = (root: string, description: string, selector: string) =>
  `[...document.querySelectorAll('${root} g[aria-description="${description}"] ${selector}')].length`;

describe('charts', () => {
  it('draws the picked model’s predictions and intervals against the actual test months', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#test-chart svg');
    for (const mark of Object.values(TEST_CHART_MARKS)) {
      expect(await page.evaluate(countIn('#test-chart', mark, 'path'))).toBe(1);
    }
    const other = manifest.models.find((m) => m.id !== manifest.defaultModel);
    if (!other) throw new Error('registry has one model');
    await page.selectOption('#chart-model', other.id);
    await page.waitForFunction(
      (label) =>
        document
          .querySelector('#test-chart svg[aria-label]')
          ?.getAttribute('aria-label')
          ?.includes(label),
      architectureLabel(other.spec),
    );
    expect(await page.textContent('#test-chart-note')).toContain(`${other.protocol} protocol`);
    expect(errors).toEqual([
      ...errors.filter((e) => /v1\/compare|Failed to load resource/.test(e)),
    ]);
  });

  it('draws one dot per model and seed', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#seed-chart-reference svg');
    const seeds = manifest.training.seeds.length;
    for (const protocol of ['relative', 'reference'] as const) {
      const models = manifest.models.filter((m) => m.protocol === protocol).length;
      expect(
        await page.evaluate(countIn(`#seed-chart-${protocol}`, SEED_DOTS_MARK, 'circle')),
      ).toBe(models * seeds);
    }
    const total = await page.evaluate(
      `document.querySelectorAll('[id^="seed-chart-"] g[aria-description="${SEED_DOTS_MARK}"] circle').length`,
    );
    expect(total).toBe(manifest.models.length * seeds);
  });

  it('sets the lesson’s cells on raw levels against the same cells on log ratios', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#flat-chart svg');
    expect(await page.evaluate(countIn('#flat-chart', FLAT_CHART_MARKS.predictions, 'path'))).toBe(
      2 * LESSON_FIGURES.length,
    );
    expect(await page.evaluate(countIn('#flat-chart', FLAT_CHART_MARKS.actual, 'path'))).toBe(2);
  });
});
