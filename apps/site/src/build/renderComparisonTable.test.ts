import { describe, expect, it } from 'vitest';
import { parseFormatted } from '../shared/format.js';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { cellText, rowHtml } from '../testing/htmlCells.js';
import { DATA_FILE, HAVE_REGISTRY, REGISTRY_DIR } from '../testing/paths.js';
import { readSiteInputs } from './readRegistry.js';
import { comparisonCells, renderComparisonTable } from './renderComparisonTable.js';

describe('comparisonCells', () => {
  it('formats a model’s figures as the table shows them', () => {
    const model = fixtureRegistry().manifest.models[0];
    if (!model) throw new Error('fixture has no model');
    // simplernn-32@reference: rmse 3350.26 ± 1.25, mae 0.6·3350.26 = 2010.156 ± 0.5,
    // mase 3350.26/20 = 167.513, p 1e-30, 12.34 s, 1,633 parameters.
    expect(comparisonCells(model)).toEqual({
      parameters: '1,633',
      rmse: '3,350.3 ± 1.3',
      mae: '2,010.2 ± 0.5',
      mase: '167.51',
      dmPValue: '< 0.001',
      trainingSeconds: '12.3 s',
    });
  });
});

describe('renderComparisonTable', () => {
  const { manifest } = fixtureRegistry();
  const html = renderComparisonTable(manifest);

  it('has one row per model and per baseline, with row and column headers', () => {
    for (const model of manifest.models) expect(rowHtml(html, 'data-model', model.id)).toBeTruthy();
    expect(rowHtml(html, 'data-baseline', 'naive')).toContain('126.0');
    expect(rowHtml(html, 'data-baseline', 'drift')).toContain('121.2');
    expect(rowHtml(html, 'data-baseline', 'ar1')).toContain('120.0');
    expect(html).toContain('<th scope="col">Test RMSE</th>');
    expect(html.match(/<th scope="row">/g)?.length).toBe(manifest.models.length + 3);
    expect(html).toMatch(/<caption id="comparison-caption">.*mean ± sd over 3 seeds/s);
  });

  it('groups forecasters before the lesson’s reproductions, each of those tagged', () => {
    for (const model of manifest.models) {
      const row = rowHtml(html, 'data-model', model.id) ?? '';
      expect(row.includes('lesson reproduction</span>')).toBe(model.role === 'lesson-reproduction');
    }
    const forecasters = html.indexOf('Forecasters: relative protocol');
    const lesson = html.indexOf('Lesson reproduction: reference protocol');
    expect(forecasters).toBeGreaterThan(0);
    expect(lesson).toBeGreaterThan(forecasters);
  });

  it('puts the served seed’s DM p-value in the model’s row', () => {
    const row = rowHtml(html, 'data-model', 'gru-32@relative') ?? '';
    expect(cellText(row, 'data-metric', 'dmPValue')).toBe('0.235');
  });
});

describe.skipIf(!HAVE_REGISTRY)('renderComparisonTable on the committed registry', () => {
  it('shows every model’s manifest figures, to the precision printed', () => {
    const { manifest } = readSiteInputs({ registryDir: REGISTRY_DIR, dataFile: DATA_FILE });
    const html = renderComparisonTable(manifest);
    for (const model of manifest.models) {
      const row = rowHtml(html, 'data-model', model.id) ?? '';
      const [rmseMean, rmseSd] = (cellText(row, 'data-metric', 'rmse') ?? '').split(' ± ');
      expect(parseFormatted(rmseMean ?? '')).toBeCloseTo(model.summary.rmse.mean, 1);
      expect(parseFormatted(rmseSd ?? '')).toBeCloseTo(model.summary.rmse.sd, 1);
      const [maeMean] = (cellText(row, 'data-metric', 'mae') ?? '').split(' ± ');
      expect(parseFormatted(maeMean ?? '')).toBeCloseTo(model.summary.mae.mean, 1);
      expect(parseFormatted(cellText(row, 'data-metric', 'parameters') ?? '')).toBe(
        model.parameterCount,
      );
      expect(parseFormatted(cellText(row, 'data-metric', 'mase') ?? '')).toBeCloseTo(
        model.summary.mase.mean,
        2,
      );
    }
  });
});
