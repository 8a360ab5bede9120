/**
 * One-off: rewrites a format-2 registry as format 3 (each model's `role`) without retraining.
 * Every model's weights are decoded from its committed `weights.bin` and the registry is written
 * again by the trainer's own `writeRegistry` — the path a sweep takes: each file parsed with core's
 * schema, model.json and weights.bin re-exported through tfjs-layers, the whole registry verified
 * (core's `checkRegistry` with every recorded test prediction, then the tfjs reload parity) before
 * it is swapped in. Nothing else changes: the weights and every figure stay as trained (the run
 * prints whether each re-exported model file is byte-identical to the one it read).
 *
 * Run after `npm run build -w @gatecast/core -w @gatecast/trainer`:
 *   node packages/trainer/scripts/migrateRegistryV3.ts <from-dir> <to-dir> <series.csv>
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMonthlyCsv } from '@gatecast/core';
import {
  type Manifest,
  PROTOCOL_ROLES,
  parseIntervals,
  parseResults,
} from '@gatecast/core/registry';
import { decodeLayersWeights } from '@gatecast/core/registry/verify';
import { writeRegistry } from '../dist/registry/writeRegistry.js';

const [from, to, seriesFile] = process.argv.slice(2);
if (!from || !to || !seriesFile) {
  throw new Error('usage: migrateRegistryV3.ts <from-dir> <to-dir> <series.csv>');
}
const readJson = async (file: string) => JSON.parse(await readFile(join(from, file), 'utf8'));
const v3 = <T extends object>(file: T) => ({ ...file, formatVersion: 3 as const });

type ModelV2 = Omit<Manifest['models'][number], 'role'>;
const old = (await readJson('manifest.json')) as Omit<Manifest, 'formatVersion' | 'models'> & {
  formatVersion: number;
  models: ModelV2[];
};
if (old.formatVersion !== 2) throw new Error(`${from} is format ${old.formatVersion}, not 2`);
const { models, files: _files, ...header } = old;
const entries = await Promise.all(
  models.map(async ({ files, ...model }) => {
    const modelJson = await readFile(join(from, files.modelJson), 'utf8');
    const weightsBin = await readFile(join(from, files.weights));
    return {
      model: { ...model, role: PROTOCOL_ROLES[model.protocol] },
      spec: model.spec,
      weights: decodeLayersWeights(model.spec, modelJson, weightsBin),
    };
  }),
);
const seriesCsv = await readFile(seriesFile, 'utf8');
const series = parseMonthlyCsv(seriesCsv);
const written = await writeRegistry({
  outDir: to,
  manifest: v3(header),
  entries,
  results: parseResults(v3(await readJson('results.json'))),
  intervals: parseIntervals(v3(await readJson('intervals.json'))),
  latestWindow: series.values.slice(-header.split.windowLength),
  seriesCsv,
});
for (const [i, model] of written.models.entries()) {
  const before = models[i]?.files;
  const same =
    before?.modelJsonSha256 === model.files.modelJsonSha256 &&
    before?.weightsSha256 === model.files.weightsSha256;
  console.log(`${model.id}: role ${model.role}, model files ${same ? 'identical' : 'CHANGED'}`);
}
