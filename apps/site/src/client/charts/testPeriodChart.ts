/**
 * The test period: actual monthly levels against one model's predictions, with the one-month-ahead
 * 80% and 95% bands of the interval method it serves (from the registry's `intervals.json`).
 */
import * as Plot from '@observablehq/plot';
import { methodLabel } from '../../shared/methodLabels.js';
import type { SiteData } from '../../shared/siteData.js';
import { bandFill, PALETTE } from './palette.js';

/** Colours by role, the fan's: its 80% and 95% bands, forecast and actual. */
const ROLES = {
  '95% interval': bandFill(2),
  '80% interval': bandFill(1),
  Forecast: PALETTE.forecast,
  Actual: PALETTE.actual,
} as const;

/** Mark descriptions (`aria-description` of each mark's `<g>`), which the browser tests count. */
export const TEST_CHART_MARKS = {
  band95: 'interval 95%',
  band80: 'interval 80%',
  actual: 'actual',
  forecast: 'forecast',
} as const;

/**
 * Draws the chart for `modelId` at `width` pixels.
 *
 * @throws {RangeError} if the model is not in the data
 */
export function testPeriodChart(data: SiteData, modelId: string, width: number): Element {
  const model = data.models.find((m) => m.id === modelId);
  if (!model) throw new RangeError(`no model ${modelId}`);
  const rows = data.test.dates.map((date, i) => ({
    date: new Date(`${date}T00:00:00Z`),
    actual: data.test.actual[i],
    forecast: model.predictions[i],
    lo80: model.intervals['80'][i]?.[0],
    hi80: model.intervals['80'][i]?.[1],
    lo95: model.intervals['95'][i]?.[0],
    hi95: model.intervals['95'][i]?.[1],
  }));
  return Plot.plot({
    width,
    height: Math.round(Math.min(420, Math.max(260, width * 0.5))),
    marginLeft: 52,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'Index points' },
    color: {
      legend: true,
      domain: Object.keys(ROLES),
      range: Object.values(ROLES),
    },
    ariaLabel: `Test period: actual S&P 500 against ${model.label} (${model.protocol} protocol) predictions with the 80% and 95% bands of ${methodLabel(model.intervalMethod)}`,
    marks: [
      Plot.areaY(rows, {
        x: 'date',
        y1: 'lo95',
        y2: 'hi95',
        fill: () => '95% interval',
        ariaDescription: TEST_CHART_MARKS.band95,
      }),
      Plot.areaY(rows, {
        x: 'date',
        y1: 'lo80',
        y2: 'hi80',
        fill: () => '80% interval',
        ariaDescription: TEST_CHART_MARKS.band80,
      }),
      Plot.lineY(rows, {
        x: 'date',
        y: 'actual',
        stroke: () => 'Actual',
        strokeWidth: 1.5,
        ariaDescription: TEST_CHART_MARKS.actual,
      }),
      Plot.lineY(rows, {
        x: 'date',
        y: 'forecast',
        stroke: () => 'Forecast',
        strokeWidth: 1.5,
        ariaDescription: TEST_CHART_MARKS.forecast,
      }),
    ],
  });
}
