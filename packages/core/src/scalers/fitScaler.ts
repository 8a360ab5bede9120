import type { WindowSet } from '../windows/makeWindows.js';
import { identityScaler } from './identityScaler.js';
import { fitLogReturnStd, relativeScaler } from './relativeScaler.js';
import type { Scaler, ScalerKind, ScalerParams } from './scaler.js';

/**
 * The contiguous values a set of consecutive windows covers: the first window, then each target.
 *
 * @throws {RangeError} when the set is empty
 */
export function valuesCovered(windows: WindowSet): number[] {
  const first = windows.inputs[0];
  if (!first) throw new RangeError('no windows');
  return [...first, ...windows.targets];
}

/**
 * Fits a scaler of `kind` on training windows only.
 *
 * @example fitScaler('relative', split.train).params // => { kind: 'relative', logReturnStd: … }
 */
export function fitScaler(kind: ScalerKind, training: WindowSet): Scaler {
  return kind === 'identity'
    ? identityScaler()
    : relativeScaler(fitLogReturnStd(valuesCovered(training)));
}

/**
 * Rebuilds a scaler from its serialized parameters (as stored in a manifest).
 *
 * @throws {RangeError} for an unknown kind or invalid parameters
 */
export function scalerFromParams(params: ScalerParams): Scaler {
  switch (params.kind) {
    case 'identity':
      return identityScaler();
    case 'relative':
      return relativeScaler(params.logReturnStd);
    default:
      throw new RangeError(
        `unknown scaler kind ${JSON.stringify((params as { kind: unknown }).kind)}`,
      );
  }
}
