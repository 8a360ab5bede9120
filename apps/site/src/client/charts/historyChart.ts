/**
 * The whole series, from its first month, on a log scale — where equal heights are equal
 * percentage moves, so 1950's 17 points and 2026's 7,400 share one chart — with the parts of the
 * split shaded and the default model's 12-month fan at its end.
 */
import * as Plot from '@observablehq/plot';
import { formatCount, formatMonth, formatPoints } from '../../shared/format.js';
import type { SitePathMonth, SiteSplit } from '../../shared/siteData.js';
import { bandFill, PALETTE } from './palette.js';

/** `aria-description`s of the marks, which the browser tests read back. */
export const HISTORY_CHART_MARKS = {
  history: 'history',
  band: (level: number) => `band ${level}%`,
  forecast: 'forecast path',
  split: 'split',
} as const;

/** What the chart draws. */
export interface HistoryChartInput {
  /** e.g. `GRU(32) + scale`, for the chart's label. */
  label: string;
  /** The whole series, oldest first: months `YYYY-MM-01` and levels in points. */
  series: { dates: readonly string[]; values: readonly number[] };
  /** The fan: the forecast path from the series' last month, horizon 1 first. */
  path: readonly SitePathMonth[];
  /** Target months of each part of the split, to shade. */
  split: SiteSplit;
}

const utc = (month: string) => new Date(`${month.slice(0, 7)}-01T00:00:00Z`);

const SPLIT_LABELS: Record<keyof SiteSplit, string> = {
  fit: 'fitted',
  validation: 'validation',
  test: 'test',
};

/**
 * Ticks at 1, 2 and 5 times the powers of ten that fall between `min` and `max`.
 *
 * @example logTicks(17, 9000) // => [20, 50, 100, 200, 500, 1000, 2000, 5000]
 */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const step of [1, 2, 5]) {
      const tick = step * 10 ** power;
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

/** The highest point the chart draws: the top of the widest band over the path. */
function maxBound(path: readonly SitePathMonth[]): number {
  return Math.max(...path.flatMap((month) => [month.value, ...month.bands.map((b) => b.upper)]));
}

/**
 * Draws the chart at `width` pixels.
 *
 * @throws {RangeError} if the series or the path is empty
 */
export function historyChart(input: HistoryChartInput, width: number): Element {
  const { series, path, split } = input;
  const lastDate = series.dates.at(-1);
  const lastValue = series.values.at(-1);
  const firstDate = series.dates[0];
  const first = path[0];
  if (lastDate === undefined || lastValue === undefined || firstDate === undefined || !first) {
    throw new RangeError('the history chart needs a series and a path');
  }
  const rows = series.dates.map((d, i) => ({ date: utc(d), value: series.values[i] as number }));
  const origin = { date: utc(lastDate), value: lastValue };
  const levels = first.bands.map((b) => b.level).sort((a, b) => b - a);
  const legend = [...levels.map((l) => `${l}% band`), 'Forecast', 'Actual'];
  const bands = levels.map((level) =>
    Plot.areaY(
      [
        { date: origin.date, lower: origin.value, upper: origin.value },
        ...path.map((month) => {
          const band = month.bands.find((b) => b.level === level);
          if (!band) throw new RangeError(`${month.target} has no ${level}% band`);
          return { date: utc(month.target), lower: band.lower, upper: band.upper };
        }),
      ],
      {
        x: 'date',
        y1: 'lower',
        y2: 'upper',
        fill: () => `${level}% band`,
        ariaDescription: HISTORY_CHART_MARKS.band(level),
      },
    ),
  );
  const parts = (Object.keys(SPLIT_LABELS) as (keyof SiteSplit)[]).map((part, i) => ({
    part: SPLIT_LABELS[part],
    // Each part's shade runs from its first target month to the next part's (or one month on).
    x1: utc(split[part].first),
    x2: new Date(utc(split[part].last).getTime() + 31 * 86_400_000),
    shade: i % 2 === 0 ? 0.06 : 0.12,
  }));
  const last = path.at(-1) as SitePathMonth;
  const ticks = logTicks(Math.min(...series.values), maxBound(path));
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: Math.round(Math.min(420, Math.max(260, width * 0.45))),
    marginLeft: 52,
    marginRight: narrow ? 12 : 16,
    x: { type: 'utc', label: null },
    y: {
      type: 'log',
      grid: true,
      label: 'Index points (log scale)',
      ticks,
      // Labelled by the text mark below: a log axis thins its labels (d3's log tickFormat).
      tickFormat: () => '',
    },
    color: {
      legend: true,
      domain: legend,
      range: [
        ...levels.map((_, i) => bandFill(levels.length - 1 - i)),
        PALETTE.forecast,
        PALETTE.actual,
      ],
    },
    ariaLabel: `The S&P 500 from ${formatMonth(firstDate)} to ${formatMonth(lastDate)} on a log scale, with ${input.label}'s forecast to ${formatMonth(last.target)} (${formatPoints(last.value)} points) and its ${levels.join(', ')}% bands`,
    marks: [
      Plot.rect(parts, {
        x1: 'x1',
        x2: 'x2',
        fill: PALETTE.ink,
        fillOpacity: 'shade',
        ariaDescription: HISTORY_CHART_MARKS.split,
      }),
      Plot.text(parts, {
        x: (d: (typeof parts)[number]) => new Date((d.x1.getTime() + d.x2.getTime()) / 2),
        text: (d: (typeof parts)[number]) => (narrow && d.part === 'validation' ? 'val.' : d.part),
        frameAnchor: 'top',
        dy: 4,
        fill: PALETTE.text,
        fontSize: 11,
      }),
      Plot.text(ticks, {
        y: (d: number) => d,
        text: (d: number) => formatCount(d),
        frameAnchor: 'left',
        textAnchor: 'end',
        dx: -9,
      }),
      ...bands,
      Plot.lineY(rows, {
        x: 'date',
        y: 'value',
        stroke: () => 'Actual',
        strokeWidth: 1.25,
        ariaDescription: HISTORY_CHART_MARKS.history,
      }),
      Plot.lineY(
        [origin, ...path.map((month) => ({ date: utc(month.target), value: month.value }))],
        {
          x: 'date',
          y: 'value',
          stroke: () => 'Forecast',
          strokeWidth: 1.5,
          ariaDescription: HISTORY_CHART_MARKS.forecast,
        },
      ),
    ],
  });
}
