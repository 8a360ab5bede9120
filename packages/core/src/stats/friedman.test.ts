import { describe, expect, it } from 'vitest';
import { averageRanks } from './averageRanks.js';
import { friedmanTest } from './friedman.js';

// scipy.stats.friedmanchisquare and rankdata, printed by reference/compute_friedman_reference.py.
const errors16x5 = [
  [119.973, 125.185, 122.466, 123.296, 128.475],
  [115.178, 118.492, 114.217, 119.969, 125.995],
  [119.912, 122.984, 111.857, 120.988, 118.372],
  [127.102, 124.547, 123.297, 120.169, 124.451],
  [122.632, 119.622, 117.511, 119.941, 119.578],
  [117.623, 119.866, 116.586, 123.465, 115.616],
  [123.294, 118.498, 117.316, 114.997, 121.423],
  [119.009, 121.766, 117.365, 120.775, 129.279],
  [121.636, 118.705, 123.312, 119.885, 124.375],
  [122.451, 119.436, 111.779, 119.009, 124.206],
  [118.48, 122.756, 123.418, 118.224, 126.925],
  [126.487, 125.316, 124.162, 124.787, 131.018],
  [120.743, 121.008, 121.912, 116.767, 115.787],
  [116.472, 122.49, 121.392, 114.255, 114.466],
  [118.735, 120.248, 119.303, 123.085, 126.915],
  [120.924, 123.451, 115.119, 115.695, 122.945],
];

const cases = [
  {
    name: 'the doc example',
    blocks: [
      [1, 2, 3],
      [1, 3, 2],
      [1, 2, 3],
      [2, 1, 3],
    ],
    statistic: 4.5,
    pValue: 0.10539922456186433,
    meanRanks: [1.25, 2.0, 2.75],
    kendallW: 0.5625,
  },
  {
    name: 'ties inside blocks',
    blocks: [
      [1, 1, 3, 4],
      [2, 1, 1, 5],
      [3, 3, 3, 1],
      [1, 2, 3, 4],
      [4, 3, 2, 1],
    ],
    statistic: 0.6136363636363545,
    pValue: 0.8933036668576831,
    meanRanks: [2.5, 2.2, 2.5, 2.8],
    kendallW: 0.040909090909090305,
  },
  {
    name: '16 origins × 5 forecasters',
    blocks: errors16x5,
    statistic: 11.199999999999989,
    pValue: 0.024405900528787466,
    meanRanks: [3.0625, 3.5625, 2.125, 2.5625, 3.6875],
    kendallW: 0.17499999999999982,
  },
  {
    name: 'one ordering in every block',
    blocks: [
      [10, 20, 30],
      [11, 19, 31],
      [9, 22, 28],
      [12, 21, 29],
      [10, 18, 33],
      [13, 20, 30],
    ],
    statistic: 12.0,
    pValue: 0.002478752176666357,
    meanRanks: [1, 2, 3],
    kendallW: 1,
  },
];

describe('friedmanTest', () => {
  it.each(cases)('matches scipy.stats.friedmanchisquare: $name', (c) => {
    const result = friedmanTest(c.blocks);
    expect(result.statistic).toBeCloseTo(c.statistic, 12);
    expect(result.pValue / c.pValue).toBeCloseTo(1, 12);
    expect(result.kendallW).toBeCloseTo(c.kendallW, 12);
    result.meanRanks.forEach((r, j) => {
      expect(r).toBeCloseTo(c.meanRanks[j] as number, 14);
    });
    expect(result.df).toBe(c.blocks[0]?.length ? c.blocks[0].length - 1 : 0);
    expect(result.n).toBe(c.blocks.length);
  });

  it('does not depend on the order of the blocks or of the treatments', () => {
    const a = friedmanTest(errors16x5);
    const b = friedmanTest([...errors16x5].reverse().map((row) => [...row].reverse()));
    expect(b.statistic).toBeCloseTo(a.statistic, 12);
    expect(b.meanRanks).toEqual([...a.meanRanks].reverse());
  });

  it('refuses too few blocks or treatments, ragged rows, non-finite values and all-tied blocks', () => {
    expect(() => friedmanTest([[1, 2, 3]])).toThrow(/2 blocks/);
    expect(() => friedmanTest([[1], [2]])).toThrow(/2 treatments/);
    expect(() =>
      friedmanTest([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/block 1/);
    expect(() =>
      friedmanTest([
        [1, 2, Number.NaN],
        [1, 2, 3],
      ]),
    ).toThrow(/finite/);
    expect(() =>
      friedmanTest([
        [1, 1, 1],
        [2, 2, 2],
      ]),
    ).toThrow(/tie/);
  });
});

describe('averageRanks', () => {
  it.each([
    [
      [3, 1, 3, 2],
      [3.5, 1, 3.5, 2],
    ],
    [
      [5.5, 5.5, 5.5],
      [2, 2, 2],
    ],
    [
      [0.2, -1.0, 7.0, 0.2, 0.2, -1.0],
      [4, 1.5, 6, 4, 4, 1.5],
    ],
  ])('ranks %j as scipy.stats.rankdata does', (values, ranks) => {
    expect(averageRanks(values)).toEqual(ranks);
  });
});
