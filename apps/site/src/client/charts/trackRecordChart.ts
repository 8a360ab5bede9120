/**
 * The track record origin by origin: one model's one-month RMSE (or 80% interval score) at each
 * backtest origin against naive's and AR(1)'s, the other models faint behind; and every model's
 * rank at each origin as a grid (1 = best, darkest).
 */
import * as Plot from '@observablehq/plot';
import { formatPoints } from '../../shared/format.js';
import type { TrackRecord } from '../../shared/trackRecord.js';
import { PALETTE } from './palette.js';

/** The per-origin figures the chart can show. */
export type TrackRecordMetric = 'rmse' | 'intervalScore80';

export const METRIC_LABELS: Record<TrackRecordMetric, string> = {
  rmse: 'RMSE one month ahead (points)',
  intervalScore80: '80% interval score one month ahead (points)',
};

/** `aria-description`s of the marks, which the browser tests read back. */
export const TRACK_RECORD_MARKS = {
  picked: 'picked model by origin',
  naive: 'naive by origin',
  ar1: 'AR(1) by origin',
  others: 'other models by origin',
  ranks: 'rank by origin',
} as const;

/** An origin `YYYY-01-01` as the UTC date the x axis places it at. */
const originDate = (origin: string) => new Date(`${origin}T00:00:00Z`);

interface Point {
  id: string;
  origin: Date;
  value: number;
}

function series(record: TrackRecord, id: string, metric: TrackRecordMetric): Point[] {
  return record.perOrigin.flatMap((o) => {
    const value = o.figures[id]?.[metric];
    return value === null || value === undefined
      ? []
      : [{ id, origin: originDate(o.origin), value }];
  });
}

/** Draws `model`'s `metric` at each origin beside naive, AR(1) and the other models. */
export function trackRecordChart(
  record: TrackRecord,
  model: string,
  metric: TrackRecordMetric,
  width: number,
): Element {
  const models = record.forecasters.filter((f) => f.kind === 'model');
  const label = (id: string) => record.forecasters.find((f) => f.id === id)?.label ?? id;
  const others = models.filter((m) => m.id !== model).flatMap((m) => series(record, m.id, metric));
  const picked = series(record, model, metric);
  const title = (d: Point) =>
    `${label(d.id)}, origin ${d.origin.getUTCFullYear()}: ${formatPoints(d.value)}`;
  const line = (data: Point[], options: Plot.LineYOptions) =>
    Plot.lineY(data, { x: 'origin', y: 'value', z: 'id', ...options });
  return Plot.plot({
    width,
    height: Math.min(420, Math.max(260, width * 0.5)),
    marginLeft: 56,
    x: {
      type: 'utc',
      label: 'Origin (January) →',
      ticks: width < 640 ? '5 years' : 'year',
      tickFormat: '%Y',
    },
    y: { grid: true, nice: true, zero: true, label: `↑ ${METRIC_LABELS[metric]}` },
    ariaLabel: `${label(model)}: ${METRIC_LABELS[metric]} at each origin, beside naive and AR(1)`,
    marks: [
      line(others, {
        stroke: PALETTE.rule,
        strokeOpacity: 0.35,
        strokeWidth: 1,
        ariaDescription: TRACK_RECORD_MARKS.others,
      }),
      line(series(record, 'naive', metric), {
        stroke: PALETTE.actual,
        strokeDasharray: '5,3',
        strokeWidth: 1.5,
        ariaDescription: TRACK_RECORD_MARKS.naive,
      }),
      line(series(record, 'ar1', metric), {
        stroke: PALETTE.actual,
        strokeDasharray: '1.5,2.5',
        strokeWidth: 1.75,
        ariaDescription: TRACK_RECORD_MARKS.ar1,
      }),
      line(picked, {
        stroke: PALETTE.forecast,
        strokeWidth: 2.25,
        ariaDescription: TRACK_RECORD_MARKS.picked,
      }),
      Plot.dot(picked, {
        x: 'origin',
        y: 'value',
        r: 3.5,
        fill: PALETTE.forecast,
        stroke: PALETTE.paper,
        title,
        ariaDescription: TRACK_RECORD_MARKS.picked,
      }),
    ],
  });
}

/** Draws every model's rank at each origin by `metric` (RMSE, or the interval score's). */
export function trackRecordRanks(
  record: TrackRecord,
  metric: TrackRecordMetric,
  width: number,
): Element {
  const models = record.forecasters.filter((f) => f.kind === 'model');
  const key = metric === 'rmse' ? 'rmse' : 'intervalScore';
  const years = record.origins.map((o) => o.slice(0, 4));
  // Room for the longest name at Plot's 10 px font (~6.3 px a character), at most half the width.
  const longest = Math.max(...models.map((m) => m.label.length));
  const marginLeft = Math.min(Math.round(width / 2), Math.ceil(longest * 6.3) + 12);
  // Ranks are written in the cells when a cell is wide enough for two digits.
  const narrow = (width - marginLeft) / years.length < 22;
  const cells = record.perOrigin.flatMap((o) =>
    models.flatMap((m) => {
      const rank = o.ranks[m.id]?.[key];
      return rank === undefined
        ? []
        : [{ origin: o.origin.slice(0, 4), model: m.label, rank, id: m.id }];
    }),
  );
  return Plot.plot({
    width,
    height: 40 + 26 * models.length,
    marginLeft,
    marginBottom: 30,
    x: {
      type: 'band',
      label: null,
      domain: years,
      // Every year where there is room, else every fifth from the first.
      tickFormat: (y: string) => (narrow && (Number(y) - Number(years[0])) % 5 !== 0 ? '' : y),
    },
    y: { type: 'band', label: null, domain: models.map((m) => m.label) },
    opacity: { type: 'linear', domain: [models.length, 1], range: [0.08, 1] },
    ariaLabel: `Rank of every model at each origin by ${metric === 'rmse' ? 'RMSE' : 'interval score'}`,
    marks: [
      Plot.cell(cells, {
        x: 'origin',
        y: 'model',
        fill: PALETTE.forecast,
        fillOpacity: 'rank',
        inset: 1,
        title: (d: { model: string; origin: string; rank: number }) =>
          `${d.model}, origin ${d.origin}: rank ${d.rank}`,
        ariaDescription: TRACK_RECORD_MARKS.ranks,
      }),
      narrow
        ? null
        : Plot.text(cells, {
            x: 'origin',
            y: 'model',
            text: (d: { rank: number }) =>
              Number.isInteger(d.rank) ? String(d.rank) : d.rank.toFixed(1),
            fill: PALETTE.ink,
            fontSize: 10,
          }),
    ],
  });
}
