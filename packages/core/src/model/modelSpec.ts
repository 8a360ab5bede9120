/**
 * The model-spec type shared by the trainer (which builds and trains it with tfjs-layers) and the
 * edge (which runs it with core's plain-TypeScript cells or tfjs ops).
 *
 * A spec describes `input [windowLength, 1] → recurrent layers → dense head → [1]`.
 */

/** Recurrent cell kinds, named as in Keras/tfjs-layers. */
export type CellKind = 'simpleRNN' | 'gru' | 'lstm';

/** The two training protocols: raw levels (faithful to the lesson) or core's relative scaler. */
export type Protocol = 'reference' | 'relative';

/** Activations the dense head may use. */
export type DenseActivation = 'relu' | 'linear';

/** One recurrent layer. Every layer but the last must set `returnSequences: true`. */
export interface RecurrentLayerSpec {
  cell: CellKind;
  /** Hidden size (state width). */
  units: number;
  /** Emit the whole sequence `[T, units]` instead of the last state `[units]`. */
  returnSequences: boolean;
}

/** One fully connected layer of the head. */
export interface DenseLayerSpec {
  units: number;
  activation: DenseActivation;
}

/** A whole model: `[windowLength, 1]` → recurrent stack → dense head (last layer has 1 unit). */
export interface ModelSpec {
  /** Months per input window (12 in the lesson). */
  windowLength: number;
  recurrent: RecurrentLayerSpec[];
  head: DenseLayerSpec[];
  protocol: Protocol;
}

/** A dense float32 array with its shape (row-major), as tfjs `getWeights()` yields them. */
export interface WeightArray {
  shape: number[];
  values: Float32Array;
}

/**
 * Weights of a recurrent layer in the tfjs/Keras layout, where `k` is the number of gate blocks
 * (SimpleRNN 1; GRU 3 in order z, r, h; LSTM 4 in order i, f, c, o):
 * kernel `[inputSize, k·units]`, recurrentKernel `[units, k·units]`, bias `[k·units]`.
 */
export interface RecurrentWeights {
  kernel: WeightArray;
  recurrentKernel: WeightArray;
  bias: WeightArray;
}

/** Weights of a dense layer: kernel `[inputSize, units]`, bias `[units]`. */
export interface DenseWeights {
  kernel: WeightArray;
  bias: WeightArray;
}

/** All weights of a model, in spec order. */
export interface ModelWeights {
  recurrent: RecurrentWeights[];
  dense: DenseWeights[];
}

/** Number of gate blocks `k` in a cell's fused kernels. */
export function gateCount(cell: CellKind): number {
  return cell === 'simpleRNN' ? 1 : cell === 'gru' ? 3 : 4;
}
