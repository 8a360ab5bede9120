import { initializers, type LayersModel, layers, sequential } from '@tensorflow/tfjs-layers';
import { denseLayerName, recurrentLayerName } from '../model/layerNames.js';
import type { ModelSpec, RecurrentLayerSpec } from '../model/modelSpec.js';
import { assertModelSpec } from '../model/validateSpec.js';
import { initializerSeed } from './initializerSeed.js';
import { registerChainedOps } from './registerChainedOps.js';

/** Options of {@link buildLayersModel}. */
export interface BuildLayersModelOptions {
  /**
   * Model seed (non-negative safe integer). When given, each random initializer gets its own seed
   * derived from (seed, layer index, kernel or recurrent kernel), so the same seed gives
   * bit-identical initial weights. When omitted, tfjs draws from `Math.random`.
   */
  seed?: number;
}

function seedArgs(
  seed: number | undefined,
  layerIndex: number,
  role: 'kernel' | 'recurrentKernel',
): { seed?: number } {
  return seed === undefined ? {} : { seed: initializerSeed(seed, layerIndex, role) };
}

function recurrentLayer(
  layer: RecurrentLayerSpec,
  index: number,
  windowLength: number,
  seed: number | undefined,
) {
  const common = {
    name: recurrentLayerName(index),
    units: layer.units,
    returnSequences: layer.returnSequences,
    activation: 'tanh' as const,
    kernelInitializer: initializers.glorotUniform(seedArgs(seed, index, 'kernel')),
    recurrentInitializer: initializers.orthogonal(seedArgs(seed, index, 'recurrentKernel')),
    biasInitializer: initializers.zeros(),
    ...(index === 0 ? { inputShape: [windowLength, 1] } : {}),
  };
  switch (layer.cell) {
    case 'simpleRNN':
      return layers.simpleRNN(common);
    case 'gru':
      return layers.gru({ ...common, recurrentActivation: 'sigmoid' });
    case 'lstm':
      return layers.lstm({ ...common, recurrentActivation: 'sigmoid', unitForgetBias: true });
  }
}

/**
 * Builds the tfjs-layers model a spec describes, with Keras' defaults set explicitly (tfjs'
 * differ): input `[windowLength, 1]` → recurrent layers `rnn_0, …` → dense layers `dense_0, …`.
 *
 * - every kernel `glorotUniform`, every recurrent kernel `orthogonal`, every bias zeros;
 * - recurrent activation the logistic `'sigmoid'` (tfjs defaults to `'hardSigmoid'`), activation tanh;
 * - LSTM `unitForgetBias: true` (forget-gate bias starts at 1);
 * - GRU: tfjs-layers implements only the `reset_after = false` form (reset gate applied before the
 *   recurrent product, one bias per gate). Keras' default is `reset_after = True`, so a tfjs GRU is
 *   not the same model as a default Keras GRU, and their weights are not interchangeable.
 *
 * Installs tfjs' chained tensor methods first if missing (see `registerChainedOps`).
 * The model is not compiled. Its `getWeights()` order is the one `weightsFromList` expects.
 * Note: tfjs' orthogonal initializer warns on the console ("Slowness may result") for recurrent
 * kernels over 2,000 elements (e.g. LSTM(32): 32×128); the warning is harmless.
 *
 * @throws Error if the spec is invalid or the seed is not a non-negative safe integer.
 * @example const model = buildLayersModel(spec, { seed: 1 }); model.countParams() // => parameterCount(spec)
 */
export function buildLayersModel(
  spec: ModelSpec,
  options: BuildLayersModelOptions = {},
): LayersModel {
  assertModelSpec(spec);
  registerChainedOps();
  const { seed } = options;
  if (seed !== undefined) initializerSeed(seed, 0, 'kernel'); // validates before building anything
  const model = sequential();
  spec.recurrent.forEach((layer, i) => {
    model.add(recurrentLayer(layer, i, spec.windowLength, seed));
  });
  spec.head.forEach((layer, j) => {
    const layerIndex = spec.recurrent.length + j;
    model.add(
      layers.dense({
        name: denseLayerName(j),
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: initializers.glorotUniform(seedArgs(seed, layerIndex, 'kernel')),
        biasInitializer: initializers.zeros(),
      }),
    );
  });
  return model;
}
