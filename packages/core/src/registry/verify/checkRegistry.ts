/**
 * The one check of a model registry before anything serves it: codegen runs it before a build (and
 * so before a deploy), the worker runs it again while it starts, the trainer before it swaps a new
 * registry in. Plain TypeScript over the files' contents (no I/O, no tfjs): every reader passes
 * what it read and its own sha256.
 */
import { PROTOCOL_ROLES } from '../../constants.js';
import { parseMonthlyCsv } from '../../csv/parseMonthlyCsv.js';
import { modelForward } from '../../model/forward.js';
import type { ModelWeights } from '../../model/modelSpec.js';
import { weightsFromList } from '../../model/weights.js';
import { scalerFromParams } from '../../scalers/fitScaler.js';
import type { Scaler } from '../../scalers/scaler.js';
import type { MonthlySeries } from '../../series/monthlySeries.js';
import type { Manifest } from '../manifest.js';
import type { ManifestModel } from '../manifestModel.js';
import { parseManifest, parseResults, RegistryFormatError } from '../parse.js';
import type { Results } from '../results.js';
import { asBytes, decodeLayersWeights, ModelFilesError } from './layersWeights.js';

/**
 * How far a model's output may be from what the registry records, relative to
 * `max(1, |recorded|)`: 1e-4.
 *
 * The recorded numbers come from tfjs on the backend that trained (wasm, tensorflow or webgl), the
 * check runs core's plain-TypeScript forward pass. Both work in float32; engines agree to ~1e-5
 * relative, and core against the committed registry's wasm predictions differs by at most ~1e-7.
 * 1e-4 leaves ten times the engines' spread, and is still far below anything the registry reports:
 * a forecast moved by 0.01 % (0.7 points at 7,000) is ~200 times smaller than a model's test RMSE.
 * Wrong weights move forecasts by whole percents.
 */
export const REPLAY_TOLERANCE = 1e-4;

/** The raw contents of a registry: as the worker bundles them, or as a reader loads them. */
export interface RegistryContents {
  /** `manifest.json` as text. */
  manifestText: string;
  /** `results.json` as text: the test predictions every model must reproduce. */
  resultsText: string;
  /** The series the models were trained on (`manifest.data`), as text. */
  seriesCsv: string;
  /**
   * Every file the manifest lists per model, keyed by its path relative to the registry root
   * (`<id>/model.json` → text, `<id>/weights.bin` → bytes). A missing key is a missing file.
   */
  files: Readonly<Record<string, string | ArrayBuffer | ArrayBufferView>>;
}

/** Lowercase hex sha256 of text (as UTF-8) or bytes. */
export type Sha256Hex = (data: string | Uint8Array) => string | Promise<string>;

/**
 * Runs a checked model on `count` windows at once, in its scaled space: `[count · windowLength]`
 * row-major inputs in, its first output per window (the forecast of a point model, the location μ
 * of a gaussian one) out, `[count]`.
 */
export type ReplayRunner = (
  model: CheckedModel,
  windows: Float32Array,
  count: number,
) => ArrayLike<number>;

/** core's plain-TypeScript forward pass, one window after the other. */
export const coreReplay: ReplayRunner = (model, windows, count) => {
  const { spec } = model.entry;
  const length = spec.windowLength;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = modelForward(spec, model.weights, windows.subarray(i * length, (i + 1) * length));
  }
  return out;
};

export interface CheckRegistryOptions {
  /** The reader's sha256 (WebCrypto in the worker, `node:crypto` in Node). */
  sha256: Sha256Hex;
  /** Relative tolerance of every reproduced output; {@link REPLAY_TOLERANCE} by default. */
  tolerance?: number;
  /**
   * What runs the models for the replay: core's forward pass ({@link coreReplay}) by default. The
   * worker passes its serving engine's batched runner, so it checks what it will serve, in one
   * call per model.
   */
  run?: ReplayRunner;
}

/** A model that passed every check: its weights and scaler, ready for an engine. */
export interface CheckedModel {
  entry: ManifestModel;
  weights: ModelWeights;
  scaler: Scaler;
}

/** A model the manifest lists that must not be served, and why (safe to show to clients). */
export interface RefusedModel {
  id: string;
  reason: string;
}

/** A registry after {@link checkRegistry}. */
export interface CheckedRegistry {
  manifest: Manifest;
  results: Results;
  /** The months the checks read: the test windows' and the latest window's, oldest first. */
  series: MonthlySeries;
  /** `[windowLength]` the series' last months in points: the input of every canonical forecast. */
  latestWindow: number[];
  /** In manifest order. */
  models: CheckedModel[];
  refused: RefusedModel[];
}

/** Raised when a registry cannot be served at all (manifest, results or series unusable). */
export class RegistryCheckError extends Error {
  override readonly name = 'RegistryCheckError';
}

/** The test period as windows of the series: inputs in points and the predictions to reproduce. */
interface TestWindows {
  dates: readonly string[];
  /** `[count][windowLength]` in points. */
  windows: number[][];
}

const close = (value: number, recorded: number, tolerance: number) =>
  Math.abs(value - recorded) <= tolerance * Math.max(1, Math.abs(recorded));

/** `x` with up to 6 significant digits, for reasons. */
const show = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

function parseJson<T>(text: string, file: string, parse: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RegistryCheckError(`${file} is not valid JSON`);
  }
  try {
    return parse(json);
  } catch (error) {
    // `<file> is invalid: <path>: <message>`
    if (error instanceof RegistryFormatError) throw new RegistryCheckError(error.message);
    throw error;
  }
}

/**
 * The series months the checks need, after checking the whole text's sha256 against the
 * manifest. A file with that hash is the one the trainer parsed and validated in full, so only the
 * header and the last `test + windowLength` rows are parsed (all 917 rows cost ~3 ms in a cold
 * isolate).
 */
async function readSeries(
  contents: RegistryContents,
  manifest: Manifest,
  sha256: Sha256Hex,
): Promise<MonthlySeries> {
  if ((await sha256(contents.seriesCsv)) !== manifest.data.sha256) {
    throw new RegistryCheckError('the bundled series does not match the manifest data sha256');
  }
  const lines = contents.seriesCsv.trimEnd().split(/\r?\n/);
  const { windowLength, test } = manifest.split;
  const months = lines.length - 1;
  if (months !== manifest.data.months || months < windowLength + test.count) {
    throw new RegistryCheckError(
      `the bundled series has ${months} months, the manifest says ${manifest.data.months}`,
    );
  }
  const rows = lines.slice(-(windowLength + test.count));
  const tail = parseMonthlyCsv([lines[0], ...rows].join('\n'));
  const last = tail.dates[tail.dates.length - 1];
  if (last !== manifest.data.last) {
    throw new RegistryCheckError(
      `the bundled series ends ${last}, the manifest says ${manifest.data.last}`,
    );
  }
  return tail;
}

/**
 * The test windows of `results.json` cut from the series, after checking that the results describe
 * this series: `manifest.split.test.count` target months, each with its actual close and the close
 * before it exactly as the series has them.
 */
function testWindows(manifest: Manifest, results: Results, series: MonthlySeries): TestWindows {
  const { windowLength, test } = manifest.split;
  const { dates, actual, lastValues } = results.test;
  if (dates.length !== test.count || actual.length !== test.count) {
    throw new RegistryCheckError(
      `results.json has ${dates.length} test months, the manifest says ${test.count}`,
    );
  }
  const index = new Map(series.dates.map((d, i) => [d, i]));
  const windows = dates.map((date, i) => {
    const k = index.get(date);
    if (k === undefined || k < windowLength) {
      throw new RegistryCheckError(`results.json's test month ${date} is not in the series`);
    }
    if (series.values[k] !== actual[i] || series.values[k - 1] !== lastValues[i]) {
      throw new RegistryCheckError(
        `results.json's test month ${date} does not match the series' closes`,
      );
    }
    return series.values.slice(k - windowLength, k);
  });
  return { dates, windows };
}

/** The model's output on one window of points: scaled, and mapped back to points. */
function predict(
  entry: ManifestModel,
  weights: ModelWeights,
  scaler: Scaler,
  window: readonly number[],
) {
  // tfjs ran the model on float32 inputs: so does the check.
  const scaled = modelForward(entry.spec, weights, Float32Array.from(scaler.scaleWindow(window)));
  return { scaled, points: scaler.unscaleTarget(scaled, window) };
}

/**
 * Checks a model's files against its manifest entry, before running it: both files are there and
 * match their sha256; the scaler and the role fit the protocol and the spec the registry's window length; the
 * files decode to the spec's weights (format, names, shapes, size) and every weight is finite.
 *
 * @param windowLength the registry's (`manifest.split.windowLength`)
 * @throws {ModelFilesError} with a client-safe reason at the first failure
 */
export async function checkModelFiles(
  entry: ManifestModel,
  files: RegistryContents['files'],
  options: { sha256: Sha256Hex; windowLength: number },
): Promise<CheckedModel> {
  const modelJson = files[entry.files.modelJson];
  const weightsBin = files[entry.files.weights];
  if (typeof modelJson !== 'string') throw new ModelFilesError('model.json is missing');
  if (weightsBin === undefined || typeof weightsBin === 'string') {
    throw new ModelFilesError('weights.bin is missing');
  }
  const bytes = asBytes(weightsBin);
  const [jsonHash, weightsHash] = await Promise.all([
    options.sha256(modelJson),
    options.sha256(bytes),
  ]);
  if (jsonHash !== entry.files.modelJsonSha256) {
    throw new ModelFilesError('model.json does not match its sha256 in the manifest');
  }
  if (weightsHash !== entry.files.weightsSha256) {
    throw new ModelFilesError('weights.bin does not match its sha256 in the manifest');
  }
  const expectedScaler = entry.spec.protocol === 'relative' ? 'relative' : 'identity';
  if (entry.scaler.kind !== expectedScaler || entry.protocol !== entry.spec.protocol) {
    throw new ModelFilesError(
      `scaler '${entry.scaler.kind}' does not fit protocol '${entry.protocol}'`,
    );
  }
  if (entry.role !== PROTOCOL_ROLES[entry.protocol]) {
    throw new ModelFilesError(`role '${entry.role}' does not fit protocol '${entry.protocol}'`);
  }
  if (entry.spec.windowLength !== options.windowLength) {
    throw new ModelFilesError(
      `the spec takes ${entry.spec.windowLength}-month windows, the registry ${options.windowLength}`,
    );
  }
  let weights: ModelWeights;
  try {
    weights = weightsFromList(entry.spec, decodeLayersWeights(entry.spec, modelJson, bytes));
  } catch (error) {
    if (error instanceof ModelFilesError) throw error;
    throw new ModelFilesError('the weights do not fit the spec');
  }
  return { entry, weights, scaler: scalerFromParams(entry.scaler) };
}

/**
 * Checks that a model reproduces its recorded next-month forecast from the latest window
 * (`manifest.models[].forecast.scaledValue`) with core's forward pass, within `tolerance`.
 *
 * @throws {ModelFilesError} with a client-safe reason when it does not
 */
export function checkRecordedForecast(
  model: CheckedModel,
  latestWindow: readonly number[],
  tolerance = REPLAY_TOLERANCE,
): void {
  const { entry, weights, scaler } = model;
  const latest = predict(entry, weights, scaler, latestWindow);
  if (!close(latest.scaled, entry.forecast.scaledValue, tolerance)) {
    throw new ModelFilesError(
      `the weights do not reproduce the recorded forecast: ${show(latest.scaled)} (scaled), the manifest records ${show(entry.forecast.scaledValue)}`,
    );
  }
}

/**
 * Checks one model against its manifest entry and the recorded results: its files
 * ({@link checkModelFiles}), then the replay runner (core's forward pass unless told otherwise)
 * reproduces the recorded next-month forecast from the latest window and EVERY test prediction of
 * `results.json`, each within `tolerance`.
 *
 * @throws {ModelFilesError} with a client-safe reason at the first failure
 */
async function checkModel(
  entry: ManifestModel,
  context: {
    contents: RegistryContents;
    manifest: Manifest;
    results: Results;
    test: TestWindows;
    latestWindow: readonly number[];
    sha256: Sha256Hex;
    tolerance: number;
    run: ReplayRunner;
  },
): Promise<CheckedModel> {
  const { tolerance } = context;
  const model = await checkModelFiles(entry, context.contents.files, {
    sha256: context.sha256,
    windowLength: context.manifest.split.windowLength,
  });
  const { scaler } = model;
  const { dates, windows } = context.test;
  // One run over the latest window and every test window; tfjs ran on float32 inputs, so does this.
  const all = [context.latestWindow, ...windows];
  const length = entry.spec.windowLength;
  const inputs = new Float32Array(all.length * length);
  all.forEach((window, i) => {
    inputs.set(scaler.scaleWindow(window), i * length);
  });
  const outputs = context.run(model, inputs, all.length);
  const latest = outputs[0] as number;
  if (!close(latest, entry.forecast.scaledValue, tolerance)) {
    throw new ModelFilesError(
      `the weights do not reproduce the recorded forecast: ${show(latest)} (scaled), the manifest records ${show(entry.forecast.scaledValue)}`,
    );
  }

  const recorded = context.results.models.find((m) => m.id === entry.id);
  if (!recorded) throw new ModelFilesError('results.json has no test predictions for it');
  if (recorded.predictions.length !== windows.length) {
    throw new ModelFilesError(
      `results.json has ${recorded.predictions.length} test predictions for it, the test period ${windows.length}`,
    );
  }
  windows.forEach((window, i) => {
    const want = recorded.predictions[i] as number;
    const got = scaler.unscaleTarget(outputs[i + 1] as number, window);
    if (!close(got, want, tolerance)) {
      throw new ModelFilesError(
        `the weights do not reproduce test prediction ${i + 1} of ${windows.length} (target ${dates[i]}): ${show(got)} points, results.json records ${show(want)}`,
      );
    }
  });
  return model;
}

/**
 * Checks a whole registry before it is served or built:
 * - the registry: `manifest.json` and `results.json` parse with core's schema (format and version
 *   included), `results.json` and the series match their sha256 in the manifest, the series has
 *   the manifest's months and last month, and the results' test months are the series';
 * - each model, independently (see `checkModel`): files and sha256, scaler and spec, format,
 *   names, shapes and finiteness of the weights, the recorded next-month forecast, and every test
 *   prediction in `results.json` reproduced within `tolerance` by `options.run` (core's forward
 *   pass by default).
 *
 * A model that fails is refused with the reason; the others are unaffected.
 *
 * @throws {RegistryCheckError} when the registry as a whole is unusable (nothing can be served)
 */
export async function checkRegistry(
  contents: RegistryContents,
  options: CheckRegistryOptions,
): Promise<CheckedRegistry> {
  const { sha256 } = options;
  const tolerance = options.tolerance ?? REPLAY_TOLERANCE;
  const manifest = parseJson(contents.manifestText, 'manifest.json', parseManifest);
  if ((await sha256(contents.resultsText)) !== manifest.files['results.json']) {
    throw new RegistryCheckError('results.json does not match its sha256 in the manifest');
  }
  const results = parseJson(contents.resultsText, 'results.json', parseResults);
  const series = await readSeries(contents, manifest, sha256);
  const test = testWindows(manifest, results, series);
  const latestWindow = series.values.slice(-manifest.split.windowLength);
  const run = options.run ?? coreReplay;
  const context = { contents, manifest, results, test, latestWindow, sha256, tolerance, run };

  const seen = new Set<string>();
  const outcomes = await Promise.all(
    manifest.models.map(async (entry): Promise<CheckedModel | RefusedModel> => {
      if (seen.has(entry.id)) return { id: entry.id, reason: 'duplicate model id in the manifest' };
      seen.add(entry.id);
      try {
        return await checkModel(entry, context);
      } catch (error) {
        if (error instanceof ModelFilesError) return { id: entry.id, reason: error.message };
        return { id: entry.id, reason: 'the weights do not fit the spec' };
      }
    }),
  );
  return {
    manifest,
    results,
    series,
    latestWindow,
    models: outcomes.filter((o): o is CheckedModel => 'entry' in o),
    refused: outcomes.filter((o): o is RefusedModel => 'reason' in o),
  };
}
