import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { cellText, rowHtml } from '../testing/htmlCells.js';
import { registryStamp, renderHeadline } from './renderHeadline.js';

describe('renderHeadline', () => {
  const { manifest } = fixtureRegistry();
  const html = renderHeadline(manifest, 7412.55);

  it('leads with the default model’s forecast for the target month and its intervals', () => {
    expect(html).toContain('June 2026: the forecast');
    const headline = html.slice(html.indexOf('class="headline"'), html.indexOf('</dl>'));
    expect(cellText(headline, 'data-field', 'forecast')).toBe('7,500.0');
    expect(cellText(headline, 'data-field', '80')).toBe('7,200.0 – 7,800.0');
    expect(cellText(headline, 'data-field', '95')).toBe('7,000.0 – 8,100.0');
    expect(html).toContain('last level <span class="num">7,412.6</span>');
  });

  it('lists every model and both baselines, the default marked', () => {
    for (const model of manifest.models) {
      expect(rowHtml(html, 'data-model', model.id)).toContain('data-field="forecast"');
    }
    expect(rowHtml(html, 'data-model', 'lstm-32@relative" class="is-default')).toBeTruthy();
    const naive = rowHtml(html, 'data-baseline', 'naive') ?? '';
    expect(cellText(naive, 'data-field', 'forecast')).toBe('7,412.6');
  });

  it('writes an unbounded interval as infinite rather than a number', () => {
    const row = rowHtml(html, 'data-model', 'gru-32@reference') ?? '';
    expect(cellText(row, 'data-field', '95')).toBe('\u2212∞ – ∞');
  });

  it('names its source', () => {
    expect(html).toContain('data-source="registry"');
    expect(registryStamp(manifest.createdAt)).toBe('2026-11-24 08:13 UTC');
  });

  it('refuses a manifest whose default model is missing', () => {
    expect(() => renderHeadline({ ...manifest, defaultModel: 'x' }, 1)).toThrow(RangeError);
  });
});
