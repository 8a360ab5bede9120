/**
 * `@gatecast/core/kernels`: direct tfjs-core kernel calls for hot loops (the trainer's fused loop,
 * the worker's wasm engine). Imports only `@tensorflow/tfjs-core`.
 */
export * from './kernels.js';
