/**
 * Shapes `backtest.json` into the track record the page shows (`TrackRecord`): one-month-ahead
 * figures, pooled and by origin, the models' ranks at each origin, Friedman's tests and the
 * lesson's ordering. Build time; the figures are the file's, unrounded.
 */
import type { Backtest, BacktestMetrics, Manifest } from '@gatecast/core/registry';
import { baselineLabel } from '../shared/methodLabels.js';
import { architectureLabel } from '../shared/modelLabel.js';
import type {
  SiteTrackRecord,
  TrackRecord,
  TrackRecordFigures,
  TrackRecordFriedman,
} from '../shared/trackRecord.js';
import type { BacktestInput } from './readBacktest.js';

/** The first horizon's figures. */
export function oneMonth(metrics: BacktestMetrics): TrackRecordFigures {
  const first = (values: (number | null)[]) => values[0] ?? null;
  return {
    rmse: first(metrics.rmse),
    mae: first(metrics.mae),
    coverage80: first(metrics.coverage['80']),
    intervalScore80: first(metrics.intervalScore['80']),
    coverage95: first(metrics.coverage['95']),
    intervalScore95: first(metrics.intervalScore['95']),
  };
}

/** A model's name as the rest of the page gives it (its id when the manifest lacks it). */
function modelLabel(manifest: Manifest, id: string): string {
  const model = manifest.models.find((m) => m.id === id);
  return model ? architectureLabel(model.spec) : id;
}

function friedman(
  test: Backtest['summary']['ranking']['rmse']['friedman'],
): TrackRecordFriedman | null {
  return test
    ? { statistic: test.statistic, df: test.df, pValue: test.pValue, kendallW: test.kendallW }
    : null;
}

/**
 * The track record of `backtest`, labelled from `manifest`.
 *
 * @throws {RangeError} when an origin lacks a forecaster of the summary (an inconsistent file)
 */
export function trackRecord(backtest: Backtest, manifest: Manifest): TrackRecord {
  const { summary } = backtest;
  const ranked = summary.ranking.models;
  const meanRanks = summary.ranking.rmse.friedman?.meanRanks;
  const label = (id: string, kind: 'model' | 'baseline') =>
    kind === 'model' ? modelLabel(manifest, id) : baselineLabel(id);
  const forecasters = [
    ...summary.forecasters.filter((f) => f.kind === 'model'),
    ...summary.forecasters.filter((f) => f.kind === 'baseline'),
  ].map((f) => {
    const wins = summary.wins.find((w) => w.id === f.id);
    const rank = ranked.indexOf(f.id);
    return {
      id: f.id,
      label: label(f.id, f.kind),
      kind: f.kind,
      pooled: oneMonth(f.metrics),
      dmPValue: {
        naive: f.dm.naive?.squaredError.pValue[0] ?? null,
        ar1: f.dm.ar1?.squaredError.pValue[0] ?? null,
      },
      ...(wins ? { wins: { naive: wins.rmse.naive, ar1: wins.rmse.ar1 } } : {}),
      ...(meanRanks && rank >= 0 && meanRanks[rank] !== undefined
        ? { meanRank: meanRanks[rank] }
        : {}),
    };
  });
  const perOrigin = backtest.origins.map((block, o) => {
    const figures = Object.fromEntries(
      summary.forecasters.map(({ id }) => {
        const entry = [...block.models, ...block.baselines].find((f) => f.id === id);
        if (!entry) throw new RangeError(`backtest origin ${block.origin} lacks ${id}`);
        const h1 = oneMonth(entry.metrics);
        return [id, { rmse: h1.rmse, intervalScore80: h1.intervalScore80 }];
      }),
    );
    const ranks = Object.fromEntries(
      ranked.flatMap((id, m) => {
        const rmse = summary.ranking.rmse.ranks[o]?.[m];
        const intervalScore = summary.ranking.intervalScore.ranks[o]?.[m];
        return rmse === undefined || intervalScore === undefined
          ? []
          : [[id, { rmse, intervalScore }]];
      }),
    );
    return {
      origin: block.origin,
      forecastCount: block.forecastOrigins.count,
      figures,
      ranks,
    };
  });
  const lesson = summary.lessonOrdering;
  return {
    createdAt: backtest.createdAt,
    origins: backtest.origins.map((o) => o.origin),
    training: { seeds: backtest.training.seeds.length, epochs: backtest.training.epochs },
    wallSeconds: backtest.wallSeconds,
    forecasters,
    perOrigin,
    friedman: {
      rmse: friedman(summary.ranking.rmse.friedman),
      intervalScore: friedman(summary.ranking.intervalScore.friedman),
    },
    lesson: lesson
      ? {
          cells: lesson.cells.map((id) => modelLabel(manifest, id)) as [string, string, string],
          holds: { rmse: lesson.rmse.holds, intervalScore: lesson.intervalScore.holds },
          pValue: {
            rmse: lesson.rmse.ranking.friedman?.pValue ?? null,
            intervalScore: lesson.intervalScore.ranking.friedman?.pValue ?? null,
          },
        }
      : null,
  };
}

/** The page's track record from what `readBacktest` found: the record, or why there is none. */
export function siteTrackRecord(
  input: BacktestInput | undefined,
  manifest: Manifest,
): SiteTrackRecord {
  if (input === undefined) return { available: false, reason: 'no backtest was read' };
  return 'backtest' in input
    ? { available: true, record: trackRecord(input.backtest, manifest) }
    : { available: false, reason: input.unavailable };
}
