/**
 * Draws the page's figures into their containers and redraws them when a container's width
 * changes (phone rotation, window resize) or a picker changes. The fan chart is drawn by
 * `../fanSection.ts`, which also refreshes it from the API.
 */
import type { Protocol } from '@gatecast/core';
import { formatShare } from '../../shared/format.js';
import { methodLabel } from '../../shared/methodLabels.js';
import { ROLE_LABELS } from '../../shared/modelLabel.js';
import type { SiteData } from '../../shared/siteData.js';
import { elementById } from '../dom.js';
import { calibrationChart } from './calibrationChart.js';
import { flatPredictionsChart } from './flatPredictionsChart.js';
import { redrawOnResize } from './redrawOnResize.js';
import { seedRmseChart } from './seedRmseChart.js';
import { testPeriodChart } from './testPeriodChart.js';

function isProtocol(value: string): value is Protocol {
  return value === 'relative' || value === 'reference';
}

/** The calibration chart's series for one protocol: its models, then every baseline. */
export function calibrationSeries(data: SiteData, protocol: Protocol) {
  const ids = new Set(data.models.filter((m) => m.protocol === protocol).map((m) => m.id));
  return data.calibration.series.filter((s) => s.kind === 'baseline' || ids.has(s.id));
}

/** Draws every chart but the fan; the static page already holds their captions and tables. */
export function drawCharts(data: SiteData): void {
  const picker = elementById('chart-model', HTMLSelectElement);
  const testChart = elementById('test-chart', HTMLElement);
  const testNote = elementById('test-chart-note', HTMLElement);
  const drawTest = (width: number) => {
    const model = data.models.find((m) => m.id === picker.value);
    if (!model) return;
    testChart.replaceChildren(testPeriodChart(data, model.id, width));
    testChart.dataset.model = model.id;
    const role = model.role === 'lesson-reproduction' ? ` (${ROLE_LABELS[model.role]})` : '';
    testNote.textContent = `${model.label}, ${model.protocol} protocol${role}, ${methodLabel(model.intervalMethod)}: the 80% band holds ${formatShare(model.coverage['80'])} of the test months, the 95% band ${formatShare(model.coverage['95'])}.`;
  };
  const redrawTest = redrawOnResize(testChart, drawTest);
  picker.addEventListener('change', redrawTest);

  const protocolPicker = elementById('calibration-protocol', HTMLSelectElement);
  const calibration = elementById('calibration-chart', HTMLElement);
  const drawCalibration = (width: number) => {
    const protocol = isProtocol(protocolPicker.value) ? protocolPicker.value : 'relative';
    calibration.replaceChildren(
      calibrationChart(data.calibration, calibrationSeries(data, protocol), width),
    );
    calibration.dataset.protocol = protocol;
  };
  const redrawCalibration = redrawOnResize(calibration, drawCalibration);
  protocolPicker.addEventListener('change', redrawCalibration);

  for (const protocol of ['relative', 'reference'] as const) {
    const container = elementById(`seed-chart-${protocol}`, HTMLElement);
    redrawOnResize(container, (width) =>
      container.replaceChildren(seedRmseChart(data, protocol, width)),
    );
  }

  const flat = elementById('flat-chart', HTMLElement);
  redrawOnResize(flat, (width) => flat.replaceChildren(flatPredictionsChart(data, width)));
}
