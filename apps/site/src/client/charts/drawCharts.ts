/**
 * Draws the three figures into their containers and redraws them when a container's width
 * changes (phone rotation, window resize) or the model picker changes.
 */
import { formatShare } from '../../shared/format.js';
import type { SiteData } from '../../shared/siteData.js';
import { elementById } from '../dom.js';
import { flatPredictionsChart } from './flatPredictionsChart.js';
import { seedRmseChart } from './seedRmseChart.js';
import { testPeriodChart } from './testPeriodChart.js';

function redrawOnResize(container: HTMLElement, draw: (width: number) => void): void {
  let lastWidth = 0;
  let frame = 0;
  const run = () => {
    const width = Math.floor(container.clientWidth);
    if (width > 0 && width !== lastWidth) {
      lastWidth = width;
      draw(width);
    }
  };
  run();
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(run);
  }).observe(container);
}

/** Draws every chart; the static page already holds their captions and the data in tables. */
export function drawCharts(data: SiteData): void {
  const picker = elementById('chart-model', HTMLSelectElement);
  const testChart = elementById('test-chart', HTMLElement);
  const testNote = elementById('test-chart-note', HTMLElement);
  const drawTest = (width: number) => {
    const model = data.models.find((m) => m.id === picker.value);
    if (!model) return;
    testChart.replaceChildren(testPeriodChart(data, model.id, width));
    testNote.textContent = `${model.label}, ${model.protocol} protocol: the 80% interval holds ${formatShare(model.coverage['80'])} of the test months, the 95% interval ${formatShare(model.coverage['95'])}.`;
  };
  redrawOnResize(testChart, drawTest);
  picker.addEventListener('change', () => drawTest(Math.floor(testChart.clientWidth)));

  for (const protocol of ['relative', 'reference'] as const) {
    const container = elementById(`seed-chart-${protocol}`, HTMLElement);
    redrawOnResize(container, (width) =>
      container.replaceChildren(seedRmseChart(data, protocol, width)),
    );
  }

  const flat = elementById('flat-chart', HTMLElement);
  redrawOnResize(flat, (width) => flat.replaceChildren(flatPredictionsChart(data, width)));
}
