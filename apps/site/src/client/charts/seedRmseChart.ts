/**
 * Per-seed test RMSE of each config under one protocol, as dots: does the ranking survive a
 * change of seed? The naive baseline's RMSE is a dashed rule for scale.
 */

import type { Protocol } from '@gatecast/core';
import * as Plot from '@observablehq/plot';
import { formatPoints } from '../../shared/format.js';
import type { SiteData } from '../../shared/siteData.js';
import { PALETTE } from './palette.js';

/** `aria-description` of the dots mark, which the browser tests count. */
export const SEED_DOTS_MARK = 'seed test RMSE';

/** Vertical spread of one config's seeds inside its row, in row heights. */
const SPREAD = 0.5;

/**
 * Draws one protocol's dots at `width` pixels: one row per config, one dot per seed, seeds offset
 * vertically so equal RMSEs stay visible.
 */
export function seedRmseChart(data: SiteData, protocol: Protocol, width: number): Element {
  const models = data.models.filter((m) => m.protocol === protocol);
  const seeds = data.seeds.length;
  const offset = (s: number) => (seeds === 1 ? 0 : (s / (seeds - 1) - 0.5) * SPREAD);
  const rows = models.flatMap((model, row) =>
    data.seeds.map((seed, s) => ({
      row: row + offset(s),
      rmse: model.seedRmse[s] as number,
      seed: `seed ${seed}`,
      title: `${model.label} (${model.id}), seed ${seed}: test RMSE ${formatPoints(model.seedRmse[s] as number)}`,
    })),
  );
  const naive = data.baselines.naive.rmse;
  const rmses = rows.map((r) => r.rmse);
  const naiveIsRightOfDots = naive > (Math.min(...rmses) + Math.max(...rmses)) / 2;
  return Plot.plot({
    width,
    height: 60 + 44 * models.length,
    marginLeft: 150,
    x: { grid: true, label: 'Test RMSE (points) →', nice: true },
    y: {
      domain: [models.length - 0.5, -0.5],
      ticks: models.map((_, i) => i),
      tickFormat: (i: number) => models[i]?.label ?? '',
      label: null,
      tickSize: 0,
    },
    color: { legend: true, type: 'ordinal', scheme: 'observable10' },
    ariaLabel: `Test RMSE of every seed, ${protocol} protocol`,
    marks: [
      Plot.ruleX([naive], {
        stroke: PALETTE.rule,
        strokeDasharray: '4,3',
        ariaDescription: 'naive RMSE',
      }),
      Plot.text([naive], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -2,
        text: () => `naive ${formatPoints(naive)}`,
        // Label on the side of the rule away from the dots, so it neither hides a dot nor clips.
        textAnchor: naiveIsRightOfDots ? 'end' : 'start',
        dx: naiveIsRightOfDots ? -3 : 3,
        fill: PALETTE.text,
      }),
      Plot.dot(rows, {
        x: 'rmse',
        y: 'row',
        fill: 'seed',
        r: 4.5,
        stroke: PALETTE.paper,
        strokeWidth: 0.75,
        title: 'title',
        ariaDescription: SEED_DOTS_MARK,
      }),
    ],
  });
}
