/**
 * The track-record section in Chromium, against `backtest.json` read here with core's schema (not
 * through the page's own shaping): the pooled table, each origin's figures and ranks, the
 * findings' counts, the per-origin chart read back through its scales for two models and both
 * figures, and the rank grid. Without a backtest in the registry, the section is a note.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKTEST_FILE, type Backtest, parseBacktest } from '@gatecast/core/registry';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TRACK_RECORD_MARKS } from '../../src/client/charts/trackRecordChart.js';
import { formatPoints, formatPValue } from '../../src/shared/format.js';
import { REGISTRY_DIR } from '../../src/testing/paths.js';
import { pathVertices, unitsPerPixel } from './chartGeometry.js';
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

const path = join(REGISTRY_DIR, BACKTEST_FILE);
const backtest: Backtest | null = existsSync(path)
  ? parseBacktest(JSON.parse(readFileSync(path, 'utf8')))
  : null;
const usable = backtest !== null && backtest.data.sha256 === manifest.data.sha256;

const points = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : formatPoints(value);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
const rankText = (rank: number) => `#${Number.isInteger(rank) ? rank : rank.toFixed(1)}`;

describe.runIf(!usable)('without a usable backtest.json', () => {
  it('the section says why and shows no figures', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const note = await page.textContent('#track-record-missing');
    expect(note).toMatch(/^No track record in this build: .*backtest/);
    expect(await page.$$('#track-record table')).toHaveLength(0);
    expect(errors).toEqual([]);
  });
});

describe.runIf(usable)('the track record', () => {
  // Collected even when skipped: nothing here may read the backtest before a test runs.
  const bt = backtest as Backtest;
  const models = backtest?.summary.forecasters.filter((f) => f.kind === 'model') ?? [];

  it('pools every model and baseline as backtest.json does, one month ahead', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const rows = await page.$$eval('#backtest-pooled-table tbody tr:not(.group)', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-model') ?? tr.getAttribute('data-baseline'),
        cells: Object.fromEntries(
          [...tr.querySelectorAll('td')].map((td) => [td.dataset.metric, td.textContent]),
        ),
      })),
    );
    const n = bt.origins.length;
    expect(rows.map((r) => r.id)).toEqual([
      ...models.map((m) => m.id),
      ...bt.summary.forecasters.filter((f) => f.kind === 'baseline').map((f) => f.id),
    ]);
    for (const row of rows) {
      const f = bt.summary.forecasters.find((x) => x.id === row.id);
      const m = f?.metrics;
      const wins = bt.summary.wins.find((w) => w.id === row.id);
      const p = (x: number | null | undefined) =>
        x === null || x === undefined ? '—' : formatPValue(x);
      expect(row.cells, String(row.id)).toMatchObject({
        rmse: points(m?.rmse[0]),
        mae: points(m?.mae[0]),
        coverage80: percent(m?.coverage['80'][0]),
        intervalScore80: points(m?.intervalScore['80'][0]),
        coverage95: percent(m?.coverage['95'][0]),
        intervalScore95: points(m?.intervalScore['95'][0]),
        dmNaive: p(f?.dm.naive?.squaredError.pValue[0]),
        dmAr1: p(f?.dm.ar1?.squaredError.pValue[0]),
        winsNaive: wins ? `${wins.rmse.naive} / ${n}` : '—',
        winsAr1: wins ? `${wins.rmse.ar1} / ${n}` : '—',
      });
    }
    expect(errors).toEqual([]);
  });

  it('shows each origin’s RMSE and 80% score with the models’ ranks, beside naive and AR(1)', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const tables = [
      { id: '#backtest-origin-rmse', metric: 'rmse', ranking: bt.summary.ranking.rmse },
      {
        id: '#backtest-origin-score',
        metric: 'intervalScore80',
        ranking: bt.summary.ranking.intervalScore,
      },
    ] as const;
    for (const table of tables) {
      const rows = await page.$$eval(`${table.id} tbody tr`, (trs) =>
        trs.map((tr) => ({
          origin: tr.getAttribute('data-origin'),
          cells: [...tr.querySelectorAll('td')].map((td) => ({
            id: td.getAttribute('data-model') ?? td.getAttribute('data-baseline'),
            text: td.textContent,
          })),
        })),
      );
      expect(rows.map((r) => r.origin)).toEqual(bt.design.origins);
      bt.origins.forEach((block, o) => {
        const row = rows[o];
        const expected = [
          ...models.map((model) => {
            const m = block.models.find((x) => x.id === model.id)?.metrics;
            const value = table.metric === 'rmse' ? m?.rmse[0] : m?.intervalScore['80'][0];
            const rank = table.ranking.ranks[o]?.[bt.summary.ranking.models.indexOf(model.id)];
            return { id: model.id, text: `${points(value)} ${rankText(rank as number)}` };
          }),
          ...['naive', 'ar1'].map((id) => {
            const m = block.baselines.find((x) => x.id === id)?.metrics;
            const value = table.metric === 'rmse' ? m?.rmse[0] : m?.intervalScore['80'][0];
            return { id, text: points(value) };
          }),
        ];
        expect(row?.cells, block.origin).toEqual(expected);
      });
    }
  });

  it('says how often the lesson’s ordering holds and what Friedman’s test gives', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const findings = (await page.textContent('#track-record-findings')) ?? '';
    const n = bt.origins.length;
    const lesson = bt.summary.lessonOrdering;
    if (lesson) {
      expect(findings).toContain(
        `holds at ${lesson.rmse.holds} of ${n} origins by RMSE and at ${lesson.intervalScore.holds} of ${n} by interval score`,
      );
    }
    const friedman = bt.summary.ranking.rmse.friedman;
    if (friedman) {
      expect(findings).toContain(
        `Ranked at every origin by one-month RMSE: Friedman χ² = ${friedman.statistic.toFixed(2)} (df ${friedman.df}), p = ${formatPValue(friedman.pValue)}`,
      );
    }
  });

  it('draws a picked model’s per-origin figure beside naive and AR(1), for either figure', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#track-record-chart svg');
    const picks = [models[0]?.id, models.at(-1)?.id] as string[];
    for (const metric of ['rmse', 'intervalScore80'] as const) {
      await page.selectOption('#track-record-metric', metric);
      for (const id of picks) {
        await page.selectOption('#track-record-model', id);
        await page.waitForSelector(
          `#track-record-chart[data-model="${id}"][data-metric="${metric}"] svg`,
        );
        const pixel = await unitsPerPixel(page, '#track-record-chart');
        const expectLine = async (mark: string, forecaster: string) => {
          const paths = await pathVertices(page, '#track-record-chart', mark);
          expect(paths, `${mark} ${metric}`).toHaveLength(1);
          const expected = bt.origins.map((block) => {
            const m = [...block.models, ...block.baselines].find(
              (f) => f.id === forecaster,
            )?.metrics;
            return metric === 'rmse' ? m?.rmse[0] : m?.intervalScore['80'][0];
          });
          expect(paths[0]?.map((p) => p.month)).toEqual(
            bt.origins.map((b) => b.origin.slice(0, 7)),
          );
          paths[0]?.forEach((p, i) => {
            expect(Math.abs(p.y - (expected[i] as number))).toBeLessThan(pixel);
          });
        };
        await expectLine(TRACK_RECORD_MARKS.picked, id);
        await expectLine(TRACK_RECORD_MARKS.naive, 'naive');
        await expectLine(TRACK_RECORD_MARKS.ar1, 'ar1');
        const others = await pathVertices(page, '#track-record-chart', TRACK_RECORD_MARKS.others);
        expect(others).toHaveLength(models.length - 1);
      }
      const ranks = await page.$$eval(
        `#track-record-ranks[data-metric="${metric}"] g[aria-description="${TRACK_RECORD_MARKS.ranks}"] rect title`,
        (titles) => titles.map((t) => t.textContent),
      );
      const ranking =
        metric === 'rmse' ? bt.summary.ranking.rmse : bt.summary.ranking.intervalScore;
      expect(ranks).toHaveLength(bt.origins.length * models.length);
      // Every origin's ranks as a multiset, then one named cell.
      const suffixes = ranks.map((t) => / origin \d{4}: rank [\d.]+$/.exec(t ?? '')?.[0]).sort();
      const expected = bt.origins
        .flatMap((block, o) =>
          (ranking.ranks[o] ?? []).map((r) => ` origin ${block.origin.slice(0, 4)}: rank ${r}`),
        )
        .sort();
      expect(suffixes).toEqual(expected);
      const last = bt.origins.length - 1;
      const lastModel = bt.summary.ranking.models.length - 1;
      expect(ranks).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `, origin ${bt.origins[last]?.origin.slice(0, 4)}: rank ${ranking.ranks[last]?.[lastModel]}$`,
            ),
          ),
        ]),
      );
    }
    expect(errors).toEqual([]);
  });
});
