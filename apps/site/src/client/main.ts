/**
 * The page's script: charts, the live refresh of the headline and of the fan, "Try it" and the
 * fitting of wide equations to narrow screens. The static HTML already carries every table and the
 * registry's forecasts; this only adds to it.
 */
import 'katex/dist/katex.min.css';
import './style.css';
import siteData from 'virtual:gatecast/site-data';
import { formatMonth } from '../shared/format.js';
import { ApiProblem, getCompare } from './api.js';
import { drawCharts } from './charts/drawCharts.js';
import { elementById } from './dom.js';
import { setUpFan } from './fanSection.js';
import { fitEquations } from './fitEquations.js';
import { applyLiveForecasts, parseCompare } from './liveForecasts.js';
import { setUpTrackRecord } from './trackRecord.js';
import { setUpTryIt } from './tryIt.js';

async function refreshHeadline(): Promise<void> {
  const source = elementById('forecast-source', HTMLElement);
  const section = elementById('forecast', HTMLElement);
  const registryText = (source.textContent ?? '').replace(/\.$/, '');
  try {
    const live = parseCompare(await getCompare(fetch, AbortSignal.timeout(8000)));
    const updated = applyLiveForecasts(section, live);
    if (updated === 0) throw new ApiProblem(0, 'no figures the page knows');
    const when = live.target ? ` for ${formatMonth(live.target)}` : '';
    source.textContent = `Source: live API (/v1/compare${when}${live.engine ? `, engine ${live.engine}` : ''}), ${updated} figures refreshed.`;
    source.dataset.source = 'api';
  } catch (error) {
    const why = error instanceof ApiProblem ? error.title : 'API unreachable';
    source.textContent = `${registryText} (live API not available: ${why}).`;
    source.dataset.source = 'registry';
  }
}

fitEquations();
drawCharts(siteData);
void setUpFan(siteData);
setUpTryIt(siteData);
setUpTrackRecord(siteData.trackRecord);
void refreshHeadline();
