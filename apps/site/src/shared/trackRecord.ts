/**
 * The track record as the page shows it: `models/backtest.json` reduced to its one-month-ahead
 * figures (built at build time by `src/build/trackRecord.ts`; the tables render it, the browser's
 * charts draw it). Errors, widths and scores in index points; `null` where the backtest has no
 * figure (no forecast of that horizon had a target in the data).
 */

/** The one-month-ahead figures of a forecaster over a set of forecasts. */
export interface TrackRecordFigures {
  rmse: number | null;
  mae: number | null;
  coverage80: number | null;
  intervalScore80: number | null;
  coverage95: number | null;
  intervalScore95: number | null;
}

/** A model or baseline pooled over every origin. */
export interface TrackRecordForecaster {
  id: string;
  /** e.g. `GRU(32) + scale`, `AR(1)`. */
  label: string;
  kind: 'model' | 'baseline';
  pooled: TrackRecordFigures;
  /** Diebold–Mariano p-values of the pooled one-month squared errors; null for the baseline itself. */
  dmPValue: { naive: number | null; ar1: number | null };
  /** Models: origins whose one-month RMSE was below naive's / AR(1)'s. */
  wins?: { naive: number; ar1: number };
  /** Models: mean rank by one-month RMSE over the origins (1 = best), Friedman's. */
  meanRank?: number;
}

/** One origin: every forecaster's one-month figures on its block of forecasts. */
export interface TrackRecordOrigin {
  /** The January the refit never saw, `YYYY-01-01`. */
  origin: string;
  /** Months forecast from in this block. */
  forecastCount: number;
  /** By forecaster id. */
  figures: Record<string, { rmse: number | null; intervalScore80: number | null }>;
  /** Models' ranks at this origin (1 = best), by id: by one-month RMSE and by interval score. */
  ranks: Record<string, { rmse: number; intervalScore: number }>;
}

/** Friedman's test of the models' ranks across origins. */
export interface TrackRecordFriedman {
  statistic: number;
  df: number;
  pValue: number;
  kendallW: number;
}

/** Everything the track-record section shows. */
export interface TrackRecord {
  /** When the backtest was written (ISO). */
  createdAt: string;
  /** Origins in time order, `YYYY-01-01`. */
  origins: string[];
  training: { seeds: number; epochs: number };
  wallSeconds: number;
  /** Models (ranked, in the backtest's order), then the baselines. */
  forecasters: TrackRecordForecaster[];
  perOrigin: TrackRecordOrigin[];
  /** By one-month RMSE, and by the one-month interval score (mean of 80% and 95%). */
  friedman: { rmse: TrackRecordFriedman | null; intervalScore: TrackRecordFriedman | null };
  /** The lesson's ordering (SimpleRNN worst, LSTM best among its three cells); null if untestable. */
  lesson: {
    /** Labels, worst claimed first. */
    cells: [string, string, string];
    holds: { rmse: number; intervalScore: number };
    pValue: { rmse: number | null; intervalScore: number | null };
  } | null;
}

/** The page's track record, or why the registry has none. */
export type SiteTrackRecord =
  | { available: true; record: TrackRecord }
  | { available: false; reason: string };
