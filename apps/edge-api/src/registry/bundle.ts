/**
 * What the worker bundles of the model registry, before any check: raw file contents as wrangler
 * imports them. `scripts/codegen.ts` writes `registry.generated.ts`, which builds one of these from
 * `models/` and `data/`; tests build altered copies (e.g. with a corrupted weights file).
 */
export interface RegistryBundle {
  /** `models/manifest.json` as text. */
  manifestText: string;
  /**
   * Every file the manifest lists per model, keyed by its path relative to the registry root
   * (`<id>/model.json` → text, `<id>/weights.bin` → bytes). A missing key is a missing file.
   */
  files: Readonly<Record<string, string | ArrayBuffer>>;
  /** `data/sp500_monthly.csv` as text: `date,close` rows, first-of-month dates, index points. */
  seriesCsv: string;
}
