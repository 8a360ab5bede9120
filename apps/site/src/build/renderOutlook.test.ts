import { describe, expect, it } from 'vitest';
import type { SiteFan } from '../shared/siteData.js';
import { cellText, rowHtml } from '../testing/htmlCells.js';
import { renderOutlookIntro, renderPathTable } from './renderOutlook.js';

const fan: SiteFan = {
  model: 'lstm-32@relative',
  label: 'LSTM(32)',
  method: 'volatility',
  asOf: '2026-05-01',
  historyMonths: 60,
  path: [1, 2].map((horizon) => ({
    horizon,
    target: `2026-0${5 + horizon}-01`,
    value: 7500 + horizon,
    bands: [
      { level: 80, lower: 7200 - horizon, upper: 7800 + horizon },
      { level: 95, lower: 7000 - horizon, upper: 8100 + horizon },
    ],
  })),
};

describe('renderPathTable', () => {
  const html = renderPathTable(fan, '2026-11-24T08:13:05.985Z');

  it('has a row per month with the forecast and each band, marked for the live refresh', () => {
    const row = rowHtml(html, 'data-horizon', '2') ?? '';
    expect(row).toContain('July 2026');
    expect(cellText(row, 'data-field', 'forecast')).toBe('7,502.0');
    expect(cellText(row, 'data-field', '80')).toBe('7,198.0 – 7,802.0');
    expect(cellText(row, 'data-field', '95')).toBe('6,998.0 – 8,102.0');
    expect(html).toContain('<th scope="col">95% band</th>');
    expect(html).toContain('<table id="path-table" data-model="lstm-32@relative">');
  });
  it('says the figures come from the registry until the API answers', () => {
    expect(html).toContain(
      '<p id="fan-source" class="source" data-source="registry" aria-live="polite">Source: model registry of 2026-11-24 08:13 UTC.</p>',
    );
  });
});

describe('renderOutlookIntro', () => {
  it('names the model, the months and the served method', () => {
    const html = renderOutlookIntro(fan);
    expect(html).toContain('forecasts June 2026 to July 2026 from the 12 months to May 2026');
    expect(html).toContain('volatility-scaled conformal');
  });
});
