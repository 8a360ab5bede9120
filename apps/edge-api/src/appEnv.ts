import type { EngineName } from './engine/engine.js';
import type { ServingState } from './serving/servingState.js';

/** How start-up went: the serving state, or why there is none (client-safe). */
export type Startup =
  | { ok: true; state: ServingState }
  | { ok: false; reason: string; preferredEngine: EngineName };

/** Hono environment of the app: the worker's bindings and per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    startup: Startup;
    /**
     * The serving state.
     *
     * @throws {ApiError} `registry-unavailable` when start-up failed.
     */
    state: () => ServingState;
  };
}
