import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptiveConformal } from './adaptiveConformal.js';
import { ewmaVolatility } from './ewmaVolatility.js';
import { rollingConformal } from './rollingConformal.js';
import { volatilityScaledOnline } from './volatilityScaled.js';

/**
 * No interval uses data after its forecast origin. Two checks per method, on generated series:
 * (1) truncation: the series cut at month T, with the errors whose targets come after T marked
 * pending (NaN), gives the same half-widths up to T as the whole series; (2) the delay: at
 * origin t only errors of origins ≤ t − h count, so replacing every error from origin k on
 * changes nothing before origin k + h.
 */
const error = fc.double({ min: -5, max: 5, noNaN: true });
const sigma = fc.double({ min: 0.01, max: 0.2, noNaN: true });
const series = fc
  .record({
    errors: fc.array(error, { minLength: 2, maxLength: 60 }),
    horizon: fc.integer({ min: 1, max: 12 }),
    level: fc.constantFrom(0.5, 0.8, 0.9, 0.95),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    window: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(Number.POSITIVE_INFINITY)),
    replacement: fc.array(error, { minLength: 60, maxLength: 60 }),
    sigmas: fc.array(sigma, { minLength: 60, maxLength: 60 }),
  })
  .map((s) => ({
    ...s,
    k: Math.floor(s.cut * s.errors.length),
    sigmas: s.sigmas.slice(0, s.errors.length),
  }));

type Method = (
  errors: number[],
  s: { horizon: number; level: number; window: number; sigmas: number[] },
) => number[];

const methods: Record<string, Method> = {
  rolling: (errors, { horizon, level, window }) =>
    rollingConformal({ errors, horizon, level, window }).halfWidths,
  adaptive: (errors, { horizon, level, window }) =>
    adaptiveConformal({
      errors,
      horizon,
      level,
      gamma: 0.05,
      minScores: 1,
      window,
    }).halfWidths,
  'volatility-scaled rolling': (errors, { horizon, level, window, sigmas }) =>
    volatilityScaledOnline({
      recalibration: 'rolling',
      errors,
      sigmas: sigmas.slice(0, errors.length),
      horizon,
      level,
      window,
    }).halfWidths,
};

describe('online intervals use no data after their origin', () => {
  it.each(Object.entries(methods))(
    '%s: the series as known at month T gives the same half-widths up to T',
    (_, run) => {
      fc.assert(
        fc.property(series, (s) => {
          // At origin T the errors of origins T − h + 1 .. T are still pending (NaN), and later
          // origins do not exist yet.
          const T = Math.min(s.k, s.errors.length - 1);
          const known = s.errors
            .slice(0, T + 1)
            .map((e, t) => (t > T - s.horizon ? Number.NaN : e));
          expect(run(known, s)).toEqual(run(s.errors, s).slice(0, T + 1));
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each(Object.entries(methods))(
    '%s: errors from origin k on do not reach origins before k + h',
    (_, run) => {
      fc.assert(
        fc.property(series, (s) => {
          const changed = s.errors.map((e, t) => (t < s.k ? e : (s.replacement[t] as number)));
          const until = Math.min(s.errors.length, s.k + s.horizon);
          expect(run(changed, s).slice(0, until)).toEqual(run(s.errors, s).slice(0, until));
          // and the not-yet-observed tail may be NaN
          const pending = s.errors.map((e, t) =>
            t >= s.errors.length - s.horizon ? Number.NaN : e,
          );
          expect(run(pending, s)).toEqual(run(s.errors, s));
        }),
        { numRuns: 200 },
      );
    },
  );

  it('volatility-scaled: σ after an origin does not reach it', () => {
    fc.assert(
      fc.property(series, (s) => {
        const run = (sigmas: number[]) =>
          methods['volatility-scaled rolling']?.(s.errors, { ...s, sigmas }) ?? [];
        const changed = s.sigmas.map((v, t) => (t <= s.k ? v : v * 3));
        expect(run(changed).slice(0, s.k + 1)).toEqual(run(s.sigmas).slice(0, s.k + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('ewmaVolatility at origin t uses values up to t only', () => {
    const price = fc.double({ min: 1, max: 5000, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (values, cut, warmup) => {
          const k = Math.floor(cut * values.length);
          expect(ewmaVolatility(values.slice(0, k), { warmup })).toEqual(
            ewmaVolatility(values, { warmup }).slice(0, k),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
