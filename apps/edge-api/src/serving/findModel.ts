import { chooseDefaultModel } from '@gatecast/core';
import { ApiError } from '../http/problem.js';
import type { ServedModel } from './modelPool.js';
import type { ServingState } from './servingState.js';

/** Why the API serves another model than the registry's default: that one was refused. */
export interface DefaultFallback {
  /** The registry's default model (`manifest.defaultModel`). */
  requested: string;
  /** Why it is not served. */
  reason: string;
}

/** The model served when a request names none, and the fallback, when it is not the registry's. */
export interface DefaultChoice {
  model: ServedModel;
  fallback: DefaultFallback | null;
}

/**
 * The default model: the registry's (`manifest.defaultModel`) when it is served; when it was
 * refused, the best remaining model by the trainer's own rule (core's `chooseDefaultModel`: the
 * gated forecaster with the lowest validation RMSE, then the best forecaster, then the best of
 * all), with the reason.
 *
 * @returns `undefined` when no model at all can be served.
 */
export function chooseServedDefault(state: ServingState): DefaultChoice | undefined {
  const requested = state.registry.manifest.defaultModel;
  const found = state.models.lookup(requested);
  if (found && 'served' in found) return { model: found.served, fallback: null };
  const { served } = state.models.all();
  if (served.length === 0) return undefined;
  const id = chooseDefaultModel(served.map((m) => m.entry));
  const model = served.find((m) => m.entry.id === id) as ServedModel;
  const reason = found ? found.refused.reason : 'it is not in the registry';
  return { model, fallback: { requested, reason } };
}

/**
 * What a response says of the default: `{ defaultFallback }` when the request named no model and
 * the registry's default is not served; `{}` otherwise. Spread it into the response body.
 */
export function defaultFallbackOf(
  state: ServingState,
  id: string | undefined,
): { defaultFallback?: DefaultFallback } {
  if (id !== undefined) return {};
  const fallback = chooseServedDefault(state)?.fallback;
  return fallback ? { defaultFallback: fallback } : {};
}

/**
 * The served model with this id, or the default model (see {@link chooseServedDefault}) when
 * `id` is undefined; loads it on the engine on first use.
 *
 * @throws {ApiError} `unknown-model` (404) for an id the registry does not list;
 *   `model-unavailable` (503) for a listed model that failed its checks, or when no model at all
 *   can be served.
 */
export function findModel(state: ServingState, id: string | undefined): ServedModel {
  if (id === undefined) {
    const choice = chooseServedDefault(state);
    if (!choice) {
      throw new ApiError('model-unavailable', 'no model can be served: every one was refused', {
        headers: { 'Retry-After': '3600' },
      });
    }
    return choice.model;
  }
  const found = state.models.lookup(id);
  if (found && 'served' in found) return found.served;
  if (found) {
    throw new ApiError('model-unavailable', `model ${id} is not served: ${found.refused.reason}`, {
      headers: { 'Retry-After': '3600' },
    });
  }
  const known = state.models.verifiedIds().join(', ');
  throw new ApiError('unknown-model', `no model '${id}'; served models: ${known || 'none'}`);
}
