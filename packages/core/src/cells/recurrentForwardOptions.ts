/** Options shared by the recurrent cells' whole-sequence forward passes. */
export interface RecurrentForwardOptions {
  /**
   * `true`: return every hidden state, `[timeSteps, units]` row-major (Keras `return_sequences`);
   * `false`: return only the last one, `[units]`.
   */
  returnSequences: boolean;
}
