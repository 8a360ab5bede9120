/**
 * Scales each display equation down until it fits its column, so a phone shows the whole of the
 * LSTM's six lines instead of cutting them off. KaTeX lays an equation out on one line per row
 * and never wraps it; the stylesheet sizes `.katex-display` by `--math-scale` (1 by default).
 */

/** Below this the symbols get too small to read; the region then scrolls (it is focusable). */
export const MIN_MATH_SCALE = 0.6;

/**
 * The scale that makes content of `natural` pixels fit `available` pixels, between
 * {@link MIN_MATH_SCALE} and 1. A hair of slack keeps subpixel rounding from overflowing.
 *
 * @example mathScale(404, 358) // => 0.8837…
 * @example mathScale(300, 358) // => 1
 */
export function mathScale(natural: number, available: number): number {
  if (!(natural > 0) || !(available > 0)) return 1;
  const scale = (available - 1) / natural;
  return Math.min(1, Math.max(MIN_MATH_SCALE, scale));
}

function fit(region: HTMLElement): void {
  const content = region.querySelector<HTMLElement>('.katex-display .katex-html');
  if (!content) return;
  // Measure at full size: the content's width scales with the font size.
  region.style.removeProperty('--math-scale');
  const natural = content.scrollWidth;
  const scale = mathScale(natural, region.clientWidth);
  if (scale < 1) region.style.setProperty('--math-scale', scale.toFixed(4));
}

/**
 * Fits every `.math` region under `root` now, once the KaTeX fonts have loaded, and whenever a
 * region's width changes.
 */
export function fitEquations(root: ParentNode = document): void {
  const regions = [...root.querySelectorAll<HTMLElement>('.math')];
  const widths = new WeakMap<HTMLElement, number>();
  const run = (region: HTMLElement) => {
    const width = region.clientWidth;
    if (widths.get(region) === width) return;
    widths.set(region, width);
    fit(region);
  };
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) run(entry.target as HTMLElement);
  });
  for (const region of regions) {
    run(region);
    observer.observe(region);
  }
  // Fallback metrics before the fonts arrive give other widths: measure again after.
  void document.fonts?.ready.then(() => {
    for (const region of regions) fit(region);
  });
}
