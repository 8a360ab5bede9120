/**
 * Verifies the model registry, then writes `src/registry.generated.ts`: one import per registry
 * file (manifest, results, each model's model.json and weights.bin) and the series, which wrangler
 * bundles as Text and Data modules; and `test/results.generated.ts`, the same registry's
 * `results.json` for the parity tests.
 *
 * Reads `models/` at the repository root, or `GATECAST_MODELS_DIR` when set. The series is the
 * manifest's `data.file`, looked for in the registry's own `data/` (where the trainer puts a series
 * from outside this repository's `data/`), then in the repository's `data/`, and taken only if its
 * sha256 is the manifest's. Before writing anything it runs core's `checkRegistry`, the check the
 * worker repeats at start-up: schema and format version, sha256 of every file, shapes and
 * finiteness of the weights, and every recorded test prediction reproduced by core's forward pass.
 * Any failure exits 1 naming the model and the reason, so `build`, `deploy`, `start` and `test`
 * (which all run this first) stop there. Needs `@gatecast/core` built (turbo builds it first).
 *
 * The registry's `backtest.json`, when there is one, is parsed with core's schema too (a file that
 * fails is refused like the registry) and bundled as `src/backtest.generated.ts`: the pooled
 * summary whole, each origin's figures cut to the first {@link ORIGIN_HORIZONS} horizons (every
 * horizon of every origin would add ~60 KB gzip to the worker). A backtest run on other data than
 * the manifest's, or none, is bundled as unavailable with the reason, and `/v1/backtest` answers
 * 404 `backtest-unavailable`. The whole file goes to `test/backtest.generated.ts` for the tests.
 *
 * Usage: node scripts/codegen.ts [--check]   (--check: verify only, write nothing)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BACKTEST_FILE,
  type Backtest,
  type BacktestMetrics,
  parseBacktest,
  parseManifest,
  RegistryFormatError,
} from '@gatecast/core/registry';
import { checkRegistry, RegistryCheckError } from '@gatecast/core/registry/verify';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '../..');
const srcDir = join(packageDir, 'src');
const testDir = join(packageDir, 'test');
const modelsDir = resolve(process.env.GATECAST_MODELS_DIR ?? join(repoRoot, 'models'));
const manifestPath = join(modelsDir, 'manifest.json');
const resultsPath = join(modelsDir, 'results.json');
const backtestPath = join(modelsDir, BACKTEST_FILE);
const checkOnly = process.argv.includes('--check');

/**
 * Horizons of each origin's backtest figures the worker bundles: h = 1 costs ~6 KB gzip, all 12
 * ~60 KB (measured on a full-size backtest.json), beside ~13 KB for the pooled summary.
 */
const ORIGIN_HORIZONS = 1;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Prints `codegen: <registry>: <message>` and exits 1: nothing is written. */
function fail(message: string): never {
  process.stderr.write(`codegen: ${modelsDir}: ${message}\n`);
  process.exit(1);
}

/**
 * Writes `content` only if the file differs: an unchanged registry leaves the generated modules
 * untouched, so a `wrangler dev` already serving them (the site's browser tests run one while
 * turbo runs this package's scripts) is not made to rebuild mid-test.
 */
function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  writeFileSync(path, content);
}

function importPath(file: string, from = srcDir): string {
  const path = relative(from, file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * The series the manifest names: the first of the registry's `data/<file>` and the repository's
 * `data/<file>` whose sha256 is the manifest's.
 */
function findSeries(file: string, sha: string): { path: string; text: string } {
  if (basename(file) !== file) fail(`data.file '${file}' must be a bare file name`);
  const places = [join(modelsDir, 'data', file), join(repoRoot, 'data', file)];
  for (const path of places) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    if (sha256(text) === sha) return { path, text };
  }
  return fail(
    `the series ${file} with the manifest's sha256 is in neither ${places.join(' nor ')} (retrain, or put the training CSV in one of them)`,
  );
}

/** The first `horizons` entries of every figure by horizon. */
function cutMetrics(metrics: BacktestMetrics, horizons: number): BacktestMetrics {
  const cut = <T>(values: T[]) => values.slice(0, horizons);
  const byLevel = <T>(values: Record<'80' | '95', T[]>) => ({
    '80': cut(values['80']),
    '95': cut(values['95']),
  });
  return {
    n: cut(metrics.n),
    rmse: cut(metrics.rmse),
    mae: cut(metrics.mae),
    coverage: byLevel(metrics.coverage),
    meanWidth: byLevel(metrics.meanWidth),
    intervalScore: byLevel(metrics.intervalScore),
    pinball: cut(metrics.pinball),
  };
}

/** What the worker bundles of a backtest: the summary whole, each origin cut to `horizons`. */
function compactBacktest(backtest: Backtest, horizons: number): Backtest {
  return {
    ...backtest,
    origins: backtest.origins.map((origin) => ({
      ...origin,
      models: origin.models.map((m) => ({ ...m, metrics: cutMetrics(m.metrics, horizons) })),
      baselines: origin.baselines.map((b) => ({ ...b, metrics: cutMetrics(b.metrics, horizons) })),
    })),
  };
}

type BundledBacktest =
  | { text: string; sha256: string; originHorizons: number }
  | { unavailable: string };

/**
 * The registry's backtest as the worker bundles it, and the whole file's text for the tests (null
 * when there is none). Exits 1 when the file is not a backtest core's schema accepts.
 */
function readBacktest(manifestDataSha256: string): {
  bundled: BundledBacktest;
  fullText: string | null;
} {
  if (!existsSync(backtestPath)) {
    return {
      bundled: { unavailable: `the registry has no ${BACKTEST_FILE} (npm run backtest writes it)` },
      fullText: null,
    };
  }
  const text = readFileSync(backtestPath, 'utf8');
  let backtest: Backtest;
  try {
    backtest = parseBacktest(JSON.parse(text));
  } catch (error) {
    if (!(error instanceof RegistryFormatError || error instanceof SyntaxError)) throw error;
    return fail(`${BACKTEST_FILE} refused: ${error.message}`);
  }
  if (backtest.data.sha256 !== manifestDataSha256) {
    const reason =
      `${BACKTEST_FILE} was run on data sha256 ${backtest.data.sha256.slice(0, 12)}…, the ` +
      `registry's models on ${manifestDataSha256.slice(0, 12)}… (rerun npm run backtest)`;
    return { bundled: { unavailable: reason }, fullText: text };
  }
  const horizons = Math.min(ORIGIN_HORIZONS, backtest.design.maxHorizon);
  const compact = JSON.stringify(compactBacktest(backtest, horizons));
  return {
    bundled: { text: compact, sha256: sha256(compact), originHorizons: horizons },
    fullText: text,
  };
}

async function main(): Promise<void> {
  if (!existsSync(manifestPath)) {
    fail('no registry here (run `npm run train`, or set GATECAST_MODELS_DIR)');
  }
  const manifestText = readFileSync(manifestPath, 'utf8');
  let data: { file: string; sha256: string };
  try {
    data = parseManifest(JSON.parse(manifestText)).data;
  } catch (error) {
    if (!(error instanceof RegistryFormatError || error instanceof SyntaxError)) throw error;
    return fail(`registry refused: ${error.message}`);
  }
  if (!existsSync(resultsPath)) fail('registry refused: results.json is missing');
  const series = findSeries(data.file, data.sha256);
  const manifestFiles = JSON.parse(manifestText).models.flatMap(
    (m: { files: { modelJson: string; weights: string } }) => [m.files.modelJson, m.files.weights],
  ) as string[];
  const files: Record<string, string | Uint8Array> = {};
  for (const file of manifestFiles) {
    const path = join(modelsDir, file);
    if (!existsSync(path)) continue; // the check refuses the model: "… is missing"
    files[file] = file.endsWith('.json') ? readFileSync(path, 'utf8') : readFileSync(path);
  }

  const started = performance.now();
  let checked: Awaited<ReturnType<typeof checkRegistry>>;
  try {
    checked = await checkRegistry(
      {
        manifestText,
        resultsText: readFileSync(resultsPath, 'utf8'),
        seriesCsv: series.text,
        files,
      },
      { sha256 },
    );
  } catch (error) {
    if (!(error instanceof RegistryCheckError)) throw error;
    return fail(`registry refused: ${error.message}`);
  }
  if (checked.refused.length > 0) {
    for (const { id, reason } of checked.refused) {
      process.stderr.write(`codegen: ${modelsDir}: model ${id} refused: ${reason}\n`);
    }
    fail(
      `${checked.refused.length} of ${checked.manifest.models.length} models refused; nothing written`,
    );
  }
  const { manifest } = checked;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const inRepo = modelsDir.startsWith(`${repoRoot}${sep}`);
  const where = inRepo ? relative(repoRoot, modelsDir) : modelsDir;
  const verified = `${manifest.models.length} models from ${where} verified (${manifest.split.test.count} test predictions each, ${seconds} s)`;
  const backtest = readBacktest(manifest.data.sha256);
  const backtestNote =
    'text' in backtest.bundled
      ? `${BACKTEST_FILE} bundled (summary, origins at h ≤ ${backtest.bundled.originHorizons}: ${(backtest.bundled.text.length / 1024).toFixed(1)} KiB)`
      : `no backtest bundled: ${backtest.bundled.unavailable}`;
  if (checkOnly) {
    process.stdout.write(
      `codegen: ${verified}; --check, nothing written\ncodegen: ${backtestNote}\n`,
    );
    return;
  }

  const imports = [
    `import manifestText from '${importPath(manifestPath)}';`,
    `import resultsText from '${importPath(resultsPath)}';`,
    `import seriesCsv from '${importPath(series.path)}';`,
  ];
  const entries: string[] = [];
  manifestFiles.forEach((file, i) => {
    imports.push(`import file${i} from '${importPath(join(modelsDir, file))}';`);
    entries.push(`    ${JSON.stringify(file)}: file${i},`);
  });
  const source = [
    '// Generated by scripts/codegen.ts from the model registry; do not edit.',
    "import { bundledBacktest } from './backtest.generated.js';",
    "import type { RegistryBundle } from './registry/bundle.js';",
    ...imports,
    '',
    '/** The registry and series as bundled: raw contents, checked by `loadRegistry`. */',
    'export const registryBundle: RegistryBundle = {',
    '  manifestText,',
    '  resultsText,',
    '  seriesCsv,',
    '  files: {',
    ...entries,
    '  },',
    '  backtest: bundledBacktest,',
    '};',
    '',
  ].join('\n');
  const backtestSource = [
    '// Generated by scripts/codegen.ts from the model registry; do not edit.',
    "import type { BundledBacktest } from './registry/bundle.js';",
    '',
    `/** ${BACKTEST_FILE} as the worker serves it (see scripts/codegen.ts), or why there is none. */`,
    `export const bundledBacktest: BundledBacktest = ${JSON.stringify(backtest.bundled)};`,
    '',
  ].join('\n');
  mkdirSync(srcDir, { recursive: true });
  writeIfChanged(join(srcDir, 'backtest.generated.ts'), backtestSource);
  writeIfChanged(join(srcDir, 'registry.generated.ts'), source);
  const results = [
    '// Generated by scripts/codegen.ts from the model registry; do not edit.',
    `import resultsText from '${importPath(resultsPath, testDir)}';`,
    '',
    '/** `results.json` of the bundled registry, as text: the test period in full. */',
    'export { resultsText };',
    '',
  ].join('\n');
  mkdirSync(testDir, { recursive: true });
  writeIfChanged(join(testDir, 'results.generated.ts'), results);
  const fullBacktest = [
    '// Generated by scripts/codegen.ts from the model registry; do not edit.',
    '',
    `/** The registry's whole ${BACKTEST_FILE} as text, or null when it has none. */`,
    `export const backtestText: string | null = ${JSON.stringify(backtest.fullText)};`,
    '',
  ].join('\n');
  writeIfChanged(join(testDir, 'backtest.generated.ts'), fullBacktest);
  process.stdout.write(`codegen: ${verified}\ncodegen: ${backtestNote}\n`);
}

await main();
