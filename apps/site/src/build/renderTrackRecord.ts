/**
 * The track-record section: the rolling-origin backtest in words, its pooled table beside the
 * baselines, each origin's one-month errors and ranks, and the containers the browser draws the
 * per-origin charts into. Without a backtest, a note saying why.
 */
import { formatNumber, formatPoints, formatPValue, formatSeconds } from '../shared/format.js';
import type {
  SiteTrackRecord,
  TrackRecord,
  TrackRecordForecaster,
  TrackRecordFriedman,
  TrackRecordOrigin,
} from '../shared/trackRecord.js';
import { escapeHtml } from './escapeHtml.js';
import { formatPercent } from './renderIntervalTable.js';

/** The baselines each model is set beside origin by origin. */
export const ORIGIN_BASELINES = ['naive', 'ar1'] as const;

const year = (origin: string) => origin.slice(0, 4);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const points = (value: number | null) => (value === null ? '—' : formatPoints(value));
const share = (value: number | null) => (value === null ? '—' : formatPercent(value));
const pValue = (value: number | null) => (value === null ? '—' : formatPValue(value));

/** The text of a pooled row's cells, in column order after the row header. */
export interface PooledCells {
  rmse: string;
  mae: string;
  coverage80: string;
  intervalScore80: string;
  coverage95: string;
  intervalScore95: string;
  dmNaive: string;
  dmAr1: string;
  winsNaive: string;
  winsAr1: string;
  meanRank: string;
}

/** Formats one forecaster's pooled figures exactly as the table shows them. */
export function pooledCells(f: TrackRecordForecaster, origins: number): PooledCells {
  return {
    rmse: points(f.pooled.rmse),
    mae: points(f.pooled.mae),
    coverage80: share(f.pooled.coverage80),
    intervalScore80: points(f.pooled.intervalScore80),
    coverage95: share(f.pooled.coverage95),
    intervalScore95: points(f.pooled.intervalScore95),
    dmNaive: pValue(f.dmPValue.naive),
    dmAr1: pValue(f.dmPValue.ar1),
    winsNaive: f.wins ? `${f.wins.naive} / ${origins}` : '—',
    winsAr1: f.wins ? `${f.wins.ar1} / ${origins}` : '—',
    meanRank: f.meanRank === undefined ? '—' : formatNumber(f.meanRank, 2),
  };
}

const POOLED_COLUMNS: { key: keyof PooledCells; label: string }[] = [
  { key: 'rmse', label: 'RMSE' },
  { key: 'mae', label: 'MAE' },
  { key: 'coverage80', label: 'Coverage 80%' },
  { key: 'intervalScore80', label: 'Interval score 80%' },
  { key: 'coverage95', label: 'Coverage 95%' },
  { key: 'intervalScore95', label: 'Interval score 95%' },
  { key: 'dmNaive', label: 'DM p vs naive' },
  { key: 'dmAr1', label: 'DM p vs AR(1)' },
  { key: 'winsNaive', label: 'Origins below naive' },
  { key: 'winsAr1', label: 'Origins below AR(1)' },
  { key: 'meanRank', label: 'Mean rank' },
];

function rowHead(f: TrackRecordForecaster): string {
  const id = f.kind === 'model' ? `<span class="model-id">${escapeHtml(f.id)}</span>` : '';
  return `<th scope="row">${escapeHtml(f.label)}${id}</th>`;
}

function rowAttribute(f: { id: string; kind: 'model' | 'baseline' }): string {
  return `${f.kind === 'model' ? 'data-model' : 'data-baseline'}="${escapeHtml(f.id)}"`;
}

function pooledTable(record: TrackRecord): string {
  const n = record.origins.length;
  const row = (f: TrackRecordForecaster) => {
    const cells = pooledCells(f, n);
    const tds = POOLED_COLUMNS.map(
      ({ key, label }) =>
        `<td class="num" data-label="${escapeHtml(label)}" data-metric="${key}">${escapeHtml(cells[key])}</td>`,
    ).join('');
    return `<tr ${rowAttribute(f)}>${rowHead(f)}${tds}</tr>`;
  };
  const group = (title: string, rows: TrackRecordForecaster[]) =>
    `<tbody><tr class="group"><th scope="rowgroup" colspan="${POOLED_COLUMNS.length + 1}"><span class="sticky-text">${escapeHtml(title)}</span></th></tr>\n${rows.map(row).join('\n')}\n</tbody>`;
  const heads = POOLED_COLUMNS.map(({ label }) => `<th scope="col">${escapeHtml(label)}</th>`).join(
    '',
  );
  return `<div class="table-wrap stack-l" role="region" aria-labelledby="backtest-pooled-caption" tabindex="0">
<table id="backtest-pooled-table">
<caption id="backtest-pooled-caption"><span class="sticky-text">Pooled over the ${n} origins, one month ahead; errors, widths and interval (Winkler) scores in index points, lower is better. DM p: Diebold–Mariano (HLN) on the pooled monthly squared errors. Origins below: at how many origins the model's RMSE was below the baseline's. Mean rank: among the models by RMSE, origin by origin (1 = best).</span></caption>
<thead><tr><th scope="col">Forecaster</th>${heads}</tr></thead>
${group(
  'Forecasters, refitted at every origin',
  record.forecasters.filter((f) => f.kind === 'model'),
)}
${group(
  'Baselines, refitted alike',
  record.forecasters.filter((f) => f.kind === 'baseline'),
)}
</table>
</div>`;
}

/** Which figure a per-origin table shows, and how it names and ranks it. */
export const ORIGIN_TABLES = {
  rmse: {
    id: 'backtest-origin-rmse',
    title: 'RMSE one month ahead, by origin',
    rankedBy: 'RMSE',
  },
  intervalScore80: {
    id: 'backtest-origin-score',
    title: '80% interval score one month ahead, by origin',
    rankedBy: 'interval score (mean of 80% and 95%), as the backtest ranks them',
  },
} as const;

/** "12 forecast months each (2026: 5)": the blocks' sizes, the usual one and the exceptions. */
function blockSizes(record: TrackRecord): string {
  const counts = record.perOrigin.map((o) => o.forecastCount);
  const usual = [...counts].sort(
    (a, b) => counts.filter((c) => c === b).length - counts.filter((c) => c === a).length,
  )[0];
  const exceptions = record.perOrigin
    .filter((o) => o.forecastCount !== usual)
    .map((o) => `${year(o.origin)}: ${o.forecastCount}`);
  return `${usual} forecast months each${exceptions.length > 0 ? ` (${exceptions.join(', ')})` : ''}`;
}

function originTable(record: TrackRecord, metric: keyof typeof ORIGIN_TABLES): string {
  const { id, title, rankedBy } = ORIGIN_TABLES[metric];
  const models = record.forecasters.filter((f) => f.kind === 'model');
  const baselines = ORIGIN_BASELINES.flatMap((b) => record.forecasters.filter((f) => f.id === b));
  const rankKey = metric === 'rmse' ? 'rmse' : 'intervalScore';
  const cell = (o: TrackRecordOrigin, f: TrackRecordForecaster, beats: boolean) => {
    const value = o.figures[f.id]?.[metric] ?? null;
    const rank = o.ranks[f.id]?.[rankKey];
    const rankText =
      rank === undefined
        ? ''
        : ` <span class="rank">#${escapeHtml(formatNumber(rank, Number.isInteger(rank) ? 0 : 1))}</span>`;
    return `<td class="num${beats ? ' beats' : ''}" data-label="${escapeHtml(f.label)}" ${rowAttribute(f)}${rank === undefined ? '' : ` data-rank="${rank}"`}>${escapeHtml(points(value))}${rankText}</td>`;
  };
  const rows = record.perOrigin.map((o) => {
    const baselineValues = baselines.map((b) => o.figures[b.id]?.[metric] ?? null);
    const beats = (f: TrackRecordForecaster) => {
      const value = o.figures[f.id]?.[metric] ?? null;
      return value !== null && baselineValues.every((b) => b !== null && value < b);
    };
    const tds = [
      ...models.map((m) => cell(o, m, beats(m))),
      ...baselines.map((b) => cell(o, b, false)),
    ];
    return `<tr data-origin="${escapeHtml(o.origin)}"><th scope="row">${escapeHtml(year(o.origin))}</th>${tds.join('')}</tr>`;
  });
  const heads = [...models, ...baselines]
    .map((f) => `<th scope="col">${escapeHtml(f.label)}</th>`)
    .join('');
  const against = baselines.map((b) => b.label).join(' and ');
  return `<div class="table-wrap stack-l" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}">
<caption id="${id}-caption"><span class="sticky-text">${escapeHtml(title)}, in index points: each origin's block of forecasts (made from the months up to the next origin; ${escapeHtml(blockSizes(record))}) after a refit on the months before it. #: the model's rank among the models at that origin by ${escapeHtml(rankedBy)}. Highlighted: below both ${escapeHtml(against)}.</span></caption>
<thead><tr><th scope="col">Origin</th>${heads}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

function friedmanText(test: TrackRecordFriedman | null): string {
  if (!test) return 'Friedman’s test could not be computed';
  return `Friedman χ² = ${formatNumber(test.statistic, 2)} (df ${test.df}), p = ${formatPValue(test.pValue)}, Kendall’s W = ${formatNumber(test.kendallW, 2)}`;
}

/** The section's findings, one sentence each, generated from the record. */
export function trackRecordFindings(record: TrackRecord): string[] {
  const n = record.origins.length;
  const models = record.forecasters.filter((f) => f.kind === 'model');
  const byId = (id: string) => record.forecasters.find((f) => f.id === id);
  const findings: string[] = [];
  const withRmse = models.filter((m) => m.pooled.rmse !== null);
  const best = withRmse.reduce<TrackRecordForecaster | undefined>(
    (a, m) => (a && (a.pooled.rmse as number) <= (m.pooled.rmse as number) ? a : m),
    undefined,
  );
  const naive = byId('naive');
  const ar1 = byId('ar1');
  if (best) {
    const significant = (key: 'naive' | 'ar1', baseline: TrackRecordForecaster | undefined) =>
      models.filter(
        (m) =>
          baseline?.pooled.rmse != null &&
          m.pooled.rmse !== null &&
          m.pooled.rmse < baseline.pooled.rmse &&
          (m.dmPValue[key] ?? 1) < 0.05,
      ).length;
    findings.push(
      `Pooled over every origin, the lowest one-month RMSE is ${best.label}’s, ${points(best.pooled.rmse)} points, against naive’s ${points(naive?.pooled.rmse ?? null)} and AR(1)’s ${points(ar1?.pooled.rmse ?? null)}; ${significant('naive', naive)} of ${models.length} models have an RMSE below naive’s with a Diebold–Mariano p under 0.05, ${significant('ar1', ar1)} below AR(1)’s.`,
    );
  }
  const mostWins = (key: 'naive' | 'ar1') =>
    models.reduce<TrackRecordForecaster | undefined>(
      (a, m) => ((a?.wins?.[key] ?? -1) >= (m.wins?.[key] ?? -1) ? a : m),
      undefined,
    );
  const [winsNaive, winsAr1] = [mostWins('naive'), mostWins('ar1')];
  if (winsNaive?.wins && winsAr1?.wins) {
    findings.push(
      `Origin by origin, the model that beats naive’s RMSE most often (${winsNaive.label}) does so at ${winsNaive.wins.naive} of ${n} origins; the one that beats AR(1)’s most often (${winsAr1.label}) at ${winsAr1.wins.ar1} of ${n}.`,
    );
  }
  const agree = (test: TrackRecordFriedman | null) =>
    test === null
      ? ''
      : test.pValue < 0.05
        ? ': the origins agree on an ordering more than chance would'
        : ': no ordering of the models holds across origins beyond chance';
  findings.push(
    `Ranked at every origin by one-month RMSE: ${friedmanText(record.friedman.rmse)}${agree(record.friedman.rmse)}. By interval score: ${friedmanText(record.friedman.intervalScore)}${agree(record.friedman.intervalScore)}.`,
  );
  if (record.lesson) {
    const [worst, middle, bestCell] = record.lesson.cells;
    findings.push(
      `The lesson’s ordering (${worst} worst, ${bestCell} best, ${middle} between) holds at ${record.lesson.holds.rmse} of ${n} origins by RMSE and at ${record.lesson.holds.intervalScore} of ${n} by interval score (a random ordering of three would hold at 1 in 6); Friedman’s test of the three: p = ${pValue(record.lesson.pValue.rmse)} by RMSE, ${pValue(record.lesson.pValue.intervalScore)} by interval score.`,
    );
  } else {
    findings.push(
      'The lesson’s ordering cannot be tested: the backtest lacks one of its three cells.',
    );
  }
  return findings;
}

function chartFigure(record: TrackRecord): string {
  const options = record.forecasters
    .filter((f) => f.kind === 'model')
    .map(
      (f, i) =>
        `<option value="${escapeHtml(f.id)}"${i === 0 ? ' selected' : ''}>${escapeHtml(f.label)}</option>`,
    )
    .join('\n');
  return `<figure class="chart-figure" aria-labelledby="track-record-chart-caption">
<figcaption id="track-record-chart-caption"><strong>Origin by origin.</strong> One model’s one-month figure at each origin against naive’s (dashed) and AR(1)’s (dotted); the other models faint. Below, every model’s rank at each origin (1 = best, darkest).</figcaption>
<div class="control"><label for="track-record-model">Model shown</label>
<select id="track-record-model" name="track-record-model">
${options}
</select></div>
<div class="control"><label for="track-record-metric">Figure</label>
<select id="track-record-metric" name="track-record-metric">
<option value="rmse" selected>RMSE</option>
<option value="intervalScore80">80% interval score</option>
</select></div>
<div id="track-record-chart" class="chart"></div>
<div id="track-record-ranks" class="chart"></div>
</figure>`;
}

/** Renders the section's body (its heading is the template's). */
export function renderTrackRecord(site: SiteTrackRecord): string {
  if (!site.available) {
    return `<p class="note" id="track-record-missing">No track record in this build: ${escapeHtml(site.reason)}.</p>`;
  }
  const record = site.record;
  const models = record.forecasters.filter((f) => f.kind === 'model').length;
  const first = year(record.origins[0] ?? '');
  const last = year(record.origins.at(-1) ?? '');
  const intro = `<p id="track-record-intro">One split cannot say whether a model is better or was lucky. At each of the ${record.origins.length} January origins from ${escapeHtml(first)} to ${escapeHtml(last)}, every one of the ${models} forecasters was refitted on the months before it (${plural(record.training.seeds, 'seed')} × ${plural(record.training.epochs, 'epoch')}; the seed with the best validation RMSE served, its interval method chosen and calibrated on that fit’s validation tail), then judged on its forecasts from the months up to the next origin, beside the baselines refitted alike. Backtest of ${escapeHtml(record.createdAt.slice(0, 10))}, ${escapeHtml(formatSeconds(record.wallSeconds))} wall.</p>`;
  const findings = `<ul class="ordering" id="track-record-findings">\n${trackRecordFindings(record)
    .map((f) => `<li>${escapeHtml(f)}</li>`)
    .join('\n')}\n</ul>`;
  return [
    intro,
    findings,
    pooledTable(record),
    chartFigure(record),
    `<details id="track-record-origins">\n<summary>Every origin’s figures: RMSE and 80% interval score one month ahead, with each model’s rank</summary>`,
    originTable(record, 'rmse'),
    originTable(record, 'intervalScore80'),
    '</details>',
  ].join('\n');
}
