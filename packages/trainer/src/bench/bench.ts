#!/usr/bin/env node
// Training benchmark (`npm run bench`). Part 1: per config, in one thread on the wasm backend,
// the wall time of one 40-epoch run with tfjs-layers `fit` (trainRun) and with the fused
// custom-gradient loop (fastTrainRun), over several seeds, interleaved so both see the same
// machine load; prints medians, their ratio, and each run's final loss and test RMSE.
// Part 2: the wall time of a real sweep (every config × protocol, one seed) on worker threads.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseMonthlyCsv, rmse } from '@gatecast/core';
import * as tf from '@tensorflow/tfjs';
import { silenceTfjsNotices } from '../backend/silenceTfjsNotices.js';
import { tfjsBackendLoaders } from '../backend/tfjsBackendLoaders.js';
import { prepareSplit, protocolData, scalerFor, unscalePredictions } from '../data/prepareData.js';
import { configsByName, PROTOCOLS, REFERENCE_CONFIGS, specFor } from '../train/configs.js';
import { fastTrainRun } from '../train/fastTrainRun.js';
import type { TrainJob } from '../train/jobs.js';
import { runSweep } from '../train/runSweep.js';
import { type TrainRunOptions, type TrainRunResult, trainRun } from '../train/trainRun.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../../data/sp500_monthly.csv' },
    seeds: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '40' },
    configs: { type: 'string' },
    protocol: { type: 'string', default: 'relative' },
    'fast-only': { type: 'boolean', default: false },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const seeds = Number(values.seeds);
const epochs = Number(values.epochs);
const protocol = values.protocol === 'reference' ? 'reference' : 'relative';
const configs = values.configs ? configsByName(values.configs.split(',')) : REFERENCE_CONFIGS;

silenceTfjsNotices();
await tfjsBackendLoaders.wasm();
const split = prepareSplit(parseMonthlyCsv(readFileSync(values.data, 'utf8')));
const scaler = scalerFor(protocol, split);
const data = protocolData(protocol, split, scaler);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timed(run: (o: TrainRunOptions) => Promise<TrainRunResult>, o: TrainRunOptions) {
  const started = performance.now();
  const result = await run(o);
  const seconds = (performance.now() - started) / 1000;
  const testRmse = rmse(
    split.test.targets,
    unscalePredictions(result.testPredictions, split.test, scaler),
  );
  return { seconds, loss: result.losses[result.losses.length - 1] ?? Number.NaN, testRmse };
}

console.log(
  `backend ${tf.getBackend()}; protocol ${protocol}; ${epochs} epochs, batch 32, ` +
    `${data.fit.count} fitting windows; seeds 1..${seeds}; wall time per model (whole run)`,
);
console.log(
  `${'config'.padEnd(12)} ${'layers s'.padStart(9)} ${'fast s'.padStart(8)} ${'ratio'.padStart(6)}   runs (layers | fast), final loss, test RMSE`,
);
const numTensors = tf.memory().numTensors;
let layersSum = 0;
let fastSum = 0;
for (const config of configs) {
  const layers: Awaited<ReturnType<typeof timed>>[] = [];
  const fast: Awaited<ReturnType<typeof timed>>[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const options = { spec: specFor(config, protocol), data, seed, epochs, batchSize: 32 };
    if (!values['fast-only']) layers.push(await timed(trainRun, options));
    fast.push(await timed(fastTrainRun, options));
  }
  const l = layers.length ? median(layers.map((r) => r.seconds)) : Number.NaN;
  const f = median(fast.map((r) => r.seconds));
  layersSum += l;
  fastSum += f;
  const fmt = (rs: typeof fast) =>
    rs
      .map((r) => `${r.seconds.toFixed(2)}s/${r.loss.toFixed(3)}/${r.testRmse.toFixed(1)}`)
      .join(' ');
  console.log(
    `${config.name.padEnd(12)} ${l.toFixed(2).padStart(9)} ${f.toFixed(2).padStart(8)} ${(l / f).toFixed(2).padStart(5)}×   ${fmt(layers)} | ${fmt(fast)}`,
  );
}
console.log(
  `sum over configs ${layersSum.toFixed(2)} s vs ${fastSum.toFixed(2)} s (${(layersSum / fastSum).toFixed(2)}×); ` +
    `one thread, ${configs.length} configs × 2 protocols × 5 seeds ≈ ${(layersSum * 10).toFixed(0)} s vs ${(fastSum * 10).toFixed(0)} s`,
);
console.log(`tensors alive before/after: ${numTensors}/${tf.memory().numTensors}`);

const workers = Number(values.workers);
const jobs: TrainJob[] = [];
for (const p of PROTOCOLS) {
  for (const config of configs) {
    const job = { configName: config.name, protocol: p, seed: 1, epochs, batchSize: 32 };
    jobs.push({ ...job, index: jobs.length, loop: 'fused' });
  }
}
const sweepData = Object.fromEntries(
  PROTOCOLS.map((p) => [p, protocolData(p, split, scalerFor(p, split))]),
) as Parameters<typeof runSweep>[0]['data'];
const started = performance.now();
await runSweep({ jobs, data: sweepData, backend: 'auto', workers });
const wall = (performance.now() - started) / 1000;
console.log(
  `sweep, fused loop, ${jobs.length} runs (${configs.length} configs × 2 protocols × 1 seed) on ${workers} worker threads: ${wall.toFixed(1)} s wall; the default 5-seed sweep ≈ ${(wall * 5).toFixed(0)} s`,
);
