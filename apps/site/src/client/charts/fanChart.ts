/**
 * The fan chart: the last few years of the index, then the default model's forecast path for the
 * next 12 months with nested central bands (e.g. 50%, 80%, 95%), fanning out from the last month.
 */
import * as Plot from '@observablehq/plot';
import { formatInterval, formatMonth, formatPoints } from '../../shared/format.js';
import type { SitePathMonth } from '../../shared/siteData.js';
import { bandFill, PALETTE } from './palette.js';

/** `aria-description`s of the marks, which the browser tests count and measure. */
export const FAN_CHART_MARKS = {
  band: (level: number) => `band ${level}%`,
  forecast: 'forecast path',
  targets: 'target months',
  history: 'history',
} as const;

/** What the fan chart draws. */
export interface FanChartInput {
  /** e.g. `LSTM(32)`, for the chart's label. */
  label: string;
  /** History before the path, oldest first: months `YYYY-MM-01` and levels in points. */
  history: { dates: readonly string[]; values: readonly number[] };
  /** The path, horizon 1 first; every month carries the same levels. */
  path: readonly SitePathMonth[];
}

const utc = (month: string) => new Date(`${month.slice(0, 7)}-01T00:00:00Z`);

/**
 * Draws the fan at `width` pixels. Each band's area starts at the last month of history (where
 * the path starts, with zero width) and runs through the 12 target months.
 *
 * @throws {RangeError} if there is no history or no path
 */
export function fanChart(input: FanChartInput, width: number): Element {
  const { history, path } = input;
  const lastDate = history.dates.at(-1);
  const lastValue = history.values.at(-1);
  const first = path[0];
  if (lastDate === undefined || lastValue === undefined || !first) {
    throw new RangeError('the fan chart needs history and a path');
  }
  const levels = first.bands.map((b) => b.level);
  const origin = { date: utc(lastDate), value: lastValue };
  const historyRows = history.dates.map((d, i) => ({ date: utc(d), value: history.values[i] }));
  const pathRows = path.map((month) => ({
    date: utc(month.target),
    value: month.value,
    title: `${formatMonth(month.target)} (${month.horizon} ${month.horizon === 1 ? 'month' : 'months'} ahead): ${formatPoints(month.value)}${month.bands.map((b) => `\n${b.level}%: ${formatInterval([b.lower, b.upper])}`).join('')}`,
  }));
  // Widest band first so the narrower ones paint over it.
  const byWidth = [...levels].sort((a, b) => b - a);
  const legend = [...byWidth.map((l) => `${l}% band`), 'Forecast', 'Actual'];
  const fills = byWidth.map((_, i) => bandFill(byWidth.length - 1 - i));
  const bandMarks = byWidth.map((level) => {
    const rows = [
      { date: origin.date, lower: origin.value, upper: origin.value },
      ...path.map((month) => {
        const band = month.bands.find((b) => b.level === level);
        if (!band) throw new RangeError(`${month.target} has no ${level}% band`);
        return { date: utc(month.target), lower: band.lower, upper: band.upper };
      }),
    ];
    return Plot.areaY(rows, {
      x: 'date',
      y1: 'lower',
      y2: 'upper',
      fill: () => `${level}% band`,
      ariaDescription: FAN_CHART_MARKS.band(level),
    });
  });
  return Plot.plot({
    width,
    height: Math.round(Math.min(440, Math.max(280, width * 0.5))),
    marginLeft: 52,
    marginRight: 16,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'Index points' },
    color: { legend: true, domain: legend, range: [...fills, PALETTE.forecast, PALETTE.actual] },
    ariaLabel: `Forecast fan of ${input.label}: the next ${path.length} months with ${levels.join(', ')}% bands, after ${history.dates.length} months of history`,
    marks: [
      ...bandMarks,
      Plot.ruleX([origin.date], { stroke: PALETTE.rule, strokeDasharray: '3,3' }),
      Plot.lineY(historyRows, {
        x: 'date',
        y: 'value',
        stroke: () => 'Actual',
        strokeWidth: 1.5,
        ariaDescription: FAN_CHART_MARKS.history,
      }),
      Plot.lineY([origin, ...pathRows], {
        x: 'date',
        y: 'value',
        stroke: () => 'Forecast',
        strokeWidth: 1.5,
        strokeDasharray: '4,3',
        ariaDescription: FAN_CHART_MARKS.forecast,
      }),
      Plot.dot(pathRows, {
        x: 'date',
        y: 'value',
        fill: () => 'Forecast',
        r: 2.5,
        title: 'title',
        ariaDescription: FAN_CHART_MARKS.targets,
      }),
    ],
  });
}
