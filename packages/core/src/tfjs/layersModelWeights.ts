import { tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ModelSpec, ModelWeights, WeightArray } from '../model/modelSpec.js';
import { weightsFromList, weightsToList } from '../model/weights.js';

/**
 * Reads a tfjs model's weights into core's layout (copies, so later training does not change
 * them). The model must be the one `buildLayersModel(spec)` builds, or have the same weight order.
 *
 * @throws Error (from `weightsFromList`) naming the layer whose weight shape does not match `spec`.
 */
export function weightsFromLayersModel(spec: ModelSpec, model: LayersModel): ModelWeights {
  const list: WeightArray[] = model.getWeights().map((t) => {
    if (t.dtype !== 'float32') throw new Error(`weightsFromLayersModel: weight dtype ${t.dtype}`);
    return { shape: [...t.shape], values: new Float32Array(t.dataSync()) };
  });
  return weightsFromList(spec, list);
}

/**
 * Sets a tfjs model's weights from core's layout (the inverse of {@link weightsFromLayersModel}),
 * e.g. to run saved weights through tfjs. Temporary tensors are disposed.
 */
export function setLayersModelWeights(model: LayersModel, weights: ModelWeights): void {
  const tensors = weightsToList(weights).map((w) => tensor(w.values, w.shape, 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    for (const t of tensors) t.dispose();
  }
}
