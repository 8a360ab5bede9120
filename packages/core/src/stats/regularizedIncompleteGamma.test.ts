import { describe, expect, it } from 'vitest';
import {
  chiSquareSurvival,
  regularizedGammaP,
  regularizedGammaQ,
} from './regularizedIncompleteGamma.js';

// scipy.special.gammainc / gammaincc and scipy.stats.chi2.sf, printed by
// reference/compute_friedman_reference.py: [a, x, P(a, x), Q(a, x)].
const gamma = [
  [0.5, 0.1, 0.34527915398142317, 0.6547208460185768],
  [0.5, 2.0, 0.9544997361036415, 0.04550026389635857],
  [1.0, 1.0, 0.6321205588285577, 0.36787944117144245],
  [2.5, 0.3, 0.011996757205906265, 0.9880032427940937],
  [2.5, 7.0, 0.9843905838997331, 0.01560941610026691],
  [3.0, 3.0, 0.5768099188731566, 0.42319008112684364],
  [10.0, 4.0, 0.008132242796933871, 0.9918677572030661],
  [10.0, 30.0, 0.9999928782491372, 7.121750862815593e-6],
  [50.0, 45.0, 0.24680203440017026, 0.7531979655998298],
  [1.5, 80.0, 1.0, 1.8328665315368073e-34],
] as const;

// [x, df, chi2.sf(x, df)]
const chi2 = [
  [3.841458820694124, 1, 0.04999999999999989],
  [4.5, 2, 0.10539922456186433],
  [12.0, 4, 0.01735126523666451],
  [0.2, 3, 0.9775892977616494],
  [60.0, 5, 1.2154569777183007e-11],
  [200.0, 2, 3.7200759760208177e-44],
] as const;

const relative = (got: number, want: number) => Math.abs(got / want - 1);

describe('regularized incomplete gamma', () => {
  it.each(gamma)('P(%s, %s) and Q match scipy to 1e-12 relative', (a, x, p, q) => {
    expect(relative(regularizedGammaP(a, x), p)).toBeLessThan(1e-12);
    expect(relative(regularizedGammaQ(a, x), q)).toBeLessThan(1e-12);
  });

  it('has the limits 0 and 1 and refuses bad arguments', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(() => regularizedGammaP(0, 1)).toThrow(/a must be/);
    expect(() => regularizedGammaQ(1, -1)).toThrow(/x must be/);
    expect(() => regularizedGammaQ(1, Number.NaN)).toThrow(/x must be/);
  });
});

describe('chiSquareSurvival', () => {
  it.each(chi2)('P(χ² > %s) on %s df matches scipy to 1e-12 relative', (x, df, sf) => {
    expect(relative(chiSquareSurvival(x, df), sf)).toBeLessThan(1e-12);
  });

  it('refuses a bad df', () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(/df/);
  });
});
