import { readFileSync } from 'node:fs';
import { parseMonthlyCsv } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { DATA_FILE } from '../testing/paths.js';
import { levelRanges, predictionRange } from './levelRanges.js';

const split = fixtureRegistry().manifest.split;

describe('levelRanges', () => {
  it('finds the extremes of each span of the split', () => {
    const series = {
      dates: ['2001-12-01', '2002-01-01', '2002-02-01', '2011-01-01', '2026-02-01', '2026-05-01'],
      values: [1100, 1200, 1500, 1300, 6000, 7000],
    };
    expect(levelRanges(series, split)).toEqual({
      training: { first: '2001-12-01', last: '2011-01-01', max: 1500, maxMonth: '2002-02-01' },
      fitted: { last: '2002-01-01', max: 1200 },
      test: { first: '2026-02-01', last: '2026-05-01', min: 6000, max: 7000 },
    });
  });

  it('gives the figures docs/lesson.md quotes for the real series', () => {
    // docs/lesson.md (raw levels): test levels 1,174–7,412, training max ~1,540; data/README: max 7412.55.
    const series = parseMonthlyCsv(readFileSync(DATA_FILE, 'utf8'));
    const ranges = levelRanges(series, {
      ...split,
      test: { count: 184, firstTarget: '2011-02-01', lastTarget: '2026-05-01' },
    });
    expect(Math.round(ranges.training.max)).toBe(1540);
    expect(Math.round(ranges.test.min)).toBe(1174);
    expect(ranges.test.max).toBe(7412.55);
  });

  it('refuses an empty span', () => {
    expect(() => levelRanges({ dates: ['1990-01-01'], values: [1] }, split)).toThrow(RangeError);
  });
});

describe('predictionRange', () => {
  it('spans a model’s test predictions', () => {
    const { results } = fixtureRegistry();
    expect(predictionRange(results, 'lstm-32@reference')).toEqual({ min: 281.9, max: 281.94 });
    expect(() => predictionRange(results, 'x')).toThrow(RangeError);
  });
});
