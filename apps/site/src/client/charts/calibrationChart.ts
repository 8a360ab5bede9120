/**
 * The calibration chart: for each report level, the nominal coverage against the share of test
 * months the bands actually held, one line per served model and per baseline, at horizon 1 and
 * pooled over every horizon. A calibrated method sits on the diagonal; above it the bands are
 * wider than they claim, below it narrower.
 */
import * as Plot from '@observablehq/plot';
import type { SiteCalibration, SiteCalibrationSeries } from '../../shared/siteData.js';
import { PALETTE } from './palette.js';

/** `aria-description`s of the marks, which the browser tests count. */
export const CALIBRATION_CHART_MARKS = {
  diagonal: 'nominal coverage',
  points: 'observed coverage',
} as const;

/** The two panels, in the order drawn. */
export const CALIBRATION_PANELS = {
  horizon1: 'One month ahead',
  pooled: 'Horizons 1–12 pooled',
} as const;

/** Observable's categorical palette (observable10), for up to ten models. */
const MODEL_COLOURS = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
];

const asPercent = (share: number) => `${Math.round(share * 100)}%`;

/** The text of one point's `<title>`, which the browser tests read back. */
export function calibrationPointTitle(
  series: Pick<SiteCalibrationSeries, 'label' | 'method'>,
  level: number,
  observed: number,
): string {
  return `${series.label} (${series.method}): ${level}% nominal, ${(observed * 100).toFixed(1)}% observed`;
}

/**
 * Draws both panels at `width` pixels for the given series (a subset of `calibration.series`).
 */
export function calibrationChart(
  calibration: SiteCalibration,
  series: readonly SiteCalibrationSeries[],
  width: number,
): Element {
  const { levels } = calibration;
  const panels = Object.keys(CALIBRATION_PANELS) as (keyof typeof CALIBRATION_PANELS)[];
  const rows = series.flatMap((s) =>
    panels.flatMap((panel) =>
      levels.map((level, i) => {
        const observed = s[panel][i] as number;
        return {
          panel: CALIBRATION_PANELS[panel],
          series: s.label,
          kind: s.kind,
          nominal: level / 100,
          observed,
          title: calibrationPointTitle(s, level, observed),
        };
      }),
    ),
  );
  const models = series.filter((s) => s.kind === 'model').map((s) => s.label);
  const baselines = series.filter((s) => s.kind === 'baseline').map((s) => s.label);
  // x spans the levels; y also reaches down to the lowest observed coverage.
  const xFloor = Math.max(0, Math.floor((Math.min(...levels) / 100 - 0.05) * 20) / 20);
  const lowestObserved = Math.min(...rows.map((r) => r.observed));
  const yFloor = Math.min(xFloor, Math.max(0, Math.floor((lowestObserved - 0.02) * 10) / 10));
  const diagonal = panels.flatMap((panel) => [
    { panel: CALIBRATION_PANELS[panel], x: xFloor, y: xFloor },
    { panel: CALIBRATION_PANELS[panel], x: 1, y: 1 },
  ]);
  const narrow = width < 640;
  return Plot.plot({
    width,
    height: narrow ? Math.round(width * 1.9) : Math.round(Math.min(420, width * 0.42)),
    marginLeft: 52,
    marginRight: 16,
    x: { domain: [xFloor, 1], tickFormat: asPercent, label: 'Nominal coverage →', grid: true },
    y: { domain: [yFloor, 1], tickFormat: asPercent, label: '↑ Observed coverage', grid: true },
    [narrow ? 'fy' : 'fx']: { domain: Object.values(CALIBRATION_PANELS), label: null, axis: null },
    color: {
      legend: true,
      domain: [...models, ...baselines],
      range: [
        ...MODEL_COLOURS.slice(0, models.length),
        ...PALETTE.baselines.slice(0, baselines.length),
      ],
    },
    ariaLabel: `Calibration on the test months: nominal against observed coverage at ${levels.join(', ')}% for ${series.length} forecasters, one month ahead and pooled over horizons`,
    marks: [
      Plot.frame({ stroke: PALETTE.frame }),
      Plot.text(Object.values(CALIBRATION_PANELS), {
        [narrow ? 'fy' : 'fx']: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: 'top-left',
        dx: 8,
        dy: 8,
        fontWeight: 600,
        fontSize: 12,
      }),
      Plot.line(diagonal, {
        x: 'x',
        y: 'y',
        [narrow ? 'fy' : 'fx']: 'panel',
        stroke: PALETTE.ink,
        strokeDasharray: '2,3',
        ariaDescription: CALIBRATION_CHART_MARKS.diagonal,
      }),
      Plot.line(
        rows.filter((r) => r.kind === 'baseline'),
        {
          x: 'nominal',
          y: 'observed',
          [narrow ? 'fy' : 'fx']: 'panel',
          z: 'series',
          stroke: 'series',
          strokeDasharray: '5,3',
          strokeWidth: 1.25,
        },
      ),
      Plot.line(
        rows.filter((r) => r.kind === 'model'),
        {
          x: 'nominal',
          y: 'observed',
          [narrow ? 'fy' : 'fx']: 'panel',
          z: 'series',
          stroke: 'series',
          strokeWidth: 1.5,
        },
      ),
      Plot.dot(rows, {
        x: 'nominal',
        y: 'observed',
        [narrow ? 'fy' : 'fx']: 'panel',
        fill: 'series',
        r: 3,
        title: 'title',
        ariaDescription: CALIBRATION_CHART_MARKS.points,
      }),
    ],
  });
}
