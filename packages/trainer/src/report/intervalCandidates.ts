import type { IntervalMethod, ScoreKind } from '@gatecast/core';

/** Rolling windows W (months) tried on validation by every method that can recalibrate online. */
export const ROLLING_WINDOWS = [24, 36, 60, 120] as const;

/** ACI step sizes γ tried on validation (Gibbs & Candès' 0.005 and larger ones). */
export const ACI_GAMMAS = [0.005, 0.01, 0.02, 0.05] as const;

/**
 * One interval-method candidate: a method, its score kind and hyper-parameter. A `window` makes
 * the calibration set the last W scores known at each origin; without one it is the static
 * validation set (`aci` without a window runs over every score so far).
 */
export interface IntervalCandidate {
  /** e.g. `static/absolute`, `rolling/signed/w60`, `aci/absolute/g0.01`, `volatility/signed/w120`. */
  id: string;
  method: IntervalMethod;
  scores: ScoreKind;
  window?: number;
  gamma?: number;
  /** Can serve any level from a stored score list (every method but `aci`). */
  servable: boolean;
}

function candidate(
  method: IntervalMethod,
  scores: ScoreKind,
  extra: { window?: number; gamma?: number } = {},
): IntervalCandidate {
  const suffix =
    extra.window !== undefined
      ? `/w${extra.window}`
      : extra.gamma !== undefined
        ? `/g${extra.gamma}`
        : '';
  return {
    id: `${method}/${scores}${suffix}`,
    method,
    scores,
    ...extra,
    servable: method !== 'aci',
  };
}

/**
 * Every candidate a model's intervals are chosen from, on validation:
 * `static` (absolute, signed); `rolling` × W; `aci` × γ (absolute: core's ACI is symmetric);
 * `volatility` static and × W; and, for a model with a learned scale, `learnedScale` static and
 * × W — each with absolute and signed scores.
 */
export function intervalCandidates(options: { learnedScale: boolean }): IntervalCandidate[] {
  const list: IntervalCandidate[] = [];
  const kinds: ScoreKind[] = ['absolute', 'signed'];
  for (const scores of kinds) list.push(candidate('static', scores));
  for (const scores of kinds) {
    for (const window of ROLLING_WINDOWS) list.push(candidate('rolling', scores, { window }));
  }
  for (const gamma of ACI_GAMMAS) list.push(candidate('aci', 'absolute', { gamma }));
  const scaled: IntervalMethod[] = options.learnedScale
    ? ['volatility', 'learnedScale']
    : ['volatility'];
  for (const method of scaled) {
    for (const scores of kinds) {
      list.push(candidate(method, scores));
      for (const window of ROLLING_WINDOWS) list.push(candidate(method, scores, { window }));
    }
  }
  return list;
}
