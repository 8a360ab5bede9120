/**
 * The track-record section's charts: the picked model's per-origin figure beside naive and AR(1),
 * and the models' ranks by origin, redrawn when a picker or the width changes. The tables are
 * static HTML; without a backtest the section is a note and there is nothing to draw.
 */
import type { SiteTrackRecord } from '../shared/trackRecord.js';
import { redrawOnResize } from './charts/redrawOnResize.js';
import {
  type TrackRecordMetric,
  trackRecordChart,
  trackRecordRanks,
} from './charts/trackRecordChart.js';
import { elementById } from './dom.js';

function isMetric(value: string): value is TrackRecordMetric {
  return value === 'rmse' || value === 'intervalScore80';
}

/** Draws the section's charts, if the build had a backtest. */
export function setUpTrackRecord(site: SiteTrackRecord): void {
  if (!site.available) return;
  const { record } = site;
  const modelPicker = elementById('track-record-model', HTMLSelectElement);
  const metricPicker = elementById('track-record-metric', HTMLSelectElement);
  const chart = elementById('track-record-chart', HTMLElement);
  const ranks = elementById('track-record-ranks', HTMLElement);
  const metric = () => (isMetric(metricPicker.value) ? metricPicker.value : 'rmse');
  const redrawChart = redrawOnResize(chart, (width) => {
    chart.replaceChildren(trackRecordChart(record, modelPicker.value, metric(), width));
    chart.dataset.model = modelPicker.value;
    chart.dataset.metric = metric();
  });
  const redrawRanks = redrawOnResize(ranks, (width) => {
    ranks.replaceChildren(trackRecordRanks(record, metric(), width));
    ranks.dataset.metric = metric();
  });
  modelPicker.addEventListener('change', redrawChart);
  metricPicker.addEventListener('change', () => {
    redrawChart();
    redrawRanks();
  });
}
