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
    // 7500·exp(∓0.16) and 7500·exp(∓0.19): the fixture's calibration at h = 1.
    expect(cellText(headline, 'data-field', '80')).toBe('6,391.1 – 8,801.3');
    expect(cellText(headline, 'data-field', '95')).toBe('6,202.2 – 9,069.4');
    expect(html).toContain('last level <span class="num">7,412.6</span>');
  });

  it('lists every forecaster and every baseline with its bands, the default marked', () => {
    for (const model of manifest.models.filter((m) => m.role === 'forecaster')) {
      expect(rowHtml(html, 'data-model', model.id)).toContain('data-field="forecast"');
    }
    expect(rowHtml(html, 'data-model', 'lstm-32@relative" class="is-default')).toBeTruthy();
    const naive = rowHtml(html, 'data-baseline', 'naive') ?? '';
    expect(cellText(naive, 'data-field', 'forecast')).toBe('7,412.6');
    // The fixture's first path month: 80% ±300, 95% −500 / +600 around the forecast.
    expect(cellText(naive, 'data-field', '80')).toBe('7,112.6 – 7,712.6');
    expect(cellText(naive, 'data-field', '95')).toBe('6,912.6 – 8,012.6');
    const ewma = rowHtml(html, 'data-baseline', 'naiveEwma') ?? '';
    expect(ewma).toContain('Naive + EWMA volatility');
    expect(rowHtml(html, 'data-baseline', 'ar1')).toContain('AR(1)');
  });

  it('leaves the lesson’s reproductions out, and says where they are', () => {
    const lesson = manifest.models.filter((m) => m.role === 'lesson-reproduction');
    expect(lesson.length).toBeGreaterThan(0);
    for (const model of lesson) expect(rowHtml(html, 'data-model', model.id)).toBeUndefined();
    expect(html).toContain(`Not listed: the ${lesson.length} models of the`);
    expect(html).toContain('href="#reproduction-title"');
  });

  it('names the default model’s served interval method', () => {
    expect(html).toContain('chosen for it on the validation months, rolling conformal.');
  });

  it('names its source', () => {
    expect(html).toContain('data-source="registry"');
    expect(registryStamp(manifest.createdAt)).toBe('2026-11-24 08:13 UTC');
  });

  it('refuses a manifest whose default model is missing', () => {
    expect(() => renderHeadline({ ...manifest, defaultModel: 'x' }, 1)).toThrow(RangeError);
  });
});
