/**
 * What the worker bundles of the model registry, before any check: raw file contents as wrangler
 * imports them. `scripts/codegen.ts` writes `registry.generated.ts`, which builds one of these from
 * the registry directory and its series; tests build altered copies (e.g. with a corrupted
 * weights file).
 */
export interface RegistryBundle {
  /** `manifest.json` as text. */
  manifestText: string;
  /**
   * `results.json` as text: every model's recorded test predictions, which the start-up check
   * replays in full.
   */
  resultsText: string;
  /**
   * Every file the manifest lists per model, keyed by its path relative to the registry root
   * (`<id>/model.json` → text, `<id>/weights.bin` → bytes). A missing key is a missing file.
   */
  files: Readonly<Record<string, string | ArrayBuffer>>;
  /** The series the manifest names (`data.file`), as text: `date,close` rows, index points. */
  seriesCsv: string;
  /** The rolling-origin backtest, or why there is none (absent: none was bundled). */
  backtest?: BundledBacktest;
}

/**
 * `backtest.json` as codegen bundles it: `text`, the file (checked with core's schema) with each
 * origin's figures cut to horizons 1..`originHorizons` and the pooled `summary` whole; or
 * `unavailable`, why the registry has none to serve (client-safe).
 */
export type BundledBacktest =
  | {
      text: string;
      /**
       * sha256 of `text`: the worker checks it instead of parsing the schema again, and the
       * backtest routes' ETag is keyed by it.
       */
      sha256: string;
      /** Horizons each origin's figures keep (the summary keeps every horizon). */
      originHorizons: number;
    }
  | { unavailable: string };
