import { readFileSync } from 'node:fs';
import {
  type ModelSpec,
  parseMonthlyCsv,
  pathBands,
  REPORT_LEVELS,
  randomModelWeights,
  rollingConformal,
  splitConformal,
} from '@gatecast/core';
import { calibrationSchema } from '@gatecast/core/registry';
import { describe, expect, it } from 'vitest';
import { prepareSplit, scalerFor } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { computeBaselines } from './baselines.js';
import { type BandSet, calibrationState, candidateBands, volatilityAt } from './candidateBands.js';
import { type ForecasterPaths, modelPaths, pathErrors } from './forecasterPaths.js';
import { intervalCandidates } from './intervalCandidates.js';
import { levelIndex } from './scoreBands.js';
import { makeTimeline, type Timeline, truncateTimeline } from './timeline.js';

const split = prepareSplit(parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8')));
const timeline = makeTimeline(split);
const scaler = scalerFor('relative', split);

/** A small untrained network with a learned scale: every method, learnedScale included, runs. */
const spec: ModelSpec = {
  windowLength: 12,
  recurrent: [{ cell: 'gru', units: 8, returnSequences: false }],
  head: [
    { units: 8, activation: 'relu' },
    { units: 2, activation: 'linear' },
  ],
  protocol: 'relative',
  output: 'gaussian',
};
const weights = randomModelWeights(spec, { seed: 7, scale: 0.3 });
const pathsOf = (t: Timeline) => modelPaths({ spec, weights, scaler, timeline: t });
const paths = pathsOf(timeline);
const sigmas = volatilityAt(timeline);
const candidates = intervalCandidates({ learnedScale: true });

describe('the timeline of the reference split', () => {
  it('halves the validation tail by target month; test from 2011-01 on', () => {
    const { dates, firstOrigin, calibrationEnd, validationEnd, last } = timeline;
    expect(dates[firstOrigin]).toBe('2002-01-01');
    expect(dates[calibrationEnd]).toBe('2006-07-01');
    expect(dates[validationEnd]).toBe('2011-01-01');
    expect(dates[last]).toBe('2026-05-01');
    expect(timeline.fitValues).toHaveLength(625);
  });
});

describe('no interval uses data after its origin (the trainer evaluation, series cut short)', () => {
  // Cut the series at origins in the selection half, the validation end, and the test period:
  // the paths, every candidate's bands and the serving state at the cut are computed again from
  // the cut series, and must equal the full series' at every origin up to the cut.
  const cuts = [timeline.calibrationEnd + 7, timeline.validationEnd, timeline.validationEnd + 61];
  it.each(cuts)('cut after month %i', (cut) => {
    const short = truncateTimeline(timeline, cut);
    const shortPaths = pathsOf(short);
    const shortSigmas = volatilityAt(short);
    const origins = cut - timeline.firstOrigin + 1;
    for (let h = 0; h < timeline.horizon; h++) {
      expect(shortPaths.points[h]).toEqual(paths.points[h]?.subarray(0, origins));
      expect(shortPaths.scales?.[h]).toEqual(paths.scales?.[h]?.subarray(0, origins));
    }
    for (const candidate of candidates) {
      const full = candidateBands({ candidate, paths, timeline, sigmas });
      const cutBands = candidateBands({
        candidate,
        paths: shortPaths,
        timeline: short,
        sigmas: shortSigmas,
      });
      const upTo = cut - full.from + 1;
      for (let h = 0; h < timeline.horizon; h++) {
        REPORT_LEVELS.forEach((_, li) => {
          expect(cutBands.lower[h]?.[li]).toEqual(full.lower[h]?.[li]?.subarray(0, upTo));
          expect(cutBands.upper[h]?.[li]).toEqual(full.upper[h]?.[li]?.subarray(0, upTo));
        });
      }
    }
  });
});

/** Bands of a band set at origin t, horizon h, level (percent). */
const at = (bands: BandSet, h: number, level: number, t: number) => [
  bands.lower[h - 1]?.[levelIndex(level)]?.[t - bands.from] as number,
  bands.upper[h - 1]?.[levelIndex(level)]?.[t - bands.from] as number,
];

describe('candidateBands', () => {
  const errors = pathErrors(paths, timeline);
  const pointAt = (h: number, t: number) =>
    paths.points[h - 1]?.[t - timeline.firstOrigin] as number;

  it('rolling/absolute equals core rollingConformal over the same errors', () => {
    const candidate = candidates.find((c) => c.id === 'rolling/absolute/w36');
    if (!candidate) throw new Error('no rolling/absolute/w36');
    const bands = candidateBands({ candidate, paths, timeline, sigmas });
    for (const h of [1, 5, 12]) {
      for (const level of [80, 95]) {
        const { halfWidths } = rollingConformal({
          errors: errors[h - 1] as Float64Array,
          level: level / 100,
          horizon: h,
          window: 36,
          capAtLargest: true,
        });
        for (const t of [timeline.calibrationEnd, timeline.validationEnd + 3, timeline.last]) {
          const q = halfWidths[t - timeline.firstOrigin] as number;
          const [lo, hi] = at(bands, h, level, t);
          expect(lo).toBeCloseTo(pointAt(h, t) * Math.exp(-q), 8);
          expect(hi).toBeCloseTo(pointAt(h, t) * Math.exp(q), 8);
        }
      }
    }
  });

  it('static/absolute is split-conformal on the calibration half, then on the whole tail', () => {
    const candidate = candidates.find((c) => c.id === 'static/absolute');
    if (!candidate) throw new Error('no static/absolute');
    const bands = candidateBands({ candidate, paths, timeline, sigmas });
    const h = 3;
    const row = errors[h - 1] as Float64Array;
    const o0 = timeline.firstOrigin;
    const half = Array.from(row.subarray(0, timeline.calibrationEnd - h - o0 + 1));
    const tail = Array.from(row.subarray(0, timeline.validationEnd - h - o0 + 1));
    expect(half).toHaveLength(54 - h + 1);
    expect(tail).toHaveLength(108 - h + 1);
    const q = (scores: number[]) => splitConformal({ scores, level: 0.8, capAtLargest: true });
    const selectionOrigin = timeline.calibrationEnd + 10;
    expect(at(bands, h, 80, selectionOrigin)[1]).toBeCloseTo(
      pointAt(h, selectionOrigin) * Math.exp(q(half)),
      8,
    );
    const testOrigin = timeline.validationEnd + 10;
    expect(at(bands, h, 80, testOrigin)[1]).toBeCloseTo(
      pointAt(h, testOrigin) * Math.exp(q(tail)),
      8,
    );
  });

  it('serves at the series end exactly what it scored: pathBands(calibrationState) = bands at last', () => {
    const k = timeline.last - timeline.firstOrigin;
    for (const candidate of candidates.filter((c) => c.servable)) {
      const calibration = calibrationSchema.parse(
        calibrationState({ candidate, paths, timeline, sigmas }),
      );
      const bands = candidateBands({ candidate, paths, timeline, sigmas });
      const served = pathBands({
        calibration,
        path: {
          values: paths.points.map((r) => r[k] as number),
          scales: (paths.scales as Float64Array[]).map((r) => r[k] as number),
        },
        levels: [...REPORT_LEVELS],
        protocol: 'relative',
      });
      for (const band of served) {
        for (const level of REPORT_LEVELS) {
          const [lo, hi] = at(bands, band.horizon, level, timeline.last);
          expect(band.intervals[String(level)]?.[0]).toBeCloseTo(lo as number, 8);
          expect(band.intervals[String(level)]?.[1]).toBeCloseTo(hi as number, 8);
        }
      }
    }
  });
});

describe('computeBaselines', () => {
  const baselines = computeBaselines(split, timeline);

  it('reproduces docs/lesson.md: naive, AR(1) and fitted-span drift point figures', () => {
    expect(baselines.naive.test.rmse).toBeCloseTo(126.01, 2);
    expect(baselines.naive.test.mae).toBeCloseTo(85.96, 2);
    expect(baselines.ar1.test.rmse).toBeCloseTo(119.99, 2);
    expect(baselines.ar1.test.mae).toBeCloseTo(77.81, 2);
    expect(baselines.ar1.parameters.c).toBeCloseTo(0.00521, 5);
    expect(baselines.ar1.parameters.phi).toBeCloseTo(0.225, 3);
    // "Drift fitted on the 613 fitted windows ... scores RMSE 120.79, MAE 79.45."
    expect(baselines.drift.test.rmse).toBeCloseTo(120.79, 2);
    expect(baselines.drift.test.mae).toBeCloseTo(79.45, 2);
  });

  it('reproduces docs/lesson.md: the naive and AR(1) h = 1 interval scores', () => {
    const first = (name: 'naive' | 'ar1', level: string) =>
      baselines[name].table.test[0]?.levels[level];
    expect(baselines.naive.table.test[0]?.months).toBe(184);
    expect(first('naive', '80')?.coverage).toBeCloseTo(0.799, 3);
    expect(first('naive', '80')?.intervalScore).toBeCloseTo(373.2, 1);
    expect(first('naive', '95')?.intervalScore).toBeCloseTo(562.5, 1);
    expect(first('ar1', '80')?.intervalScore).toBeCloseTo(384.1, 1);
    expect(first('ar1', '95')?.intervalScore).toBeCloseTo(606.4, 1);
  });

  it('gives every baseline a path from the series end, quantiles nested', () => {
    for (const name of ['naive', 'drift', 'ar1', 'naiveEwma'] as const) {
      const { path } = baselines[name];
      expect(path).toHaveLength(12);
      expect(path[0]?.target).toBe('2026-06-01');
      expect(path[11]?.target).toBe('2027-05-01');
      for (const p of path) {
        const q = p.quantiles;
        expect(q['0.025']).toBeLessThan(q['0.1'] as number);
        expect(q['0.1']).toBeLessThan(p.value);
        expect(q['0.9']).toBeLessThan(q['0.975'] as number);
      }
    }
  });
});

describe('a point model', () => {
  it('has no learnedScale candidate', () => {
    const point: ForecasterPaths = { points: paths.points, space: 'log' };
    expect(point.scales).toBeUndefined();
    expect(
      intervalCandidates({ learnedScale: false }).some((c) => c.method === 'learnedScale'),
    ).toBe(false);
  });
});
