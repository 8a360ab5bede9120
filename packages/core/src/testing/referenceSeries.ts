// Test-only helper: loads the committed reference series. Not exported from the package.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMonthlyCsv } from '../csv/parseMonthlyCsv.js';
import type { MonthlySeries } from '../series/monthlySeries.js';

/** Path of `data/sp500_monthly.csv` at the repository root. */
export const REFERENCE_CSV_PATH = fileURLToPath(
  new URL('../../../../data/sp500_monthly.csv', import.meta.url),
);

/** The reference series, parsed with core's own parser. */
export function loadReferenceSeries(): MonthlySeries {
  return parseMonthlyCsv(readFileSync(REFERENCE_CSV_PATH, 'utf8'));
}
