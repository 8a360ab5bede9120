// The kernels module's exports. Every pointer is a byte offset into the exported memory; the host
// lays its buffers out above `heapBase()` (the module keeps no state of its own and never
// allocates).
export {
  denseBackward,
  denseBackwardScratch,
  denseForward,
  gaussianNll,
  meanSquaredError,
} from './dense';
export {
  gruBackward,
  gruBackwardScratch,
  gruForward,
  gruForwardScratch,
  gruTapeSize,
} from './gru';
export { copy, gemvAcc, matTmulAcc, zero } from './linearAlgebra';
export {
  lstmBackward,
  lstmBackwardScratch,
  lstmForward,
  lstmForwardScratch,
  lstmTapeSize,
} from './lstm';
export {
  simpleRnnBackward,
  simpleRnnBackwardScratch,
  simpleRnnForward,
  simpleRnnForwardScratch,
  simpleRnnTapeSize,
} from './simpleRnn';

/** First free byte above the module's static data (16-byte aligned). */
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}
