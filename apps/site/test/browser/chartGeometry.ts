/**
 * Reads a drawn Plot chart back into data units, in the page: the vertices of a mark's paths and
 * the positions of its dots, through the chart's own scales (`figure.scale('y').invert`). The
 * tests compare those with the registry or the API, so they check what is drawn, not what the
 * code meant to draw.
 */
import type { Page } from 'playwright-core';

/** A vertex of a drawn path, in data units: x as a UTC month `YYYY-MM`, y in the y scale's unit. */
export interface DataPoint {
  month: string;
  y: number;
}

/**
 * The vertices of every path of the mark described as `description` inside `container`, in data
 * units (Plot draws linear areas and lines as `M x,y L x,y …`). One array per path.
 */
export async function pathVertices(
  page: Page,
  container: string,
  description: string,
): Promise<DataPoint[][]> {
  return page.evaluate(
    ({ container, description }) => {
      type Scale = { invert(value: number): unknown };
      const root = document.querySelector(container);
      const chart = root?.firstElementChild as (Element & { scale(name: string): Scale }) | null;
      if (!chart || typeof chart.scale !== 'function') throw new Error(`no chart in ${container}`);
      const x = chart.scale('x');
      const y = chart.scale('y');
      const paths = root?.querySelectorAll(`g[aria-description="${description}"] path`) ?? [];
      return [...paths].map((path) => {
        const numbers = (path.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
        const points = [];
        for (let i = 0; i + 1 < numbers.length; i += 2) {
          const date = x.invert(Number(numbers[i])) as Date;
          // Half a month either way rounds a pixel's date to its month.
          const month = new Date(date.getTime() + 12 * 86_400_000).toISOString().slice(0, 7);
          points.push({ month, y: y.invert(Number(numbers[i + 1])) as number });
        }
        return points;
      });
    },
    { container, description },
  );
}

/** The dots of the mark described as `description` inside `container`, in data units. */
export async function dotPositions(
  page: Page,
  container: string,
  description: string,
): Promise<DataPoint[]> {
  return page.evaluate(
    ({ container, description }) => {
      type Scale = { invert(value: number): unknown };
      const root = document.querySelector(container);
      const chart = root?.firstElementChild as (Element & { scale(name: string): Scale }) | null;
      if (!chart || typeof chart.scale !== 'function') throw new Error(`no chart in ${container}`);
      const x = chart.scale('x');
      const y = chart.scale('y');
      const dots = root?.querySelectorAll(`g[aria-description="${description}"] circle`) ?? [];
      return [...dots].map((dot) => {
        const date = x.invert(Number(dot.getAttribute('cx'))) as Date;
        const month = new Date(date.getTime() + 12 * 86_400_000).toISOString().slice(0, 7);
        return { month, y: y.invert(Number(dot.getAttribute('cy'))) as number };
      });
    },
    { container, description },
  );
}

/** The y-scale's size of one pixel at `container`'s chart, in data units (for tolerances). */
export async function unitsPerPixel(page: Page, container: string): Promise<number> {
  return page.evaluate((container) => {
    type Scale = { invert(value: number): number };
    const chart = document.querySelector(container)?.firstElementChild as
      | (Element & { scale(name: string): Scale })
      | null;
    if (!chart) throw new Error(`no chart in ${container}`);
    const y = chart.scale('y');
    return Math.abs(y.invert(0) - y.invert(1));
  }, container);
}

/**
 * Splits an area's vertices into its upper and lower edge, each in month order. Plot draws an
 * `areaY` forward along `y2` (the upper bound here) and back along `y1`.
 */
export function areaEdges(vertices: readonly DataPoint[]): {
  upper: DataPoint[];
  lower: DataPoint[];
} {
  const half = vertices.length / 2;
  return {
    upper: vertices.slice(0, half),
    lower: vertices.slice(half).reverse(),
  };
}
