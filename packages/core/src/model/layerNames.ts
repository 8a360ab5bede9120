/**
 * Stable layer names shared by `buildLayersModel` (tfjs layer names), weight validation errors and
 * saved-model manifests: recurrent layers `rnn_0, rnn_1, …`, head layers `dense_0, dense_1, …`.
 */

/** Name of the `index`-th recurrent layer, e.g. `rnn_0`. */
export function recurrentLayerName(index: number): string {
  return `rnn_${index}`;
}

/** Name of the `index`-th dense (head) layer, e.g. `dense_0`. */
export function denseLayerName(index: number): string {
  return `dense_${index}`;
}
