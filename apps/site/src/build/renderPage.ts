/**
 * Everything the static page carries, rendered from the registry: each entry fills the
 * `<!-- gatecast:NAME -->` placeholder of `index.html` with the same name.
 */

import type { Manifest } from '@gatecast/core';
import { formatMonth } from '../shared/format.js';
import { architectureLabel, ROLE_GROUPS, ROLE_LABELS } from '../shared/modelLabel.js';
import {
  clientCall,
  curlCommand,
  forecastRequestBody,
  LOCAL_ORIGIN,
} from '../shared/requestSnippets.js';
import { escapeHtml } from './escapeHtml.js';
import { fanData } from './fanData.js';
import { intervalScoreTable } from './intervalScores.js';
import { levelRanges } from './levelRanges.js';
import type { SiteInputs } from './readRegistry.js';
import { renderCells } from './renderCells.js';
import { renderComparisonTable } from './renderComparisonTable.js';
import { registryStamp, renderHeadline } from './renderHeadline.js';
import { renderIntervalsIntro } from './renderIntervalsIntro.js';
import { renderIntervalTable } from './renderIntervalTable.js';
import { renderOutlookIntro, renderPathTable } from './renderOutlook.js';
import { renderReproductionTable, renderWhyNotReproduced } from './renderReproduction.js';
import { renderSeedOrdering } from './renderSeedOrdering.js';
import { renderTrackRecord } from './renderTrackRecord.js';
import { siteTrackRecord } from './trackRecord.js';

/** Placeholder names of `index.html`. */
export const PLACEHOLDERS = [
  'headline',
  'outlook-intro',
  'path-table',
  'comparison',
  'reproduction',
  'why',
  'intervals-intro',
  'interval-table',
  'seed-ordering',
  'track-record',
  'cells',
  'model-options',
  'try-limits',
  'try-window',
  'window-length',
  'try-curl',
  'try-client',
  'series-start',
  'footer',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * `<option>`s of every served model in one `<optgroup>` per role, forecasters first, the default
 * selected; each option names its role, since a closed select shows the option alone.
 */
export function renderModelOptions(manifest: Manifest): string {
  return ROLE_GROUPS.map(({ role, title }) => {
    const options = manifest.models
      .filter((m) => m.role === role)
      .map(
        (m) =>
          `<option value="${escapeHtml(m.id)}"${m.id === manifest.defaultModel ? ' selected' : ''}>${escapeHtml(architectureLabel(m.spec))}, ${ROLE_LABELS[role]}</option>`,
      );
    return options.length === 0
      ? ''
      : `<optgroup label="${escapeHtml(title)}">\n${options.join('\n')}\n</optgroup>`;
  })
    .filter(Boolean)
    .join('\n');
}

/** The month input's range for "Try it": windows must end where the series has data. */
function renderTryLimits(inputs: SiteInputs): string {
  const { series, manifest } = inputs;
  const window = manifest.split.windowLength;
  const min = series.dates[window - 1]?.slice(0, 7) ?? '';
  const max = series.dates.at(-1)?.slice(0, 7) ?? '';
  return `<input id="stretch-end" name="stretch-end" type="month" min="${min}" max="${max}" value="${max}" aria-describedby="stretch-hint">
<span id="stretch-hint" class="hint">${escapeHtml(formatMonth(`${min}-01`))} to ${escapeHtml(formatMonth(`${max}-01`))}</span>`;
}

function renderFooter(manifest: Manifest): string {
  const t = manifest.training;
  return `<p>Registry of ${escapeHtml(registryStamp(manifest.createdAt))}: data <code>${escapeHtml(manifest.data.file)}</code> (${manifest.data.months} months, ${escapeHtml(manifest.data.first.slice(0, 7))} to ${escapeHtml(manifest.data.last.slice(0, 7))}, sha256 <code class="hash">${escapeHtml(manifest.data.sha256.slice(0, 12))}…</code>); ${t.epochs} epochs, batch ${t.batchSize}, ${escapeHtml(t.optimizer)} lr ${t.learningRate}, seeds ${t.seeds.join(', ')}; TensorFlow.js ${escapeHtml(manifest.tfjsVersion)} on the ${escapeHtml(manifest.backend.tfjsBackend)} backend. Split: ${manifest.split.fit.count} fitted, ${manifest.split.validation.count} validation, ${manifest.split.test.count} test windows of ${manifest.split.windowLength} months.</p>`;
}

/**
 * Renders every placeholder's HTML from the registry and the series.
 *
 * @throws {RangeError} when the registry is inconsistent with the cell formulas or lacks a model
 * the page names (the build fails rather than publish a wrong figure)
 */
export function renderPage(inputs: SiteInputs): Record<Placeholder, string> {
  const { manifest, results, intervals, series } = inputs;
  const ranges = levelRanges(series, manifest.split);
  const fan = fanData(manifest);
  const scores = intervalScoreTable(manifest, intervals);
  const tryWindow = series.values.slice(-manifest.split.windowLength);
  // The request "Try it" starts with, addressed to the local server until the script knows the page's origin.
  const tryBody = forecastRequestBody(manifest.defaultModel, tryWindow);
  return {
    headline: renderHeadline(manifest, series.values.at(-1) as number),
    'outlook-intro': renderOutlookIntro(fan),
    'path-table': renderPathTable(fan, manifest.createdAt),
    comparison: renderComparisonTable(manifest),
    reproduction: renderReproductionTable(manifest),
    why: renderWhyNotReproduced(manifest, results, ranges),
    'intervals-intro': renderIntervalsIntro(manifest, scores),
    'interval-table': renderIntervalTable(scores),
    'seed-ordering': renderSeedOrdering(manifest, results),
    'track-record': renderTrackRecord(siteTrackRecord(inputs.backtest, manifest)),
    cells: renderCells(manifest),
    'model-options': renderModelOptions(manifest),
    'try-limits': renderTryLimits(inputs),
    'try-window': tryWindow.join(', '),
    'window-length': String(manifest.split.windowLength),
    'try-curl': escapeHtml(curlCommand(LOCAL_ORIGIN, tryBody)),
    'try-client': escapeHtml(clientCall(LOCAL_ORIGIN, tryBody)),
    'series-start': escapeHtml(formatMonth(series.dates[0] ?? manifest.data.first)),
    footer: renderFooter(manifest),
  };
}

/**
 * Replaces each `<!-- gatecast:NAME -->` in `template` with its rendered HTML.
 *
 * @throws {Error} if a placeholder is missing from the template or the template has an unknown one
 */
export function fillTemplate(template: string, sections: Record<Placeholder, string>): string {
  let html = template;
  for (const name of PLACEHOLDERS) {
    const marker = `<!-- gatecast:${name} -->`;
    if (!html.includes(marker)) throw new Error(`index.html lacks the placeholder ${marker}`);
    html = html.replaceAll(marker, () => sections[name]);
  }
  const unknown = /<!-- gatecast:([\w-]+) -->/.exec(html);
  if (unknown) throw new Error(`index.html has an unknown placeholder ${unknown[0]}`);
  return html;
}
