/**
 * Keeps a chart as wide as its container: draws it now, and again whenever the container's width
 * changes (phone rotation, window resize).
 */

/**
 * Calls `draw(width)` now and on every change of `container`'s width.
 *
 * @returns a function that redraws at the current width (after the chart's data changed)
 */
export function redrawOnResize(container: HTMLElement, draw: (width: number) => void): () => void {
  let lastWidth = 0;
  let frame = 0;
  const run = () => {
    const width = Math.floor(container.clientWidth);
    if (width > 0 && width !== lastWidth) {
      lastWidth = width;
      draw(width);
    }
  };
  run();
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(run);
  }).observe(container);
  return () => {
    lastWidth = 0;
    run();
  };
}
