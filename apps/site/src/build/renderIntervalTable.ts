/**
 * The interval-score table: every served model (with the interval method it serves) and every
 * baseline, one month ahead on the test months, at 80% and 95% — coverage, mean width, interval
 * (Winkler) score, and the Diebold–Mariano p-value of the interval score against the best
 * baseline — then the pinball loss and how far coverage strays over horizons 1..12.
 */

import type { IntervalLevel } from '@gatecast/core';
import { formatNumber, formatPoints, formatPValue } from '../shared/format.js';
import { ROLE_GROUPS } from '../shared/modelLabel.js';
import { escapeHtml } from './escapeHtml.js';
import { type IntervalScoreRow, type IntervalScoreTable, TABLE_LEVELS } from './intervalScores.js';
import { roleTag } from './roleTag.js';

/** One level's cells, as the table shows them. */
export interface LevelCells {
  coverage: string;
  meanWidth: string;
  intervalScore: string;
  dmPValue: string;
}

/** The text of one row's cells. */
export interface IntervalRowCells {
  method: string;
  levels: Record<IntervalLevel, LevelCells>;
  pinball: string;
  /** Coverage range over horizons 1..12 at 80% and at 95%. */
  horizonRange: string;
}

/**
 * A share as a percentage with one decimal.
 *
 * @example formatPercent(0.8152) // => '81.5%'
 */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

function range([lo, hi]: readonly [number, number]): string {
  return `${formatNumber(lo * 100, 0)}–${formatNumber(hi * 100, 0)}%`;
}

/** Formats one row exactly as the table shows it. */
export function intervalRowCells(row: IntervalScoreRow): IntervalRowCells {
  const levels = Object.fromEntries(
    TABLE_LEVELS.map((level) => {
      const s = row.levels[level];
      return [
        level,
        {
          coverage: formatPercent(s.coverage),
          meanWidth: formatPoints(s.meanWidth),
          intervalScore: formatPoints(s.intervalScore),
          dmPValue: s.dmPValue === null ? '—' : formatPValue(s.dmPValue),
        },
      ];
    }),
  ) as Record<IntervalLevel, LevelCells>;
  return {
    method: row.method,
    levels,
    pinball: formatPoints(row.pinball),
    horizonRange: TABLE_LEVELS.map((level) => range(row.horizonCoverage[level])).join(' / '),
  };
}

/** Each level's columns: the header, and the label a stacked row gives the cell after "80% ". */
const LEVEL_COLUMNS: { key: keyof LevelCells; label: string; cellLabel: string }[] = [
  { key: 'coverage', label: 'Coverage', cellLabel: 'coverage' },
  { key: 'meanWidth', label: 'Mean width', cellLabel: 'mean width' },
  { key: 'intervalScore', label: 'Interval score', cellLabel: 'interval score' },
  { key: 'dmPValue', label: 'DM p', cellLabel: 'DM p' },
];

/** The last column's label where a narrow screen stacks a row (the header says the rest). */
const HORIZON_RANGE_LABEL = 'Coverage over horizons, 80% / 95%';

function rowHtml(row: IntervalScoreRow): string {
  const cells = intervalRowCells(row);
  const beats = (level: IntervalLevel) => row.beatsBaselines?.[level] === true;
  const levelTds = TABLE_LEVELS.flatMap((level) =>
    LEVEL_COLUMNS.map(
      ({ key, cellLabel }) =>
        `<td data-label="${level}% ${cellLabel}" class="num${key === 'intervalScore' && beats(level) ? ' beats' : ''}" data-level="${level}" data-metric="${key}">${escapeHtml(cells.levels[level][key])}</td>`,
    ),
  ).join('');
  const attribute = row.kind === 'model' ? 'data-model' : 'data-baseline';
  const head =
    row.kind === 'model'
      ? `${escapeHtml(row.label)}${row.role ? roleTag(row.role) : ''}<span class="model-id">${escapeHtml(row.id)}</span>`
      : `${escapeHtml(row.label)}${row.description ? `<span class="desc">${escapeHtml(row.description)}</span>` : ''}`;
  return `<tr ${attribute}="${escapeHtml(row.id)}"><th scope="row">${head}</th><td data-label="Method" data-metric="method">${escapeHtml(cells.method)}${row.methodDetail ? `<span class="desc">${escapeHtml(row.methodDetail)}</span>` : ''}</td>${levelTds}<td class="num" data-label="Pinball" data-metric="pinball">${escapeHtml(cells.pinball)}</td><td class="num" data-label="${HORIZON_RANGE_LABEL}" data-metric="horizonRange">${escapeHtml(cells.horizonRange)}</td></tr>`;
}

const COLUMN_COUNT = 2 + TABLE_LEVELS.length * LEVEL_COLUMNS.length + 2;

function group(title: string, rows: readonly IntervalScoreRow[]): string {
  if (rows.length === 0) return '';
  return `<tbody><tr class="group"><th scope="rowgroup" colspan="${COLUMN_COUNT}"><span class="sticky-text">${escapeHtml(title)}</span></th></tr>\n${rows.map(rowHtml).join('\n')}\n</tbody>`;
}

/**
 * Renders the table. Interval scores that beat every baseline's at their level are marked
 * (`class="beats"`, and a note in the caption).
 */
export function renderIntervalTable(table: IntervalScoreTable): string {
  const models = table.rows.filter((r) => r.kind === 'model');
  const baselines = table.rows.filter((r) => r.kind === 'baseline');
  const levelHeads = TABLE_LEVELS.map(
    (level) => `<th scope="colgroup" colspan="${LEVEL_COLUMNS.length}">${level}% band</th>`,
  ).join('');
  const subHeads = TABLE_LEVELS.flatMap(() =>
    LEVEL_COLUMNS.map(({ label }) => `<th scope="col">${label}</th>`),
  ).join('');
  const best = TABLE_LEVELS.map((level) => `${level}%: ${table.bestBaseline[level]}`).join(', ');
  return `<div class="table-wrap stack-l" role="region" aria-labelledby="interval-caption" tabindex="0">
<table id="interval-table">
<caption id="interval-caption"><span class="sticky-text">Prediction intervals one month ahead on the ${table.testCount} test months (${escapeHtml(table.firstTarget.slice(0, 7))} to ${escapeHtml(table.lastTarget.slice(0, 7))}); widths, interval (Winkler) scores and pinball losses in index points, lower is better. DM p: Diebold–Mariano (HLN) on the monthly interval scores against the best baseline at that level (${escapeHtml(best)}). Pinball: mean over the quantiles of every report level (${table.reportLevels.join(', ')}%). Last column: lowest–highest coverage over horizons 1–${table.maxHorizon}, at 80% / 95%. Highlighted: interval scores below every baseline's.</span></caption>
<thead>
<tr><td></td><td></td>${levelHeads}<td></td><td></td></tr>
<tr><th scope="col">Forecaster</th><th scope="col">Method</th>${subHeads}<th scope="col">Pinball</th><th scope="col">Coverage, h = 1–${table.maxHorizon}</th></tr>
</thead>
${ROLE_GROUPS.map(({ role, title }) =>
  group(
    `${title}, served method`,
    models.filter((r) => r.role === role),
  ),
).join('\n')}
${group('Baselines', baselines)}
</table>
</div>`;
}
