import { describe, expect, it } from 'vitest';
import { LESSON_FIGURES } from '../lessonFigures.js';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import type { LevelRanges } from './levelRanges.js';
import {
  renderReproductionTable,
  renderWhyNotReproduced,
  reproductionRows,
} from './renderReproduction.js';

const { manifest, results } = fixtureRegistry();

describe('reproductionRows', () => {
  it('sets each quoted figure beside the same cell’s reference and relative results', () => {
    const rows = reproductionRows(manifest);
    expect(rows.map((r) => r.cellLabel)).toEqual(['SimpleRNN', 'GRU', 'LSTM']);
    expect(rows[0]).toEqual({
      cellLabel: 'SimpleRNN',
      lessonRmse: '917.1',
      referenceRmse: '3,350.3 ± 1.3',
      relativeRmse: '119.9 ± 1.3',
      lessonMae: '578.0',
      referenceMae: '2,010.2 ± 0.5',
      relativeMae: '72.0 ± 0.5',
    });
  });

  it('refuses a manifest without the lesson’s configs', () => {
    const partial = { ...manifest, models: manifest.models.slice(1) };
    expect(() => reproductionRows(partial)).toThrow(/simplernn-32@reference/);
  });
});

describe('renderReproductionTable', () => {
  it('cites where the lesson’s figures come from', () => {
    const html = renderReproductionTable(manifest);
    expect(html).toContain('docs/lesson.md');
    for (const figure of LESSON_FIGURES) expect(html).toContain(`data-cell="${figure.cellLabel}"`);
  });
});

describe('renderWhyNotReproduced', () => {
  const ranges: LevelRanges = {
    training: { first: '1950-01-01', last: '2011-01-01', max: 1539.66, maxMonth: '2007-10-01' },
    fitted: { last: '2002-01-01', max: 1485.46 },
    test: { first: '2011-02-01', last: '2026-05-01', min: 1173.88, max: 7412.55 },
  };
  const html = renderWhyNotReproduced(manifest, results, ranges);

  it('states the training ceiling and the test range from the data', () => {
    expect(html).toContain('<span class="num">1,539.7</span> points (October 2007)');
    expect(html).toContain(
      'from <span class="num">1,173.9</span> to <span class="num">7,412.6</span>',
    );
    expect(html).toContain('<span class="num">6.3</span> times its low');
  });

  it('shows how flat each reference model’s predictions are', () => {
    // lstm-32@reference predicts 281.9, 281.9, 281.94, 281.9 → one figure at 1 decimal.
    expect(html).toContain('predicts <span class="num">281.9</span> for every test month');
  });

  it('quotes the relative protocol and baseline RMSEs from the registry', () => {
    expect(html).toContain(
      'reach test RMSE <span class="num">119.9</span> to <span class="num">120.7</span>',
    );
    expect(html).toContain('<span class="num">126.0</span> for naive');
  });
});
