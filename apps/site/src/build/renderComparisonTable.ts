/**
 * The comparison table: each config × protocol with its size, test errors over seeds, its test
 * against naive and its training time — the forecasters, then the lesson's reproductions, tagged
 * as such — then the baselines.
 */

import type { Manifest, ManifestModel, ModelRole } from '@gatecast/core';
import {
  formatCount,
  formatMeanSd,
  formatNumber,
  formatPoints,
  formatPValue,
  formatSeconds,
} from '../shared/format.js';
import { baselineLabel } from '../shared/methodLabels.js';
import { architectureLabel, ROLE_GROUPS } from '../shared/modelLabel.js';
import { escapeHtml } from './escapeHtml.js';
import { roleTag } from './roleTag.js';

/** The text of one model row's cells, in column order after the row header. */
export interface ComparisonCells {
  parameters: string;
  rmse: string;
  mae: string;
  mase: string;
  dmPValue: string;
  trainingSeconds: string;
}

/** Formats one model's figures exactly as the table shows them. */
export function comparisonCells(model: ManifestModel): ComparisonCells {
  return {
    parameters: formatCount(model.parameterCount),
    rmse: formatMeanSd(model.summary.rmse),
    mae: formatMeanSd(model.summary.mae),
    mase: formatNumber(model.summary.mase.mean, 2),
    dmPValue: formatPValue(model.dmVsNaive.pValue),
    trainingSeconds: formatSeconds(model.trainingSeconds),
  };
}

const COLUMNS: { key: keyof ComparisonCells; label: string }[] = [
  { key: 'parameters', label: 'Parameters' },
  { key: 'rmse', label: 'Test RMSE' },
  { key: 'mae', label: 'Test MAE' },
  { key: 'mase', label: 'MASE' },
  { key: 'dmPValue', label: 'DM p vs naive' },
  { key: 'trainingSeconds', label: 'Training time' },
];

/** The row's `<td>`s; `data-label` names the column where a narrow screen stacks the row. */
function cellsHtml(cells: ComparisonCells): string {
  return COLUMNS.map(
    ({ key, label }) =>
      `<td class="num" data-label="${label}" data-metric="${key}">${escapeHtml(cells[key])}</td>`,
  ).join('');
}

function modelRow(model: ManifestModel): string {
  const cells = comparisonCells(model);
  const tds = cellsHtml(cells);
  return `<tr data-model="${escapeHtml(model.id)}" data-role="${model.role}"><th scope="row">${escapeHtml(architectureLabel(model.spec))}${roleTag(model.role)}<span class="model-id">${escapeHtml(model.id)}</span></th>${tds}</tr>`;
}

/** Baselines with their own point forecasts (naive with EWMA bands forecasts what naive does). */
const POINT_BASELINES = ['naive', 'drift', 'ar1'] as const;

function baselineRow(name: (typeof POINT_BASELINES)[number], manifest: Manifest): string {
  const { test, description } = manifest.baselines[name];
  const cells: ComparisonCells = {
    parameters: '—',
    rmse: formatPoints(test.rmse),
    mae: formatPoints(test.mae),
    mase: formatNumber(test.mase, 2),
    dmPValue: '—',
    trainingSeconds: '—',
  };
  const tds = cellsHtml(cells);
  return `<tr data-baseline="${name}"><th scope="row">${escapeHtml(baselineLabel(name))}<span class="desc">${escapeHtml(description)}</span></th>${tds}</tr>`;
}

function group(title: string, rows: string[]): string {
  return `<tbody><tr class="group"><th scope="rowgroup" colspan="${COLUMNS.length + 1}"><span class="sticky-text">${escapeHtml(title)}</span></th></tr>\n${rows.join('\n')}\n</tbody>`;
}

/** Renders the comparison table, grouped by protocol, with the baselines last. */
export function renderComparisonTable(manifest: Manifest): string {
  const seeds = manifest.training.seeds.length;
  const byRole = (role: ModelRole) => manifest.models.filter((m) => m.role === role).map(modelRow);
  const head = COLUMNS.map(({ label }) => `<th scope="col">${label}</th>`).join('');
  return `<div class="table-wrap stack-m" role="region" aria-labelledby="comparison-caption" tabindex="0">
<table id="comparison-table">
<caption id="comparison-caption"><span class="sticky-text">Test figures on the ${manifest.split.test.count} test months (${escapeHtml(manifest.split.test.firstTarget.slice(0, 7))} to ${escapeHtml(manifest.split.test.lastTarget.slice(0, 7))}), in index points. RMSE and MAE: mean ± sd over ${seeds} seeds; MASE: mean over seeds; DM p and training time: the served seed (best validation RMSE).</span></caption>
<thead><tr><th scope="col">Model</th>${head}</tr></thead>
${ROLE_GROUPS.map(({ role, title }) => group(title, byRole(role))).join('\n')}
${group(
  'Baselines',
  POINT_BASELINES.map((name) => baselineRow(name, manifest)),
)}
</table>
</div>`;
}
