import {
  type ForecastPaths,
  INTERVAL_LEVELS,
  type IntervalLevel,
  MAX_HORIZON,
  pathBands,
} from '@gatecast/core';
import type { Engine, ModelRunner } from '../engine/engine.js';
import type { LoadedRegistry, RefusedModel, VerifiedModel } from '../registry/loadRegistry.js';
import { type ForecastModel, modelPaths } from './modelPaths.js';

/** The path from the series' last month, computed once when a model is loaded. */
export interface CanonicalPath {
  /** `[MAX_HORIZON]` forecasts of the months after the series' last, index points. */
  values: number[];
  /** `[MAX_HORIZON]` path scales, for a `[location, log-scale]` model. */
  scales?: number[];
  /** The first month as the manifest records it: `values[0]`, index points. */
  forecast: number;
  /** The first month's bands at the registry's levels (80, 95), from its calibration. */
  intervals: Record<IntervalLevel, [number, number]>;
}

/** A model the API serves: on its engine, with its 12-month path computed at load. */
export interface ServedModel extends ForecastModel {
  /** The path from the series' last `windowLength` months (what GET /v1/forecast serves). */
  canonical: CanonicalPath;
}

/** What a lookup finds: a served model, a refused one, or nothing by that id. */
export type Lookup = { served: ServedModel } | { refused: RefusedModel } | undefined;

/**
 * Tolerance for a loaded model's canonical output (its first scaled output, and each month of its
 * path) against the trainer's record, relative to max(1, |recorded|). Engines agree to ~1e-5; a
 * model off by more has the wrong weights.
 */
const RELOAD_TOLERANCE = 1e-3;

const agrees = (actual: number | undefined, recorded: number): boolean =>
  actual !== undefined &&
  Math.abs(actual - recorded) <= RELOAD_TOLERANCE * Math.max(1, Math.abs(recorded));

/**
 * The registry's verified models, put on the engine on first use: a request for one model loads
 * only that model (weights uploaded, canonical 12-month path computed and cached), which keeps an
 * isolate's first request cheap. A model whose canonical path disagrees with the one the trainer
 * recorded (`forecast.scaledValue` and `forecast.path`), or that the engine cannot load, is
 * refused from then on.
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
    let runner: ModelRunner;
    try {
      runner = this.#engine.load(entry.spec, verified.weights);
    } catch {
      this.#refused.push({ id, reason: `the ${this.#engine.name} engine could not load it` });
      return undefined;
    }
    const model = { entry, scaler: verified.scaler, runner };
    let paths: ForecastPaths | undefined;
    try {
      paths = modelPaths(model, [this.#registry.latest.window], MAX_HORIZON);
    } catch {
      paths = undefined;
    }
    const values = paths?.values[0];
    const recordedPath = entry.forecast.path;
    if (
      !paths ||
      !values ||
      !agrees(paths.firstScaled[0], entry.forecast.scaledValue) ||
      recordedPath.length !== MAX_HORIZON ||
      !recordedPath.every((point, i) => agrees(values[i], point.value))
    ) {
      runner.dispose();
      this.#refused.push({ id, reason: 'the weights do not reproduce the recorded forecast' });
      return undefined;
    }
    const scales = paths.scales?.[0];
    const [first] = pathBands({
      calibration: entry.calibration,
      path: { values: values.slice(0, 1), ...(scales ? { scales: scales.slice(0, 1) } : {}) },
      levels: INTERVAL_LEVELS.map(Number),
      protocol: entry.protocol,
    });
    const canonical: CanonicalPath = {
      values,
      ...(scales ? { scales } : {}),
      forecast: values[0] as number,
      intervals: first?.intervals as CanonicalPath['intervals'],
    };
    const served = { ...model, canonical };
    this.#served.set(id, served);
    return served;
  }
}
