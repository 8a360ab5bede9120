#!/usr/bin/env node
// Training benchmark: prints per-model wall time (one thread, 40 epochs, median of --repeats)
// and the wall time of a real sweep of every config × protocol on worker threads.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type Protocol, parseMonthlyCsv } from '@gatecast/core';
import { selectBackend } from '../backend/selectBackend.js';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor } from '../data/prepareData.js';
import { PROTOCOLS, REFERENCE_CONFIGS, specFor } from '../train/configs.js';
import type { TrainJob } from '../train/jobs.js';
import { runSweep } from '../train/runSweep.js';
import { trainRun } from '../train/trainRun.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../../data/sp500_monthly.csv' },
    repeats: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '40' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const repeats = Number(values.repeats);
const epochs = Number(values.epochs);
const workers = Number(values.workers);

silenceTfjsNotices();
const split = prepareSplit(parseMonthlyCsv(readFileSync(values.data, 'utf8')));
const data = Object.fromEntries(
  PROTOCOLS.map((p) => [p, protocolData(p, split, scalerFor(p, split))]),
) as Record<Protocol, ReturnType<typeof protocolData>>;
const choice = await selectBackend('auto', tfjsBackendLoaders);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

console.log(
  `backend ${choice.backend}; ${epochs} epochs, batch 32, ${split.fit.targets.length} fitting windows`,
);
console.log(`per model, one thread, median of ${repeats}:`);
let sum = 0;
for (const config of REFERENCE_CONFIGS) {
  const seconds: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    await trainRun({
      spec: specFor(config, 'relative'),
      data: data.relative,
      seed: r + 1,
      epochs,
      batchSize: 32,
    });
    seconds.push((performance.now() - started) / 1000);
  }
  const m = median(seconds);
  sum += m;
  console.log(
    `  ${config.name.padEnd(14)} ${m.toFixed(2)} s  (runs: ${seconds.map((s) => s.toFixed(2)).join(', ')})`,
  );
}
console.log(`  sum of one seed of each config: ${sum.toFixed(2)} s`);

const jobs: TrainJob[] = [];
for (const protocol of PROTOCOLS) {
  for (const config of REFERENCE_CONFIGS) {
    jobs.push({
      index: jobs.length,
      configName: config.name,
      protocol,
      seed: 1,
      epochs,
      batchSize: 32,
    });
  }
}
const started = performance.now();
await runSweep({ jobs, data, backend: 'auto', workers });
const wall = (performance.now() - started) / 1000;
console.log(
  `sweep of ${jobs.length} runs (5 configs × 2 protocols × 1 seed) on ${workers} workers: ${wall.toFixed(1)} s wall`,
);
console.log(`projected default sweep (5 seeds): ${(wall * 5).toFixed(0)} s wall`);
