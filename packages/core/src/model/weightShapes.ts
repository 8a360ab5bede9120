import { denseLayerName, recurrentLayerName } from './layerNames.js';
import { gateCount, type ModelSpec } from './modelSpec.js';

/** One entry of a model's flat weight list. */
export interface WeightSlot {
  /** Layer name, e.g. `rnn_0` or `dense_1`. */
  layer: string;
  role: 'kernel' | 'recurrentKernel' | 'bias';
  shape: number[];
}

/**
 * The shapes of a model's weights in the flat order tfjs `model.getWeights()` returns them: per
 * recurrent layer kernel `[in, k·u]`, recurrentKernel `[u, k·u]`, bias `[k·u]`; then per dense layer
 * kernel `[in, m]`, bias `[m]`. The first layer's input width is 1 (one series value per month).
 *
 * @example weightSlots(lstm32Spec)[1] // => { layer: 'rnn_0', role: 'recurrentKernel', shape: [32, 128] }
 */
export function weightSlots(spec: ModelSpec): WeightSlot[] {
  const slots: WeightSlot[] = [];
  let inputSize = 1;
  spec.recurrent.forEach((layer, i) => {
    const name = recurrentLayerName(i);
    const width = gateCount(layer.cell) * layer.units;
    slots.push({ layer: name, role: 'kernel', shape: [inputSize, width] });
    slots.push({ layer: name, role: 'recurrentKernel', shape: [layer.units, width] });
    slots.push({ layer: name, role: 'bias', shape: [width] });
    inputSize = layer.units;
  });
  spec.head.forEach((layer, i) => {
    const name = denseLayerName(i);
    slots.push({ layer: name, role: 'kernel', shape: [inputSize, layer.units] });
    slots.push({ layer: name, role: 'bias', shape: [layer.units] });
    inputSize = layer.units;
  });
  return slots;
}
