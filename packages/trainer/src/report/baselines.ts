import {
  driftForecast,
  meanLogReturn,
  naiveForecast,
  type TestMetrics,
  valuesCovered,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';
import { testMetrics } from './testMetrics.js';

/** A baseline's test predictions, errors and metrics, plus its next-month forecast. */
export interface BaselineReport {
  name: 'naive' | 'drift';
  description: string;
  testPredictions: number[];
  /** `actual − predicted` per test window, in points. */
  errors: number[];
  test: TestMetrics;
  forecast: number;
}

export interface Baselines {
  naive: BaselineReport;
  drift: BaselineReport;
  /** Mean one-month log return over the training span (fit + validation), used by drift. */
  driftMeanLogReturn: number;
}

/** The naive (last value) and drift (last × e^mean log return) baselines on the test windows. */
export function computeBaselines(split: PreparedSplit): Baselines {
  const actual = split.test.targets;
  const drift = meanLogReturn(valuesCovered(split.train));
  const report = (
    name: BaselineReport['name'],
    description: string,
    forecast: (windows: readonly (readonly number[])[]) => number[],
  ): BaselineReport => {
    const predictions = forecast(split.test.inputs);
    return {
      name,
      description,
      testPredictions: predictions,
      errors: predictions.map((p, i) => (actual[i] as number) - p),
      test: testMetrics(split, predictions),
      forecast: forecast([split.latestWindow])[0] as number,
    };
  };
  return {
    naive: report('naive', 'next month = this month', naiveForecast),
    drift: report('drift', 'next month = this month × exp(mean training log return)', (w) =>
      driftForecast(w, drift),
    ),
    driftMeanLogReturn: drift,
  };
}
