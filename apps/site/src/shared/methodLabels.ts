/**
 * Interval methods and baselines in words, for the static HTML and the browser alike. Names are
 * the registry's (`IntervalMethod` and the baselines' keys); an unknown name reads as itself.
 */

/** Short names of the interval methods, as table cells and legends show them. */
export const METHOD_LABELS: Readonly<Record<string, string>> = {
  static: 'static split-conformal',
  rolling: 'rolling conformal',
  aci: 'adaptive conformal (ACI)',
  volatility: 'volatility-scaled conformal',
  learnedScale: 'learned scale, conformalised',
};

/** Baselines by their registry names. */
export const BASELINE_LABELS: Readonly<Record<string, string>> = {
  naive: 'Naive',
  drift: 'Drift',
  ar1: 'AR(1)',
  naiveEwma: 'Naive + EWMA volatility',
};

/**
 * An interval method in words.
 *
 * @example methodLabel('rolling') // => 'rolling conformal'
 */
export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method;
}

/**
 * A baseline's display name.
 *
 * @example baselineLabel('ar1') // => 'AR(1)'
 */
export function baselineLabel(name: string): string {
  return BASELINE_LABELS[name] ?? name;
}

/** How each baseline's bands are made. */
export const BASELINE_METHODS: Readonly<Record<string, string>> = {
  naive: 'empirical quantiles',
  drift: 'empirical quantiles',
  ar1: 'empirical quantiles',
  naiveEwma: 'Gaussian, EWMA volatility',
};

/** An interval method's variant as the registry records it. */
export interface MethodVariant {
  method: string;
  scores: string;
  window?: number | undefined;
  gamma?: number | undefined;
}

/**
 * The variant validation chose within a method: its window W (months), ACI's γ, its score kind.
 *
 * @example methodVariantDetail({ method: 'rolling', scores: 'signed', window: 60 }) // => 'W = 60, signed scores'
 */
export function methodVariantDetail(variant: MethodVariant): string {
  return [
    variant.window !== undefined && `W = ${variant.window}`,
    variant.gamma !== undefined && `γ = ${variant.gamma}`,
    `${variant.scores} scores`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * An interval method with its variant, in one phrase.
 *
 * @example methodVariantLabel({ method: 'rolling', scores: 'signed', window: 60 }) // => 'rolling conformal (W = 60, signed scores)'
 */
export function methodVariantLabel(variant: MethodVariant): string {
  return `${methodLabel(variant.method)} (${methodVariantDetail(variant)})`;
}
