/**
 * The "next 12 months" section's static parts: a sentence on what the fan shows, and the path as
 * a table (month, forecast, one column per band), which the browser refreshes from the API like
 * the headline (cells marked `data-field`).
 */

import { formatInterval, formatMonth, formatPoints } from '../shared/format.js';
import { methodLabel } from '../shared/methodLabels.js';
import type { SiteFan } from '../shared/siteData.js';
import { escapeHtml } from './escapeHtml.js';
import { registryStamp } from './renderHeadline.js';

/** The sentence above the fan. */
export function renderOutlookIntro(fan: SiteFan): string {
  const first = fan.path[0];
  const last = fan.path.at(-1);
  if (!first || !last) throw new RangeError('the fan has no path');
  return `<p>${escapeHtml(fan.label)} (<code>${escapeHtml(fan.model)}</code>), the default model, forecasts ${escapeHtml(formatMonth(first.target))} to ${escapeHtml(formatMonth(last.target))} from the 12 months to ${escapeHtml(formatMonth(fan.asOf))}, feeding each month's forecast back in as the next input. Its bands come from the interval method chosen for it on the validation months: ${escapeHtml(methodLabel(fan.method))}. Bounds are multiplicative around the forecast (the forecast times e to the power of a quantile of the log errors), so every bound is a positive index level.</p>`;
}

/**
 * The path table and its source line.
 *
 * @param createdAt the registry's creation time, for the source line
 */
export function renderPathTable(fan: SiteFan, createdAt: string): string {
  const levels = fan.path[0]?.bands.map((b) => b.level) ?? [];
  const head = levels.map((l) => `<th scope="col">${l}% band</th>`).join('');
  const rows = fan.path
    .map((month) => {
      const bands = month.bands
        .map(
          (b) =>
            `<td class="num" data-label="${b.level}% band" data-field="${b.level}">${formatInterval([b.lower, b.upper])}</td>`,
        )
        .join('');
      return `<tr data-horizon="${month.horizon}"><th scope="row">${escapeHtml(formatMonth(month.target))}</th><td class="num" data-label="Months ahead">${month.horizon}</td><td class="num" data-label="Forecast" data-field="forecast">${formatPoints(month.value)}</td>${bands}</tr>`;
    })
    .join('\n');
  return `<p id="fan-source" class="source" data-source="registry" aria-live="polite">Source: model registry of ${escapeHtml(registryStamp(createdAt))}.</p>
<div class="table-wrap stack-s" role="region" aria-labelledby="path-caption" tabindex="0">
<table id="path-table" data-model="${escapeHtml(fan.model)}">
<caption id="path-caption"><span class="sticky-text">${escapeHtml(fan.label)}'s forecast path from ${escapeHtml(formatMonth(fan.asOf))}, in index points</span></caption>
<thead><tr><th scope="col">Month</th><th scope="col">Months ahead</th><th scope="col">Forecast</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}
