import type { ModelSpec, ModelWeights } from '@gatecast/core';

/** The two ways the worker can run a model. */
export type EngineName = 'wasm' | 'reference';

/** One model, prepared by an engine (weights uploaded, buffers allocated). */
export interface ModelRunner {
  /**
   * Outputs per window, `outputCount(spec)`: 1 for a point model (the forecast), 2 for a gaussian
   * one (`[μ, ρ]`: location and log-scale, `s = exp(ρ)`, in the scaled target space).
   */
  readonly outputs: 1 | 2;
  /**
   * Runs the model on `count` windows at once.
   *
   * @param windows - `[count · windowLength]` row-major inputs, already in the protocol's scaled
   *   space (raw index levels for `reference`, scaled log ratios for `relative`).
   * @returns `[count · outputs]` outputs in the scaled target space, row-major: output `k` of
   *   window `i` at `i · outputs + k` (so `[count]` forecasts for a point model, and
   *   `[μ₀, ρ₀, μ₁, ρ₁, …]` for a gaussian one).
   */
  predict(windows: Float32Array, count: number): Float32Array;
  /** Releases what `load` allocated, if the engine can; the runner is unusable afterwards. */
  dispose(): void;
}

/** Something that turns a model spec and its weights into a {@link ModelRunner}. */
export interface Engine {
  readonly name: EngineName;
  /** Whether the engine runs 128-bit SIMD code (wasm: always); `null` for the reference engine. */
  readonly simd: boolean | null;
  /**
   * Tensors alive on the engine's backend (0 for the kernels) and the bytes it holds (the kernels'
   * arena in use); `null` for the reference engine. Constant between requests when nothing leaks
   * (the soak test watches it).
   */
  memory(): { tensors: number; bytes: number } | null;
  /**
   * @throws Error when the weights do not fit the spec.
   */
  load(spec: ModelSpec, weights: ModelWeights): ModelRunner;
}
