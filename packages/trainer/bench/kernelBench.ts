#!/usr/bin/env node
// Training benchmark of issue 14 (`npm run bench:kernels -w @gatecast/trainer`): per config, one
// thread, relative protocol, 40 epochs, batch 32, seeds 1..3, the wall time of the fused loop on
// the wasm kernels and on tfjs ops (interleaved, so both see the same machine load), their final
// losses (same seed → same batches), and, in the same run, PyTorch CPU's time for the same
// networks (`--torch`, a script printing one JSON line `{config: seconds}`; skipped when
// `/usr/bin/python3` has no torch). Prints medians and the sums. Like `bench.ts`, it uses the
// trainer through `@gatecast/trainer` (the built `dist/`); `npm run bench:kernels` builds first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMonthlyCsv } from '@gatecast/core';
import {
  configsByName,
  DEFAULT_LEARNING_RATE,
  type FusedOptions,
  fusedTrainRun,
  prepareSplit,
  protocolData,
  REFERENCE_CONFIGS,
  scalerFor,
  silenceTfjsNotices,
  specFor,
  tfjsBackendLoaders,
} from '@gatecast/trainer';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../../data/sp500_monthly.csv' },
    seeds: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '40' },
    configs: { type: 'string' },
    'kernels-only': { type: 'boolean', default: false },
    torch: { type: 'string', default: '../../../shared/peers/torch_train_time.py' },
    python: { type: 'string', default: '/usr/bin/python3' },
  },
});
const seeds = Number(values.seeds);
const epochs = Number(values.epochs);
const configs = values.configs ? configsByName(values.configs.split(',')) : REFERENCE_CONFIGS;

silenceTfjsNotices();
await tfjsBackendLoaders.wasm();
const split = prepareSplit(parseMonthlyCsv(readFileSync(values.data, 'utf8')));
const data = protocolData('relative', split, scalerFor('relative', split));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timed(
  config: (typeof configs)[number],
  seed: number,
  network: FusedOptions['network'],
) {
  const started = performance.now();
  const options = {
    spec: specFor(config, 'relative'),
    data,
    seed,
    epochs,
    batchSize: 32,
    learningRate: DEFAULT_LEARNING_RATE,
  };
  const result = await fusedTrainRun(options, { network });
  return {
    seconds: (performance.now() - started) / 1000,
    loss: result.losses[result.losses.length - 1] ?? Number.NaN,
  };
}

console.log(
  `fused loop, one thread, relative protocol, ${epochs} epochs, batch 32, ${data.fit.count} windows; ` +
    `median of seeds 1..${seeds}; wall seconds per model (whole run)`,
);
console.log(
  `${'config'.padEnd(12)} ${'kernels'.padStart(8)} ${'tfjs ops'.padStart(9)}  final loss per seed (kernels | tfjs ops)`,
);
const rows: { name: string; kernels: number; ops: number }[] = [];
for (const config of configs) {
  const k: Awaited<ReturnType<typeof timed>>[] = [];
  const o: Awaited<ReturnType<typeof timed>>[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    k.push(await timed(config, seed, 'kernels'));
    if (!values['kernels-only']) o.push(await timed(config, seed, 'tfjs'));
  }
  const row = {
    name: config.name,
    kernels: median(k.map((r) => r.seconds)),
    ops: o.length ? median(o.map((r) => r.seconds)) : Number.NaN,
  };
  rows.push(row);
  const losses = (rs: typeof k) => rs.map((r) => r.loss.toFixed(7)).join(' ');
  console.log(
    `${config.name.padEnd(12)} ${row.kernels.toFixed(2).padStart(8)} ${row.ops.toFixed(2).padStart(9)}  ${losses(k)} | ${losses(o)}`,
  );
}
const kernelSum = rows.reduce((a, r) => a + r.kernels, 0);
const opsSum = rows.reduce((a, r) => a + r.ops, 0);
console.log(
  `${'sum'.padEnd(12)} ${kernelSum.toFixed(2).padStart(8)} ${opsSum.toFixed(2).padStart(9)}`,
);

const torchScript = resolve(values.torch);
const hasTorch =
  existsSync(torchScript) &&
  spawnSync(values.python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
if (!hasTorch) {
  console.log(`PyTorch: not run (${values.python} without torch, or no ${torchScript})`);
} else {
  const run = spawnSync(values.python, [torchScript, resolve(values.data)], { encoding: 'utf8' });
  const json = run.stdout.trim().split('\n').at(-1) ?? '{}';
  const torch = JSON.parse(json) as Record<string, number>;
  console.log(`\nPyTorch CPU in the same run (${run.stdout.split('\n')[0]})`);
  console.log(`${'config'.padEnd(12)} ${'kernels'.padStart(8)} ${'PyTorch'.padStart(8)}   ratio`);
  let torchSum = 0;
  for (const r of rows) {
    const t = torch[r.name] ?? Number.NaN;
    torchSum += t;
    console.log(
      `${r.name.padEnd(12)} ${r.kernels.toFixed(2).padStart(8)} ${t.toFixed(2).padStart(8)}   ${(r.kernels / t).toFixed(2)}×`,
    );
  }
  const ratio = kernelSum / torchSum;
  console.log(
    `${'sum'.padEnd(12)} ${kernelSum.toFixed(2).padStart(8)} ${torchSum.toFixed(2).padStart(8)}   ${ratio.toFixed(2)}×`,
  );
  console.log(
    `goal: sum ≤ 0.5× PyTorch CPU: ${ratio <= 0.5 ? 'MET' : 'NOT MET'} (${ratio.toFixed(2)}×)`,
  );
}
