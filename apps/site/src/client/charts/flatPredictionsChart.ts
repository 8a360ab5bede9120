/**
 * The lesson's three cells under both protocols against the actual test period: on raw levels
 * (reference) the predictions are flat lines; on log ratios (relative) they follow the index.
 */

import { PROTOCOLS, type Protocol } from '@gatecast/core';
import * as Plot from '@observablehq/plot';
import { LESSON_FIGURES } from '../../lessonFigures.js';
import type { SiteData } from '../../shared/siteData.js';
import { PALETTE } from './palette.js';

/** `aria-description`s of the two line marks, which the browser tests count. */
export const FLAT_CHART_MARKS = { actual: 'actual', predictions: 'predictions' } as const;

const FACETS: Record<Protocol, string> = {
  reference: 'Reference protocol (raw levels)',
  relative: 'Relative protocol (log ratios)',
};

/** Draws both protocols as two panels sharing one y scale, at `width` pixels. */
export function flatPredictionsChart(data: SiteData, width: number): Element {
  const dates = data.test.dates.map((d) => new Date(`${d}T00:00:00Z`));
  const actual = PROTOCOLS.flatMap((protocol) =>
    dates.map((date, i) => ({ date, value: data.test.actual[i], panel: FACETS[protocol] })),
  );
  const predictions = PROTOCOLS.flatMap((protocol) =>
    LESSON_FIGURES.flatMap((figure) => {
      const model = data.models.find((m) => m.id === `${figure.configName}@${protocol}`);
      if (!model) return [];
      return dates.map((date, i) => ({
        date,
        value: model.predictions[i],
        panel: FACETS[protocol],
        series: model.label,
      }));
    }),
  );
  const labels = [...new Set(predictions.map((row) => row.series))];
  return Plot.plot({
    width,
    height: Math.round(Math.min(520, Math.max(360, width * 0.6))),
    marginLeft: 52,
    marginRight: 16,
    x: { type: 'utc', label: null },
    y: { grid: true, label: 'Index points', zero: true },
    fy: { label: null, axis: null, domain: PROTOCOLS.map((p) => FACETS[p]) },
    color: {
      legend: true,
      domain: ['Actual', ...labels],
      range: [PALETTE.rule, ...PALETTE.series].slice(0, labels.length + 1),
    },
    ariaLabel:
      'Test-period predictions of SimpleRNN, GRU and LSTM under the reference and relative protocols, against the actual index',
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.text(
        PROTOCOLS.map((p) => FACETS[p]),
        {
          fy: (d: string) => d,
          text: (d: string) => d,
          frameAnchor: 'top-left',
          dx: 8,
          dy: 8,
          fontWeight: 600,
          fontSize: 12,
        },
      ),
      Plot.lineY(actual, {
        x: 'date',
        y: 'value',
        fy: 'panel',
        stroke: () => 'Actual',
        strokeWidth: 3,
        strokeOpacity: 0.45,
        ariaDescription: FLAT_CHART_MARKS.actual,
      }),
      Plot.lineY(predictions, {
        x: 'date',
        y: 'value',
        fy: 'panel',
        z: 'series',
        stroke: 'series',
        strokeWidth: 1.25,
        ariaDescription: FLAT_CHART_MARKS.predictions,
      }),
    ],
  });
}
