export {
  lastValues,
  makeSeriesWindows,
  makeWindows,
  sliceWindows,
  type WindowSet,
} from './makeWindows.js';
export {
  chronologicalSplit,
  type FitValidationSplit,
  type TrainTestSplit,
  validationTail,
} from './splits.js';
