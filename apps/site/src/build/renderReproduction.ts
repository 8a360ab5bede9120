/**
 * The lesson's published figures beside the faithful reference-protocol rows, and a plain account,
 * with numbers read from the data and the registry, of why they do not reproduce.
 */

import type { Manifest, ManifestModel, Results } from '@gatecast/core';
import { LESSON_CITATION, LESSON_FIGURES } from '../lessonFigures.js';
import { formatMeanSd, formatMonth, formatNumber, formatPoints } from '../shared/format.js';
import { architectureLabel } from '../shared/modelLabel.js';
import { escapeHtml } from './escapeHtml.js';
import type { LevelRanges } from './levelRanges.js';
import { predictionRange } from './levelRanges.js';

function modelFor(manifest: Manifest, configName: string, protocol: 'reference' | 'relative') {
  const model = manifest.models.find((m) => m.configName === configName && m.protocol === protocol);
  if (!model) throw new RangeError(`no ${configName}@${protocol} in the manifest`);
  return model;
}

/** One row of the lesson-vs-reproduction table, as displayed. */
export interface ReproductionRow {
  cellLabel: string;
  lessonRmse: string;
  referenceRmse: string;
  relativeRmse: string;
  lessonMae: string;
  referenceMae: string;
  relativeMae: string;
}

/** Pairs each published figure with this project's reference- and relative-protocol results. */
export function reproductionRows(manifest: Manifest): ReproductionRow[] {
  return LESSON_FIGURES.map((figure) => {
    const reference = modelFor(manifest, figure.configName, 'reference');
    const relative = modelFor(manifest, figure.configName, 'relative');
    return {
      cellLabel: figure.cellLabel,
      lessonRmse: formatPoints(figure.rmse),
      referenceRmse: formatMeanSd(reference.summary.rmse),
      relativeRmse: formatMeanSd(relative.summary.rmse),
      lessonMae: formatPoints(figure.mae),
      referenceMae: formatMeanSd(reference.summary.mae),
      relativeMae: formatMeanSd(relative.summary.mae),
    };
  });
}

/** Renders the lesson-vs-reproduction table. */
export function renderReproductionTable(manifest: Manifest): string {
  const seeds = manifest.training.seeds.length;
  const rows = reproductionRows(manifest)
    .map(
      (
        row,
      ) => `<tr data-cell="${escapeHtml(row.cellLabel)}"><th scope="row">${escapeHtml(row.cellLabel)}</th>
<td class="num lesson" data-label="RMSE, lesson (published)" data-col="lessonRmse">${row.lessonRmse}</td><td class="num" data-label="RMSE, reference here" data-col="referenceRmse">${row.referenceRmse}</td><td class="num" data-label="RMSE, relative here" data-col="relativeRmse">${row.relativeRmse}</td>
<td class="num lesson" data-label="MAE, lesson (published)" data-col="lessonMae">${row.lessonMae}</td><td class="num" data-label="MAE, reference here" data-col="referenceMae">${row.referenceMae}</td><td class="num" data-label="MAE, relative here" data-col="relativeMae">${row.relativeMae}</td></tr>`,
    )
    .join('\n');
  return `<div class="table-wrap stack-m" role="region" aria-labelledby="reproduction-caption" tabindex="0">
<table id="reproduction-table">
<caption id="reproduction-caption"><span class="sticky-text">The lesson's published test figures (quoted) beside this project's faithful reference protocol and the relative protocol; 32-unit cells, index points, here mean ± sd over ${seeds} seeds</span></caption>
<thead>
<tr><td></td><th scope="colgroup" colspan="3">Test RMSE</th><th scope="colgroup" colspan="3">Test MAE</th></tr>
<tr><th scope="col">Cell</th><th scope="col">Lesson (published)</th><th scope="col">Reference, here</th><th scope="col">Relative, here</th><th scope="col">Lesson (published)</th><th scope="col">Reference, here</th><th scope="col">Relative, here</th></tr>
</thead>
<tbody>
${rows}
</tbody>
</table>
</div>
<p class="citation">Source of the lesson's figures: ${escapeHtml(LESSON_CITATION)}</p>`;
}

function flatnessItem(results: Results, model: ManifestModel): string {
  const range = predictionRange(results, model.id);
  const [min, max] = [formatPoints(range.min), formatPoints(range.max)];
  const spread =
    min === max
      ? `predicts <span class="num">${min}</span> for every test month`
      : `predicts between <span class="num">${min}</span> and <span class="num">${max}</span> for every test month`;
  return `<li>${escapeHtml(architectureLabel(model.spec))} <span class="model-id">${escapeHtml(model.id)}</span> ${spread} (served seed's test RMSE <span class="num">${formatPoints(model.test.rmse)}</span>)</li>`;
}

/**
 * Explains, with figures from the data and the registry, why the lesson's table does not
 * reproduce on raw levels and what the relative protocol changes.
 */
export function renderWhyNotReproduced(
  manifest: Manifest,
  results: Results,
  ranges: LevelRanges,
): string {
  const lessonReference = LESSON_FIGURES.map((f) => modelFor(manifest, f.configName, 'reference'));
  const lessonRelative = LESSON_FIGURES.map((f) => modelFor(manifest, f.configName, 'relative'));
  const relativeRmse = lessonRelative.map((m) => m.summary.rmse.mean);
  const referenceRmse = lessonReference.map((m) => m.summary.rmse.mean);
  const { naive, drift } = manifest.baselines;
  return `<h3 id="why-title">Why the published figures do not reproduce</h3>
<p>The lesson feeds raw index levels in and reads raw levels out. Every month in its training windows (${escapeHtml(formatMonth(ranges.training.first))} to ${escapeHtml(formatMonth(ranges.training.last))}) lies at or below <span class="num">${formatPoints(ranges.training.max)}</span> points (${escapeHtml(formatMonth(ranges.training.maxMonth))}); the part our models are fitted on, to ${escapeHtml(formatMonth(ranges.fitted.last))}, peaks at <span class="num">${formatPoints(ranges.fitted.max)}</span>. The test targets run from <span class="num">${formatPoints(ranges.test.min)}</span> to <span class="num">${formatPoints(ranges.test.max)}</span>. Inputs in the thousands push every tanh unit of the recurrent state to ±1, so the state — and with it the prediction — barely changes from one test window to the next:</p>
<ul class="flat-list">
${lessonReference.map((m) => flatnessItem(results, m)).join('\n')}
</ul>
<p>A model whose forecast never moves cannot track an index whose test-period high is <span class="num">${formatNumber(ranges.test.max / ranges.test.min, 1)}</span> times its low, which is why the reference rows' test RMSE (<span class="num">${formatPoints(Math.min(...referenceRmse))}</span> to <span class="num">${formatPoints(Math.max(...referenceRmse))}</span>, means over seeds) is nowhere near the lesson's figures. The relative protocol puts every window on the same footing: inputs <i>log(x<sub>t</sub>/x<sub>last</sub>)</i> and target <i>log(y/x<sub>last</sub>)</i>, both divided by the standard deviation of one-month log returns in training, with predictions mapped back to points. Its 32-unit cells reach test RMSE <span class="num">${formatPoints(Math.min(...relativeRmse))}</span> to <span class="num">${formatPoints(Math.max(...relativeRmse))}</span> (means over seeds), against <span class="num">${formatPoints(naive.test.rmse)}</span> for naive and <span class="num">${formatPoints(drift.test.rmse)}</span> for drift.</p>`;
}
