import { ApiError } from '../http/problem.js';
import type { ServedModel } from './modelPool.js';
import type { ServingState } from './servingState.js';

/**
 * The served model with this id, or the registry's default model when `id` is undefined; loads
 * it on the engine on first use.
 *
 * @throws {ApiError} `unknown-model` (404) for an id the registry does not list;
 *   `model-unavailable` (503) for a listed model that failed its checks.
 */
export function findModel(state: ServingState, id: string | undefined): ServedModel {
  const wanted = id ?? state.registry.manifest.defaultModel;
  const found = state.models.lookup(wanted);
  if (found && 'served' in found) return found.served;
  if (found) {
    throw new ApiError(
      'model-unavailable',
      `model ${wanted} is not served: ${found.refused.reason}`,
      {
        headers: { 'Retry-After': '3600' },
      },
    );
  }
  const known = state.models.verifiedIds().join(', ');
  throw new ApiError('unknown-model', `no model '${wanted}'; served models: ${known || 'none'}`);
}
