import type { Engine } from '../engine/engine.js';
import type { LoadedRegistry, RefusedModel, VerifiedModel } from '../registry/loadRegistry.js';
import { type ForecastModel, forecastWindows, type PointForecast } from './forecastWindows.js';

/** A model the API serves: on its engine, with its next-month forecast computed at load. */
export interface ServedModel extends ForecastModel {
  /** Forecast of the month after the series' last, from its last `windowLength` months. */
  canonical: PointForecast;
}

/** What a lookup finds: a served model, a refused one, or nothing by that id. */
export type Lookup = { served: ServedModel } | { refused: RefusedModel } | undefined;

/**
 * Tolerance for a loaded model's canonical output against the trainer's record, relative to
 * max(1, |recorded|). Engines agree to ~1e-5; a model off by more has the wrong weights.
 */
const RELOAD_TOLERANCE = 1e-3;

/**
 * The registry's verified models, put on the engine on first use: a request for one model loads
 * only that model (weights uploaded, canonical forecast computed and cached), which keeps an
 * isolate's first request cheap. A model whose canonical output disagrees with the one the trainer
 * recorded, or that the engine cannot load, is refused from then on.
 */
export class ModelPool {
  readonly #registry: LoadedRegistry;
  readonly #engine: Engine;
  readonly #pending: Map<string, VerifiedModel>;
  readonly #served = new Map<string, ServedModel>();
  readonly #refused: RefusedModel[];

  constructor(registry: LoadedRegistry, engine: Engine) {
    this.#registry = registry;
    this.#engine = engine;
    this.#pending = new Map(registry.models.map((m) => [m.entry.id, m]));
    this.#refused = [...registry.refused];
  }

  /** The model with this id, loading it if it was not yet. */
  lookup(id: string): Lookup {
    const served = this.#served.get(id) ?? this.#load(id);
    if (served) return { served };
    const refused = this.#refused.find((r) => r.id === id);
    return refused ? { refused } : undefined;
  }

  /** Every model, each loaded: served ones in manifest order, and the refused with reasons. */
  all(): { served: ServedModel[]; refused: RefusedModel[] } {
    for (const id of [...this.#pending.keys()]) this.#load(id);
    const served = this.#registry.models.flatMap((m) => {
      const model = this.#served.get(m.entry.id);
      return model ? [model] : [];
    });
    return { served, refused: [...this.#refused] };
  }

  /** Ids of the models that passed the registry's checks (loaded or not yet), in manifest order. */
  verifiedIds(): string[] {
    return this.#registry.models.map((m) => m.entry.id);
  }

  #load(id: string): ServedModel | undefined {
    const verified = this.#pending.get(id);
    if (!verified) return undefined;
    this.#pending.delete(id);
    const { entry } = verified;
    try {
      const runner = this.#engine.load(entry.spec, verified.weights);
      const model = { entry, scaler: verified.scaler, runner };
      const [canonical] = forecastWindows(model, [this.#registry.latest.window]);
      const recorded = entry.forecast.scaledValue;
      const tolerance = RELOAD_TOLERANCE * Math.max(1, Math.abs(recorded));
      if (!canonical || !(Math.abs(canonical.scaled - recorded) <= tolerance)) {
        runner.dispose();
        this.#refused.push({ id, reason: 'the weights do not reproduce the recorded forecast' });
        return undefined;
      }
      const served = { ...model, canonical };
      this.#served.set(id, served);
      return served;
    } catch {
      this.#refused.push({ id, reason: `the ${this.#engine.name} engine could not load it` });
      return undefined;
    }
  }
}
