import { describe, expect, it } from 'vitest';
import { splitConformal } from '../intervals/splitConformal.js';
import type { Calibration } from '../registry/calibration.js';
import { conformalOffsets, pathBands, quantileKeys } from './pathBands.js';

// Ten signed log errors; sorted: -0.04 -0.03 -0.02 -0.01 0 0.01 0.02 0.03 0.04 0.05.
const signed = [-0.04, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.04, 0.05];
const absolute = signed.map(Math.abs).sort((a, b) => a - b);
const horizon = (h: number, scores: number[]) => ({ horizon: h, size: scores.length, scores });

describe('quantileKeys', () => {
  it('spells the bounds as the shortest decimals', () => {
    expect(quantileKeys(80)).toEqual(['0.1', '0.9']);
    expect(quantileKeys(95)).toEqual(['0.025', '0.975']);
    expect(quantileKeys(99)).toEqual(['0.005', '0.995']);
    expect(quantileKeys(67)).toEqual(['0.165', '0.835']);
    expect(() => quantileKeys(100)).toThrow(RangeError);
  });
});

describe('conformalOffsets', () => {
  it('absolute: the ⌈(n+1)p⌉-th smallest |z|, as splitConformal', () => {
    for (const p of [0.5, 0.8, 0.9]) {
      expect(conformalOffsets(absolute, 'absolute', p).hi).toBe(
        splitConformal({ scores: signed, level: p }),
      );
    }
  });
  it('clips the rank to the largest score and says so', () => {
    // n = 10: ⌈11·0.95⌉ = 11 > 10.
    expect(conformalOffsets(absolute, 'absolute', 0.95)).toEqual({
      lo: -0.05,
      hi: 0.05,
      clipped: true,
    });
  });
  it('signed: each tail at (1 + p)/2 (python: ceil(11·0.9) = 10th smallest, and of −z)', () => {
    expect(conformalOffsets(signed, 'signed', 0.5)).toEqual({
      lo: -0.03,
      hi: 0.04,
      clipped: false,
    });
    expect(conformalOffsets(signed, 'signed', 0.8)).toEqual({
      lo: -0.04,
      hi: 0.05,
      clipped: false,
    });
    expect(conformalOffsets(signed, 'signed', 0.9).clipped).toBe(true);
  });
});

describe('pathBands', () => {
  const staticAbsolute: Calibration = {
    method: 'static',
    scores: 'absolute',
    horizons: [horizon(1, absolute), horizon(2, absolute)],
  };

  it('relative: multiplicative bands around each ŷ_h, quantiles keyed by probability', () => {
    // python3: 1000·exp(∓0.04) = 960.7894391523232, 1040.8107741923882 (80%, 9th smallest |z|)
    const [first, second] = pathBands({
      calibration: staticAbsolute,
      path: { values: [1000, 2000] },
      levels: [80, 95],
      protocol: 'relative',
    });
    expect(first?.quantiles['0.1']).toBeCloseTo(960.7894391523232, 9);
    expect(first?.quantiles['0.9']).toBeCloseTo(1040.8107741923882, 9);
    expect(first?.intervals['95']?.[1]).toBeCloseTo(1051.2710963760242, 9);
    expect(first?.rankClipped).toBe(true);
    expect(first?.calibrationSize).toBe(10);
    expect(second?.quantiles['0.1']).toBeCloseTo(2 * 960.7894391523232, 9);
    expect(Object.keys(first?.quantiles ?? {})).toEqual(['0.1', '0.9', '0.025', '0.975']);
  });

  it('signed scores give asymmetric bands', () => {
    const [band] = pathBands({
      calibration: { ...staticAbsolute, scores: 'signed', horizons: [horizon(1, signed)] },
      path: { values: [1000] },
      levels: [50],
      protocol: 'relative',
    });
    expect(band?.intervals['50']?.[0]).toBeCloseTo(970.4455335485081, 9);
    expect(band?.intervals['50']?.[1]).toBeCloseTo(1040.8107741923882, 9);
  });

  it('volatility: scores times σ_T·√h', () => {
    const [, second] = pathBands({
      calibration: {
        method: 'volatility',
        scores: 'absolute',
        window: 10,
        volatility: { lambda: 0.94, variance: 0.0025 },
        horizons: [horizon(1, [1, 2, 3]), horizon(2, [1, 2, 3])],
      },
      path: { values: [100, 100] },
      levels: [50],
      protocol: 'relative',
    });
    // ⌈4·0.5⌉ = 2nd smallest = 2; m = 0.05·√2.
    expect(second?.intervals['50']?.[1]).toBeCloseTo(100 * Math.exp(2 * 0.05 * Math.SQRT2), 9);
  });

  it('learnedScale: scores times the path scale s_h', () => {
    const [band] = pathBands({
      calibration: {
        method: 'learnedScale',
        scores: 'absolute',
        horizons: [horizon(1, [1, 2, 3])],
      },
      path: { values: [100], scales: [0.03] },
      levels: [50],
      protocol: 'relative',
    });
    expect(band?.intervals['50']?.[0]).toBeCloseTo(100 * Math.exp(-0.06), 9);
    expect(() =>
      pathBands({
        calibration: {
          method: 'learnedScale',
          scores: 'absolute',
          horizons: [horizon(1, [1, 2, 3])],
        },
        path: { values: [100] },
        levels: [50],
        protocol: 'relative',
      }),
    ).toThrow(/needs the path scales/);
  });

  it('reference: additive bands in points, clamped at 0 and flagged', () => {
    const [band] = pathBands({
      calibration: { method: 'static', scores: 'absolute', horizons: [horizon(1, [50, 300, 900])] },
      path: { values: [200] },
      levels: [50],
      protocol: 'reference',
    });
    expect(band?.intervals['50']).toEqual([0, 500]);
    expect(band?.clamped).toBe(true);
  });

  it('refuses a path longer than the calibration, or a repeated level', () => {
    const options = {
      calibration: staticAbsolute,
      path: { values: [1, 2, 3] },
      levels: [80],
      protocol: 'relative' as const,
    };
    expect(() => pathBands(options)).toThrow(/a path of 3 months but a calibration of 2/);
    expect(() => pathBands({ ...options, path: { values: [1] }, levels: [80, 80] })).toThrow(
      /given twice/,
    );
  });
});
