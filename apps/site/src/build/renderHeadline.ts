/**
 * The headline: next month's forecast of the default model with its intervals, and every
 * forecaster's forecast and bands beside the baselines' (naive, drift, AR(1), naive with EWMA
 * volatility) — the lesson's reproductions are left to the sections about the lesson. Static HTML
 * from the registry; the browser refreshes the cells marked `data-field` from `/v1/compare` and
 * says which source it shows.
 */

import { INTERVAL_LEVELS, type Manifest, type ManifestModel } from '@gatecast/core';
import { formatInterval, formatMonth, formatPoints } from '../shared/format.js';
import { baselineLabel, methodLabel } from '../shared/methodLabels.js';
import { architectureLabel, ROLE_GROUPS } from '../shared/modelLabel.js';
import { bandsFromQuantiles } from '../shared/quantileBands.js';
import { escapeHtml } from './escapeHtml.js';

const forecasterGroup = ROLE_GROUPS.find((g) => g.role === 'forecaster')?.title ?? 'Forecasters';

/** Registry timestamp in words for the source line, e.g. `2026-11-24 08:03 UTC`. */
export function registryStamp(createdAt: string): string {
  return `${createdAt.slice(0, 10)} ${createdAt.slice(11, 16)} UTC`;
}

function forecastRow(model: ManifestModel, isDefault: boolean): string {
  const f = model.forecast;
  return `<tr data-model="${escapeHtml(model.id)}"${isDefault ? ' class="is-default"' : ''}>
<th scope="row">${escapeHtml(architectureLabel(model.spec))}${isDefault ? ' <span class="tag">default</span>' : ''}<span class="model-id">${escapeHtml(model.id)}</span></th>
<td class="num" data-label="Forecast" data-field="forecast">${formatPoints(f.value)}</td>
<td class="num" data-label="80% interval" data-field="80">${formatInterval(f.intervals['80'])}</td>
<td class="num" data-label="95% interval" data-field="95">${formatInterval(f.intervals['95'])}</td>
</tr>`;
}

/** The baselines in the order the page lists them. */
export const BASELINE_NAMES = ['naive', 'drift', 'ar1', 'naiveEwma'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

function baselineRow(name: BaselineName, manifest: Manifest): string {
  const baseline = manifest.baselines[name];
  const first = baseline.path[0];
  if (!first) throw new RangeError(`baseline ${name} has an empty path`);
  const bands = bandsFromQuantiles(first.quantiles, INTERVAL_LEVELS.map(Number));
  const cells = bands
    .map(
      (b) =>
        `<td class="num" data-label="${b.level}% interval" data-field="${b.level}">${formatInterval([b.lower, b.upper])}</td>`,
    )
    .join('\n');
  return `<tr data-baseline="${name}">
<th scope="row">${escapeHtml(baselineLabel(name))}<span class="desc">${escapeHtml(baseline.description)}</span></th>
<td class="num" data-label="Forecast" data-field="forecast">${formatPoints(baseline.forecast)}</td>
${cells}
</tr>`;
}

/**
 * Renders the headline section from the manifest.
 *
 * @param lastClose the series' last value (the month the forecast is made from), in points
 * @throws {RangeError} if the manifest's default model is missing
 */
export function renderHeadline(manifest: Manifest, lastClose: number): string {
  const model = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (!model) throw new RangeError(`default model ${manifest.defaultModel} not in the manifest`);
  const f = model.forecast;
  const target = formatMonth(f.target);
  // Forecasters only: the lesson's reproductions are demonstrations, shown with the lesson below.
  const forecasters = manifest.models
    .filter((m) => m.role === 'forecaster')
    .map((m) => forecastRow(m, m.id === manifest.defaultModel))
    .join('\n');
  const lessonCount = manifest.models.filter((m) => m.role === 'lesson-reproduction').length;
  const groups = `<tbody><tr class="group"><th scope="rowgroup" colspan="4"><span class="sticky-text">${escapeHtml(forecasterGroup)}</span></th></tr>\n${forecasters}</tbody>`;

  return `<section id="forecast" aria-labelledby="forecast-title">
<h2 id="forecast-title">${escapeHtml(target)}: the forecast</h2>
<div class="headline" data-model="${escapeHtml(model.id)}">
<p class="headline-model">${escapeHtml(architectureLabel(model.spec))}, relative protocol <span class="model-id">${escapeHtml(model.id)}</span></p>
<p class="headline-value"><span data-field="forecast">${formatPoints(f.value)}</span> <span class="unit">points</span></p>
<dl class="headline-intervals">
<div><dt>80% interval</dt><dd class="num" data-field="80">${formatInterval(f.intervals['80'])}</dd></div>
<div><dt>95% interval</dt><dd class="num" data-field="95">${formatInterval(f.intervals['95'])}</dd></div>
</dl>
<p class="headline-note">The S&amp;P 500's monthly average for ${escapeHtml(target)}, forecast from the 12 months to ${escapeHtml(formatMonth(f.asOf))} (last level <span class="num">${formatPoints(lastClose)}</span>). The default model is the relative-protocol gated model with the best validation RMSE; its bands come from the interval method chosen for it on the validation months, ${escapeHtml(methodLabel(model.calibration.method))}.</p>
</div>
<p id="forecast-source" class="source" data-source="registry" aria-live="polite">Source: model registry of ${escapeHtml(registryStamp(manifest.createdAt))}.</p>
<div class="table-wrap stack-s" role="region" aria-labelledby="forecasts-caption" tabindex="0">
<table id="forecasts-table">
<caption id="forecasts-caption"><span class="sticky-text">Every forecaster's ${escapeHtml(target)} forecast beside the baselines, in index points</span></caption>
<thead><tr><th scope="col">Model</th><th scope="col">Forecast</th><th scope="col">80% interval</th><th scope="col">95% interval</th></tr></thead>
${groups}
<tbody><tr class="group"><th scope="rowgroup" colspan="4"><span class="sticky-text">Baselines</span></th></tr>
${BASELINE_NAMES.map((name) => baselineRow(name, manifest)).join('\n')}
</tbody>
</table>
</div>
${lessonCount > 0 ? `<p class="hint" id="lesson-note">Not listed: the ${lessonCount} models of the <a href="#reproduction-title">lesson reproduction</a>, trained on raw index levels as the lesson was. They are served to show what that protocol gives — forecasts far below the index — not as forecasts; the comparison below has their figures.</p>` : ''}
</section>`;
}
