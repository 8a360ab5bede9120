/**
 * The Keras lesson's published test figures — quotations, not measurements of this project.
 *
 * Source: the lesson gatecast reproduces (a Keras lesson comparing SimpleRNN, GRU and LSTM
 * forecasters of the monthly S&P 500), as quoted in the project's page on it,
 * [`docs/lesson.md`](../../../docs/lesson.md#the-published-figures): test RMSE 917.1 / 568.9 /
 * 423.4 and MAE 578.0 / 377.4 / 293.5 for SimpleRNN / GRU / LSTM. Units: S&P 500 index points, on
 * the lesson's 184 test windows (targets 2011-02 .. 2026-05), raw index levels in and out, one run
 * each.
 *
 * This is the only module where figures are typed by hand; every other number on the site is read
 * from the model registry or the API.
 */

/** Where the quoted figures come from, for display beside them. */
export const LESSON_CITATION =
  'the Keras lesson gatecast reproduces (SimpleRNN, GRU and LSTM forecasters of the monthly S&P 500 on raw index levels, one run each), as quoted in the project’s page on it, docs/lesson.md (“The published figures”).';

/** One cell's published test figures, in index points. */
export interface LessonFigure {
  /** The cell as the lesson names it. */
  cellLabel: 'SimpleRNN' | 'GRU' | 'LSTM';
  /** The registry config that reproduces the lesson's layer for this cell (32 units). */
  configName: 'simplernn-32' | 'gru-32' | 'lstm-32';
  rmse: number;
  mae: number;
}

/** The lesson's table, in its order. */
export const LESSON_FIGURES: readonly LessonFigure[] = [
  { cellLabel: 'SimpleRNN', configName: 'simplernn-32', rmse: 917.1, mae: 578.0 },
  { cellLabel: 'GRU', configName: 'gru-32', rmse: 568.9, mae: 377.4 },
  { cellLabel: 'LSTM', configName: 'lstm-32', rmse: 423.4, mae: 293.5 },
];
