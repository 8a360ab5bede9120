/** Serializable parameters of a fitted scaler: enough to rebuild it with `scalerFromParams`. */
export type ScalerParams =
  | { readonly kind: 'identity' }
  | {
      readonly kind: 'relative';
      /** Standard deviation (sample, n−1) of one-month log returns over the training span. */
      readonly logReturnStd: number;
    };

/** Kinds of scaler, matching the training protocols `reference` (identity) and `relative`. */
export type ScalerKind = ScalerParams['kind'];

/**
 * Maps a window and its target into the space a model is trained in, and a prediction back to
 * index points. Scaling may depend on the window itself (the relative scaler anchors on its last
 * value), so the target maps need the window too.
 */
export interface Scaler {
  readonly params: ScalerParams;
  /** `[length]` window in points → `[length]` model inputs. */
  scaleWindow(window: readonly number[]): number[];
  /** A target in points → the model's target space, relative to the window it follows. */
  scaleTarget(target: number, window: readonly number[]): number;
  /** A model output → index points, relative to the window it follows. */
  unscaleTarget(scaled: number, window: readonly number[]): number;
}
