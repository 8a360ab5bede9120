import { describe, expect, it } from 'vitest';
import { cellText, rowHtml } from '../testing/htmlCells.js';
import type { IntervalScoreRow, IntervalScoreTable } from './intervalScores.js';
import { formatPercent, intervalRowCells, renderIntervalTable } from './renderIntervalTable.js';

const model: IntervalScoreRow = {
  id: 'lstm-32@relative',
  kind: 'model',
  label: 'LSTM(32)',
  protocol: 'relative',
  role: 'forecaster',
  method: 'rolling conformal',
  methodDetail: 'W = 60, signed scores',
  levels: {
    '80': { coverage: 0.8152, meanWidth: 512.345, intervalScore: 370.01, dmPValue: 0.0412 },
    '95': { coverage: 0.9511, meanWidth: 801, intervalScore: 560.55, dmPValue: 0.00042 },
  },
  pinball: 40.26,
  horizonCoverage: { '80': [0.7609, 0.8424], '95': [0.9185, 0.9783] },
  beatsBaselines: { '80': true, '95': false },
};
const naive: IntervalScoreRow = {
  id: 'naive',
  kind: 'baseline',
  label: 'Naive',
  description: 'next month = this month',
  method: 'empirical quantiles',
  levels: {
    '80': { coverage: 0.85, meanWidth: 600, intervalScore: 373.2, dmPValue: null },
    '95': { coverage: 0.96, meanWidth: 900, intervalScore: 590, dmPValue: null },
  },
  pinball: 42,
  horizonCoverage: { '80': [0.8, 0.9], '95': [0.95, 0.99] },
};
const table: IntervalScoreTable = {
  rows: [model, naive],
  bestBaseline: { '80': 'Naive', '95': 'Drift' },
  testCount: 184,
  firstTarget: '2011-02-01',
  lastTarget: '2026-05-01',
  reportLevels: [50, 60, 70, 80, 90, 95, 99],
  maxHorizon: 12,
};

describe('formatPercent', () => {
  it('writes a share as a percentage with one decimal', () => {
    expect(formatPercent(0.8152)).toBe('81.5%');
    expect(formatPercent(1)).toBe('100.0%');
  });
});

describe('intervalRowCells', () => {
  it('formats a row as the table shows it', () => {
    expect(intervalRowCells(model)).toEqual({
      method: 'rolling conformal',
      levels: {
        '80': {
          coverage: '81.5%',
          meanWidth: '512.3',
          intervalScore: '370.0',
          dmPValue: '0.041',
        },
        '95': {
          coverage: '95.1%',
          meanWidth: '801.0',
          intervalScore: '560.6',
          dmPValue: '< 0.001',
        },
      },
      pinball: '40.3',
      horizonRange: '76–84% / 92–98%',
    });
    expect(intervalRowCells(naive).levels['80'].dmPValue).toBe('—');
  });
});

describe('renderIntervalTable', () => {
  const html = renderIntervalTable(table);

  it('has a row per model and per baseline, each level’s four figures and the method', () => {
    const row = rowHtml(html, 'data-model', model.id) ?? '';
    expect(cellText(row, 'data-metric', 'method')).toBe('rolling conformalW = 60, signed scores');
    expect(row).toContain('data-level="95" data-metric="coverage">95.1%<');
    expect(row).toContain('data-level="80" data-metric="intervalScore">370.0<');
    expect(cellText(row, 'data-metric', 'horizonRange')).toBe('76–84% / 92–98%');
    const base = rowHtml(html, 'data-baseline', 'naive') ?? '';
    expect(base).toContain('next month = this month');
    expect(base).toContain('data-level="80" data-metric="intervalScore">373.2<');
  });

  it('marks the interval scores that beat every baseline, and only those', () => {
    expect(html.match(/class="num beats"/g)).toHaveLength(1);
    expect(html).toContain('class="num beats" data-level="80" data-metric="intervalScore"');
  });

  it('states the test months, the DM reference and the levels in its caption', () => {
    expect(html).toMatch(
      /<caption id="interval-caption">.*184 test months \(2011-02 to 2026-05\)/s,
    );
    expect(html).toContain('80%: Naive, 95%: Drift');
    expect(html).toContain('(50, 60, 70, 80, 90, 95, 99%)');
    expect(html.match(/<th scope="col">/g)).toHaveLength(2 + 8 + 2);
  });
});
