/**
 * The wasm kernels the forward pass uses, registered one by one instead of the backend's
 * `register_all_kernels` (≈140 kernels) to keep the bundle and the backend's start-up small.
 * Kernels must be registered before `setBackend('wasm')`, which runs their setup.
 */
import { _fusedMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/_FusedMatMul.js';
import { addConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Add.js';
import { concatConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Concat.js';
import { identityConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Identity.js';
import { multiplyConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Multiply.js';
import { reshapeConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Reshape.js';
import { sigmoidConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Sigmoid.js';
import { splitVConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/SplitV.js';
import { subConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Sub.js';
import { tanhConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Tanh.js';
import { getKernel, type KernelConfig, registerKernel } from '@tensorflow/tfjs-core';

const KERNELS: readonly KernelConfig[] = [
  _fusedMatMulConfig,
  addConfig,
  concatConfig,
  identityConfig,
  multiplyConfig,
  reshapeConfig,
  sigmoidConfig,
  splitVConfig,
  subConfig,
  tanhConfig,
];

/** Registers {@link KERNELS} for the wasm backend; idempotent. */
export function registerWasmKernels(): void {
  for (const kernel of KERNELS) {
    if (getKernel(kernel.kernelName, 'wasm') === undefined) registerKernel(kernel);
  }
}
