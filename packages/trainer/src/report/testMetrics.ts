import {
  directionalAccuracy,
  lastValues,
  mae,
  mape,
  mase,
  naiveScale,
  rmse,
  type TestMetrics,
} from '@gatecast/core';
import type { PreparedSplit } from '../data/prepareData.js';

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
