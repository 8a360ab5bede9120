import type { CellKind } from '@gatecast/core';
import type {
  KernelExports,
  RecurrentBackwardKernel,
  RecurrentForwardKernel,
} from './kernelExports.js';

/** A cell's kernels and their buffer sizes (floats), looked up by cell kind. */
export interface CellKernels {
  forward: RecurrentForwardKernel;
  backward: RecurrentBackwardKernel;
  forwardScratch(units: number): number;
  backwardScratch(units: number, inputs: number, samples: number): number;
  tapeSize(units: number, samples: number): number;
}

/** The kernels of `cell` in `exports`. */
export function cellKernels(exports: KernelExports, cell: CellKind): CellKernels {
  switch (cell) {
    case 'simpleRNN':
      return {
        forward: exports.simpleRnnForward,
        backward: exports.simpleRnnBackward,
        forwardScratch: exports.simpleRnnForwardScratch,
        backwardScratch: exports.simpleRnnBackwardScratch,
        tapeSize: exports.simpleRnnTapeSize,
      };
    case 'gru':
      return {
        forward: exports.gruForward,
        backward: exports.gruBackward,
        forwardScratch: exports.gruForwardScratch,
        backwardScratch: exports.gruBackwardScratch,
        tapeSize: exports.gruTapeSize,
      };
    case 'lstm':
      return {
        forward: exports.lstmForward,
        backward: exports.lstmBackward,
        forwardScratch: exports.lstmForwardScratch,
        backwardScratch: exports.lstmBackwardScratch,
        tapeSize: exports.lstmTapeSize,
      };
  }
}
