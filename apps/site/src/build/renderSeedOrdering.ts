/**
 * The answer, in words, to "is the ordering stable across seeds?" for the lesson's three cells
 * under each protocol.
 */

import type { Manifest, Protocol, Results } from '@gatecast/core';
import { LESSON_FIGURES } from '../lessonFigures.js';
import { architectureLabel } from '../shared/modelLabel.js';
import { escapeHtml } from './escapeHtml.js';
import { seedOrdering, seedsAllBeat } from './seedOrdering.js';

const PROTOCOL_TITLES: Record<Protocol, string> = {
  relative: 'Relative protocol',
  reference: 'Reference protocol',
};

/** One protocol's sentence about ranking stability, as plain text. */
export function seedOrderingSentence(
  manifest: Manifest,
  results: Results,
  protocol: Protocol,
): string {
  const ids = LESSON_FIGURES.map((f) => `${f.configName}@${protocol}`);
  const label = (id: string) => {
    const model = manifest.models.find((m) => m.id === id);
    if (!model) throw new RangeError(`no ${id} in the manifest`);
    return architectureLabel(model.spec);
  };
  const ordering = seedOrdering(manifest, results, ids);
  const seeds = ordering.bySeed.length;
  const [plain, ...gated] = ids as [string, ...string[]];
  const wins = seedsAllBeat(results, plain, gated);
  const first = ordering.bySeed[0]?.ranked.map(label).join(' < ') ?? '';
  const ranking = ordering.stable
    ? `the ranking by test RMSE is the same on all ${seeds} seeds: ${first}`
    : `the ranking by test RMSE changes with the seed: ${ordering.distinct} different rankings over ${seeds} seeds`;
  return `${PROTOCOL_TITLES[protocol]}, ${ids.map(label).join(', ')}: ${ranking}. Both gated cells beat ${label(plain)} on ${wins} of ${seeds} seeds.`;
}

/** Renders both protocols' sentences as a list. */
export function renderSeedOrdering(manifest: Manifest, results: Results): string {
  const items = (['relative', 'reference'] as const)
    .map((p) => `<li>${escapeHtml(seedOrderingSentence(manifest, results, p))}</li>`)
    .join('\n');
  return `<ul class="ordering">\n${items}\n</ul>`;
}
