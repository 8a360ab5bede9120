import { formatShape } from '../cells/recurrentShapes.js';
import type {
  DenseWeights,
  ModelSpec,
  ModelWeights,
  RecurrentWeights,
  WeightArray,
} from './modelSpec.js';
import { type WeightSlot, weightSlots } from './weightShapes.js';

function checkSlot(slot: WeightSlot, index: number, array: WeightArray | undefined): WeightArray {
  const where = `weightsFromList: weight ${index} (layer ${slot.layer} ${slot.role})`;
  if (array === undefined) throw new Error(`${where} is missing`);
  const { shape } = array;
  const same = shape.length === slot.shape.length && shape.every((d, i) => d === slot.shape[i]);
  if (!same) {
    throw new Error(
      `${where} has shape ${formatShape(shape)}, expected ${formatShape(slot.shape)}`,
    );
  }
  const size = slot.shape.reduce((a, b) => a * b, 1);
  if (array.values.length !== size) {
    throw new Error(`${where} holds ${array.values.length} values, shape needs ${size}`);
  }
  return array;
}

/**
 * Groups a flat weight list, in tfjs `model.getWeights()` order, into per-layer weights:
 * per recurrent layer kernel, recurrentKernel, bias; then per dense layer kernel, bias
 * (see {@link weightSlots} for the shapes). The arrays are not copied.
 *
 * @param list - `weightSlots(spec).length` arrays (3 per recurrent layer, 2 per dense layer).
 * @throws Error if the count differs, or naming the layer, role and expected/actual shape of the
 *   first array whose shape or length does not match.
 */
export function weightsFromList(spec: ModelSpec, list: readonly WeightArray[]): ModelWeights {
  const slots = weightSlots(spec);
  if (list.length !== slots.length) {
    throw new Error(
      `weightsFromList: got ${list.length} weight arrays, the spec needs ${slots.length} ` +
        `(3 per recurrent layer, 2 per dense layer)`,
    );
  }
  const checked = slots.map((slot, i) => checkSlot(slot, i, list[i]));
  const take = (i: number): WeightArray => checked[i] as WeightArray;
  const recurrent: RecurrentWeights[] = spec.recurrent.map((_, i) => ({
    kernel: take(3 * i),
    recurrentKernel: take(3 * i + 1),
    bias: take(3 * i + 2),
  }));
  const offset = 3 * spec.recurrent.length;
  const dense: DenseWeights[] = spec.head.map((_, i) => ({
    kernel: take(offset + 2 * i),
    bias: take(offset + 2 * i + 1),
  }));
  return { recurrent, dense };
}

/**
 * Flattens model weights into tfjs `model.getWeights()` / `setWeights()` order, the inverse of
 * {@link weightsFromList}. The arrays are not copied.
 */
export function weightsToList(weights: ModelWeights): WeightArray[] {
  const list: WeightArray[] = [];
  for (const layer of weights.recurrent) {
    list.push(layer.kernel, layer.recurrentKernel, layer.bias);
  }
  for (const layer of weights.dense) list.push(layer.kernel, layer.bias);
  return list;
}
