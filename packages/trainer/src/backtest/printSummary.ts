import type { Backtest } from '@gatecast/core/registry';

const num = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : x.toFixed(digits);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
const p = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : x < 0.001 ? x.toExponential(1) : x.toFixed(3);

/**
 * Prints the backtest's headline: every forecaster pooled over the origins at h = 1 (and RMSE at
 * h = 12), DM p-values against naive and AR(1), wins by origin, Friedman's tests and how often
 * the lesson's ordering held.
 */
export function printBacktestSummary(
  backtest: Backtest,
  outFile: string,
  print: (line: string) => void,
): void {
  const { summary, design, training } = backtest;
  const origins = design.origins.length;
  print(
    `backtest: ${origins} origins ${design.origins[0]?.slice(0, 7)} .. ${design.origins.at(-1)?.slice(0, 7)}, ` +
      `${training.seeds.length} seed${training.seeds.length === 1 ? '' : 's'} × ${training.epochs} epochs, backend ${backtest.backend.backend}, ${backtest.workers} workers`,
  );
  print(
    'pooled over every origin, h = 1 (points; DM: HLN p-value of squared errors, negative t = better than the baseline)',
  );
  print(
    `${'forecaster'.padEnd(26)} ${'n'.padStart(4)} ${'RMSE'.padStart(7)} ${'MAE'.padStart(7)} ${'cov80'.padStart(6)} ${'cov95'.padStart(6)} ${'W80'.padStart(7)} ${'W95'.padStart(7)} ${'DM p naive'.padStart(11)} ${'DM p AR(1)'.padStart(11)} ${'RMSE h12'.padStart(9)} ${'wins n/AR1'.padStart(10)}`,
  );
  for (const f of summary.forecasters) {
    const m = f.metrics;
    const wins = summary.wins.find((w) => w.id === f.id);
    print(
      `${f.id.padEnd(26)} ${String(m.n[0]).padStart(4)} ${num(m.rmse[0]).padStart(7)} ${num(m.mae[0]).padStart(7)} ${pct(m.coverage['80'][0]).padStart(6)} ${pct(m.coverage['95'][0]).padStart(6)} ${num(m.intervalScore['80'][0]).padStart(7)} ${num(m.intervalScore['95'][0]).padStart(7)} ${p(f.dm.naive?.squaredError.pValue[0]).padStart(11)} ${p(f.dm.ar1?.squaredError.pValue[0]).padStart(11)} ${num(m.rmse.at(-1)).padStart(9)} ${(wins ? `${wins.rmse.naive}/${wins.rmse.ar1}` : '').padStart(10)}`,
    );
  }
  const { ranking } = summary;
  for (const [name, r] of [
    ['h = 1 RMSE', ranking.rmse],
    ['h = 1 Winkler (80/95)', ranking.intervalScore],
  ] as const) {
    const mean = r.friedman?.meanRanks
      .map((rank, i) => `${ranking.models[i]} ${rank.toFixed(2)}`)
      .join(', ');
    print(
      `ranks by ${name} across ${origins} origins: Friedman χ² ${num(r.friedman?.statistic, 2)} (df ${r.friedman?.df ?? '–'}), p ${p(r.friedman?.pValue)}, Kendall W ${num(r.friedman?.kendallW, 3)}; mean ranks ${mean ?? '–'}`,
    );
  }
  const lesson = summary.lessonOrdering;
  if (lesson) {
    print(
      `the lesson's ordering (${lesson.cells[0]} worst, ${lesson.cells[2]} best) held at ${lesson.rmse.holds}/${origins} origins by RMSE, ${lesson.intervalScore.holds}/${origins} by Winkler; Friedman of the three: p ${p(lesson.rmse.ranking.friedman?.pValue)} (RMSE), ${p(lesson.intervalScore.ranking.friedman?.pValue)} (Winkler)`,
    );
  }
  print(
    `wall time ${backtest.wallSeconds.toFixed(0)} s (fits ${backtest.sweepSeconds.toFixed(0)} s); written to ${outFile}`,
  );
}
