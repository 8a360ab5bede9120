import { describe, expect, it } from 'vitest';
import { fixtureBacktest } from '../testing/fixtureBacktest.js';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { cellText, rowHtml } from '../testing/htmlCells.js';
import { renderTrackRecord, trackRecordFindings } from './renderTrackRecord.js';
import { trackRecord } from './trackRecord.js';

const { manifest } = fixtureRegistry();
const record = trackRecord(fixtureBacktest(), manifest);
const html = renderTrackRecord({ available: true, record });

/** The part of `html` from the element with `id` to the end of its table. */
function table(id: string): string {
  const start = html.indexOf(`<table id="${id}"`);
  return html.slice(start, html.indexOf('</table>', start));
}

describe('renderTrackRecord', () => {
  it('without a backtest, says why and renders nothing else', () => {
    expect(renderTrackRecord({ available: false, reason: 'the registry has no <backtest>' })).toBe(
      '<p class="note" id="track-record-missing">No track record in this build: the registry has no &lt;backtest&gt;.</p>',
    );
  });

  it('pools each model’s one-month figures beside the baselines’', () => {
    const pooled = table('backtest-pooled-table');
    const gru = rowHtml(pooled, 'data-model', 'gru-32@relative') ?? '';
    const cell = (row: string, metric: string) => cellText(row, 'data-metric', metric);
    expect(
      ['rmse', 'mae', 'coverage80', 'intervalScore80', 'coverage95', 'intervalScore95'].map((m) =>
        cell(gru, m),
      ),
    ).toEqual(['135.0', '105.0', '80.0%', '435.0', '95.0%', '635.0']);
    expect(
      ['dmNaive', 'dmAr1', 'winsNaive', 'winsAr1', 'meanRank'].map((m) => cell(gru, m)),
    ).toEqual(['0.020', '0.300', '2 / 3', '1 / 3', '1.67']);
    const naive = rowHtml(pooled, 'data-baseline', 'naive') ?? '';
    expect(['rmse', 'dmNaive', 'winsNaive', 'meanRank'].map((m) => cell(naive, m))).toEqual([
      '150.0',
      '—',
      '—',
      '—',
    ]);
    expect(pooled.match(/<tr data-(model|baseline)=/g)).toHaveLength(7);
  });

  it('shows each origin’s one-month RMSE and 80% score with the model’s rank, those below both baselines marked', () => {
    const rmse = table('backtest-origin-rmse');
    expect(rmse).toContain('12 forecast months each (2026: 5)');
    const row2024 = rowHtml(rmse, 'data-origin', '2024-01-01') ?? '';
    expect(row2024).toContain('<th scope="row">2024</th>');
    expect(cellText(row2024, 'data-model', 'lstm-32@relative')).toBe('110.0 #1');
    // 2024: naive 125, AR(1) 115 — only LSTM(32) (110) is below both.
    expect(row2024.match(/class="num beats"[^>]*data-model="([^"]+)"/g)).toEqual([
      'class="num beats" data-label="LSTM(32)" data-model="lstm-32@relative"',
    ]);
    expect(cellText(row2024, 'data-baseline', 'ar1')).toBe('115.0');
    // 2025: naive 97, AR(1) 92 — GRU(32) (90) only.
    const row2025 = rowHtml(rmse, 'data-origin', '2025-01-01') ?? '';
    expect(row2025.match(/class="num beats"/g)).toHaveLength(1);
    expect(row2025).toMatch(/class="num beats"[^>]*data-model="gru-32@relative"/);
    // Models, then naive and AR(1): drift and naiveEwma are in the pooled table only.
    expect(row2024.match(/<td /g)).toHaveLength(5);
    const score = table('backtest-origin-score');
    const row2024score = rowHtml(score, 'data-origin', '2024-01-01') ?? '';
    expect(cellText(row2024score, 'data-model', 'gru-32@relative')).toBe('420.0 #1.5');
  });

  it('offers every model in the chart’s picker, the first selected', () => {
    expect(html).toContain(
      '<option value="simplernn-32@relative" selected>SimpleRNN(32)</option>\n<option value="gru-32@relative">GRU(32)</option>',
    );
    expect(html).toContain('<div id="track-record-chart" class="chart"></div>');
  });
});

describe('trackRecordFindings', () => {
  it('answers with the record’s numbers: pooled, origin by origin, Friedman, the lesson', () => {
    expect(trackRecordFindings(record)).toEqual([
      'Pooled over every origin, the lowest one-month RMSE is LSTM(32)’s, 130.0 points, against naive’s 150.0 and AR(1)’s 148.0; 3 of 3 models have an RMSE below naive’s with a Diebold–Mariano p under 0.05, 0 below AR(1)’s.',
      'Origin by origin, the model that beats naive’s RMSE most often (SimpleRNN(32)) does so at 3 of 3 origins; the one that beats AR(1)’s most often (LSTM(32)) at 2 of 3.',
      'Ranked at every origin by one-month RMSE: Friedman χ² = 2.67 (df 2), p = 0.260, Kendall’s W = 0.44: no ordering of the models holds across origins beyond chance. By interval score: Friedman χ² = 2.67 (df 2), p = 0.030, Kendall’s W = 0.44: the origins agree on an ordering more than chance would.',
      'The lesson’s ordering (SimpleRNN(32) worst, LSTM(32) best, GRU(32) between) holds at 2 of 3 origins by RMSE and at 1 of 3 by interval score (a random ordering of three would hold at 1 in 6); Friedman’s test of the three: p = 0.260 by RMSE, — by interval score.',
    ]);
  });

  it('says when the lesson’s ordering cannot be tested', () => {
    expect(trackRecordFindings({ ...record, lesson: null }).at(-1)).toBe(
      'The lesson’s ordering cannot be tested: the backtest lacks one of its three cells.',
    );
  });
});
