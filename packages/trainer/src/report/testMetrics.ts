import { directionalAccuracy, lastValues, mae, mape, mase, naiveScale, rmse } from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';

/** Point-forecast accuracy on the test windows, in index points (MAPE in percent). */
export interface TestMetrics {
  rmse: number;
  mae: number;
  /** MAE over the training set's in-sample naive MAE. */
  mase: number;
  mape: number;
  /** Share of test months whose direction of move (vs the window's last value) was right. */
  directionalAccuracy: number;
}

/** Scores test predictions (in points) against the split's test targets. */
export function testMetrics(split: PreparedSplit, predictions: readonly number[]): TestMetrics {
  const actual = split.test.targets;
  const scale = naiveScale(lastValues(split.train), split.train.targets);
  return {
    rmse: rmse(actual, predictions),
    mae: mae(actual, predictions),
    mase: mase(actual, predictions, scale),
    mape: mape(actual, predictions),
    directionalAccuracy: directionalAccuracy(actual, predictions, lastValues(split.test)),
  };
}
