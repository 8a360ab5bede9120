/**
 * The "next 12 months" section in the browser: draws the registry's path as a fan at once — at the
 * end of the whole series on a log scale, and zoomed on the last years — then asks the API for
 * the same model's path at the fan's levels and, when it answers, redraws both and refreshes the
 * path table from it, saying which source the figures come from.
 */
import { formatInterval, formatMonth, formatPoints } from '../shared/format.js';
import { methodLabel } from '../shared/methodLabels.js';
import type { SiteData, SitePathMonth } from '../shared/siteData.js';
import { ApiProblem } from './api.js';
import { fanChart } from './charts/fanChart.js';
import { historyChart } from './charts/historyChart.js';
import { redrawOnResize } from './charts/redrawOnResize.js';
import { elementById } from './dom.js';
import { FAN_LEVELS, getForecastPath, type LivePath } from './livePath.js';

/** Below this width (pixels) the fan shows {@link NARROW_HISTORY_MONTHS} months of history. */
const NARROW = 560;
const NARROW_HISTORY_MONTHS = 24;

/**
 * Writes a live path into the table's cells marked `data-field` (forecast and each band the
 * table has) and returns how many it replaced.
 */
export function applyLivePath(table: ParentNode, path: readonly SitePathMonth[]): number {
  let updated = 0;
  for (const month of path) {
    const row = table.querySelector(`tr[data-horizon="${month.horizon}"]`);
    if (!row) continue;
    const set = (field: string, text: string) => {
      const cell = row.querySelector(`[data-field="${field}"]`);
      if (!cell) return;
      cell.textContent = text;
      updated++;
    };
    set('forecast', formatPoints(month.value));
    for (const band of month.bands)
      set(String(band.level), formatInterval([band.lower, band.upper]));
  }
  return updated;
}

function sourceText(live: LivePath): string {
  const details = [
    `/v1/forecast from ${live.asOf ? formatMonth(live.asOf) : 'the bundled series'}`,
    live.intervalMethod && methodLabel(live.intervalMethod),
    live.engine && `engine ${live.engine}`,
  ].filter(Boolean);
  return `Source: live API (${details.join(', ')}); the chart shows its ${FAN_LEVELS.join(', ')}% bands.`;
}

/** Draws the fan and starts its live refresh; resolves when the refresh has settled. */
export async function setUpFan(data: SiteData): Promise<void> {
  const container = elementById('fan-chart', HTMLElement);
  const source = elementById('fan-source', HTMLElement);
  const table = elementById('path-table', HTMLTableElement);
  const { fan } = data;
  let path: readonly SitePathMonth[] = fan.path;
  const draw = (width: number) => {
    // On a phone the path would be a sliver beside five years: show two.
    const months = width < NARROW ? NARROW_HISTORY_MONTHS : fan.historyMonths;
    const history = {
      dates: data.series.dates.slice(-months),
      values: data.series.values.slice(-months),
    };
    container.replaceChildren(fanChart({ label: fan.label, history, path }, width));
  };
  const redrawFan = redrawOnResize(container, draw);
  const history = elementById('history-chart', HTMLElement);
  const redrawHistory = redrawOnResize(history, (width) =>
    history.replaceChildren(
      historyChart({ label: fan.label, series: data.series, path, split: data.split }, width),
    ),
  );
  const redraw = () => {
    redrawFan();
    redrawHistory();
  };
  container.dataset.source = 'registry';
  history.dataset.source = 'registry';

  const registryText = (source.textContent ?? '').replace(/\.$/, '');
  try {
    const live = await getForecastPath({
      model: fan.model,
      horizon: fan.path.length,
      levels: FAN_LEVELS,
      signal: AbortSignal.timeout(8000),
    });
    if (live.asOf !== null && live.asOf !== fan.asOf) {
      throw new ApiProblem(0, `the API forecasts from ${live.asOf}, the page from ${fan.asOf}`);
    }
    path = live.path;
    redraw();
    applyLivePath(table, live.path);
    container.dataset.source = 'api';
    history.dataset.source = 'api';
    source.textContent = sourceText(live);
    source.dataset.source = 'api';
  } catch (error) {
    const why = error instanceof ApiProblem ? error.title : 'API unreachable';
    source.textContent = `${registryText} (live API not available: ${why}).`;
    source.dataset.source = 'registry';
  }
}
