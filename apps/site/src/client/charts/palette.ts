/**
 * The charts' colours, as CSS custom properties the stylesheet defines for the light and the dark
 * scheme (`--chart-*` in `style.css`): Plot writes them into `fill`/`stroke` as `var(…)`, so a
 * change of scheme recolours every chart without drawing it again.
 */

const v = (name: string) => `var(--${name})`;

/** Nested band fills, narrowest (most saturated) first. */
export const BAND_FILLS = [1, 2, 3, 4, 5].map((i) => v(`chart-band-${i}`));

export const PALETTE = {
  /** Forecasts: the fan's path, the test chart's predictions. */
  forecast: v('chart-forecast'),
  /** The actual index. */
  actual: v('chart-actual'),
  /** Reference rules (the fan's origin, naive's RMSE) and the flat chart's actual line. */
  rule: v('chart-rule'),
  /** Facet frames. */
  frame: v('chart-frame'),
  /** Text drawn in a chart beside the axes' (which use the page's text colour). */
  text: v('ink-soft'),
  /** The page's text colour, for the calibration chart's diagonal. */
  ink: v('ink'),
  /** The page's background, for dot outlines. */
  paper: v('paper'),
  /** The lesson's three cells in the flat chart. */
  series: [1, 2, 3].map((i) => v(`chart-series-${i}`)),
  /** Baselines in the calibration chart (greys that stand off the background). */
  baselines: [1, 2, 3, 4, 5].map((i) => v(`chart-baseline-${i}`)),
} as const;

/** Band fill by rank, 0 = narrowest; ranks past the palette take the palest. */
export function bandFill(rank: number): string {
  return BAND_FILLS[Math.min(rank, BAND_FILLS.length - 1)] as string;
}
