/**
 * The exports of `build/kernels.wasm` (compiled from `assembly/`), typed. Pointers are byte
 * offsets into `memory`; sizes are float counts; flags are 0 or 1. See each AssemblyScript file
 * for the equations and the layouts.
 */
import type { WasmMemory } from './wasmApi.js';

/** A whole-window recurrent forward: `batch` windows of `steps` steps, in one call. */
export type RecurrentForwardKernel = (
  x: number,
  inputs: number,
  steps: number,
  batch: number,
  kernel: number,
  recurrent: number,
  bias: number,
  units: number,
  out: number,
  sequences: number,
  scratch: number,
  tape: number,
) => void;

/** Backpropagation through time of a {@link RecurrentForwardKernel} run with a tape. */
export type RecurrentBackwardKernel = (
  x: number,
  inputs: number,
  steps: number,
  batch: number,
  kernel: number,
  recurrent: number,
  units: number,
  tape: number,
  dOut: number,
  dOutSequences: number,
  dX: number,
  dKernel: number,
  dRecurrent: number,
  dBias: number,
  scratch: number,
) => void;

export interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  zero(ptr: number, count: number): void;
  simpleRnnForward: RecurrentForwardKernel;
  simpleRnnBackward: RecurrentBackwardKernel;
  simpleRnnForwardScratch(units: number): number;
  simpleRnnBackwardScratch(units: number, inputs: number, samples: number): number;
  simpleRnnTapeSize(units: number, samples: number): number;
  gruForward: RecurrentForwardKernel;
  gruBackward: RecurrentBackwardKernel;
  gruForwardScratch(units: number): number;
  gruBackwardScratch(units: number, inputs: number, samples: number): number;
  gruTapeSize(units: number, samples: number): number;
  lstmForward: RecurrentForwardKernel;
  lstmBackward: RecurrentBackwardKernel;
  lstmForwardScratch(units: number): number;
  lstmBackwardScratch(units: number, inputs: number, samples: number): number;
  lstmTapeSize(units: number, samples: number): number;
  denseForward(
    x: number,
    inputs: number,
    batch: number,
    kernel: number,
    bias: number,
    units: number,
    relu: number,
    y: number,
  ): void;
  denseBackward(
    x: number,
    inputs: number,
    batch: number,
    kernel: number,
    units: number,
    relu: number,
    y: number,
    dy: number,
    dKernel: number,
    dBias: number,
    dx: number,
    scratch: number,
  ): void;
  denseBackwardScratch(inputs: number, units: number): number;
  meanSquaredError(y: number, stride: number, targets: number, batch: number, dy: number): number;
  gaussianNll(y: number, stride: number, targets: number, batch: number, dy: number): number;
}
