#!/usr/bin/env node
// Training benchmark (`npm run bench`). Part 1: per config, in one thread on the wasm backend,
// the wall time of one 40-epoch run with the `layers` loop (tfjs-layers `fit`, layersTrainRun)
// and with the `fused` loop (one custom-gradient op per network, fusedTrainRun), over several
// seeds, interleaved so both see the same machine load; prints medians, their ratio, and each
// run's final loss and test RMSE. Part 2: the wall time of a real sweep (every config × protocol,
// one seed) on worker threads.
//
// It uses the trainer as any consumer would, through `@gatecast/trainer` (the built `dist/`, so
// the sweep's worker threads have their compiled entry); `npm run bench` builds first.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseMonthlyCsv, rmse } from '@gatecast/core';
import {
  configsByName,
  defaultTrainOptions,
  fusedTrainRun,
  layersTrainRun,
  prepareSplit,
  protocolData,
  REFERENCE_CONFIGS,
  runSweep,
  type SweepOptions,
  scalerFor,
  silenceTfjsNotices,
  specFor,
  type TrainJob,
  type TrainRunOptions,
  type TrainRunResult,
  tfjsBackendLoaders,
  unscalePredictions,
} from '@gatecast/trainer';
import * as tf from '@tensorflow/tfjs';

const defaults = defaultTrainOptions();
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../../data/sp500_monthly.csv' },
    seeds: { type: 'string', default: '3' },
    epochs: { type: 'string', default: String(defaults.epochs) },
    configs: { type: 'string' },
    protocol: { type: 'string', default: 'relative' },
    'fused-only': { type: 'boolean', default: false },
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
  `backend ${tf.getBackend()}; protocol ${protocol}; ${epochs} epochs, batch ${defaults.batchSize}, ` +
    `${data.fit.count} fitting windows; seeds 1..${seeds}; wall time per model (whole run)`,
);
console.log(
  `${'config'.padEnd(12)} ${'layers s'.padStart(9)} ${'fused s'.padStart(8)} ${'ratio'.padStart(6)}   runs (layers | fused), final loss, test RMSE`,
);
const numTensors = tf.memory().numTensors;
let layersSum = 0;
let fusedSum = 0;
for (const config of configs) {
  const layers: Awaited<ReturnType<typeof timed>>[] = [];
  const fused: Awaited<ReturnType<typeof timed>>[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const options = {
      spec: specFor(config, protocol),
      data,
      seed,
      epochs,
      batchSize: defaults.batchSize,
      learningRate: defaults.learningRate,
    };
    if (!values['fused-only']) layers.push(await timed(layersTrainRun, options));
    fused.push(await timed(fusedTrainRun, options));
  }
  const l = layers.length ? median(layers.map((r) => r.seconds)) : Number.NaN;
  const f = median(fused.map((r) => r.seconds));
  layersSum += l;
  fusedSum += f;
  const fmt = (rs: typeof fused) =>
    rs
      .map((r) => `${r.seconds.toFixed(2)}s/${r.loss.toFixed(3)}/${r.testRmse.toFixed(1)}`)
      .join(' ');
  console.log(
    `${config.name.padEnd(12)} ${l.toFixed(2).padStart(9)} ${f.toFixed(2).padStart(8)} ${(l / f).toFixed(2).padStart(5)}×   ${fmt(layers)} | ${fmt(fused)}`,
  );
}
console.log(
  `sum over configs ${layersSum.toFixed(2)} s vs ${fusedSum.toFixed(2)} s (${(layersSum / fusedSum).toFixed(2)}×); ` +
    `one thread, ${configs.length} configs × 2 protocols × 5 seeds ≈ ${(layersSum * 10).toFixed(0)} s vs ${(fusedSum * 10).toFixed(0)} s`,
);
console.log(`tensors alive before/after: ${numTensors}/${tf.memory().numTensors}`);

const workers = Number(values.workers);
const jobs: TrainJob[] = [];
const { protocols, batchSize, learningRate } = defaults;
for (const p of protocols) {
  for (const config of configs) {
    const job = { configName: config.name, protocol: p, seed: 1, epochs, batchSize, learningRate };
    jobs.push({ ...job, index: jobs.length, loop: 'fused' });
  }
}
const sweepData = Object.fromEntries(
  protocols.map((p) => [p, protocolData(p, split, scalerFor(p, split))]),
) as SweepOptions['data'];
const started = performance.now();
await runSweep({ jobs, data: sweepData, backend: 'auto', workers });
const wall = (performance.now() - started) / 1000;
console.log(
  `sweep, fused loop, ${jobs.length} runs (${configs.length} configs × 2 protocols × 1 seed) on ${workers} worker threads: ${wall.toFixed(1)} s wall; the default 5-seed sweep ≈ ${(wall * 5).toFixed(0)} s`,
);
