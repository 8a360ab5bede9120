/**
 * Kernel benchmark in Node (`npm run bench -w @gatecast/kernels`; the workerd figures come from
 * apps/edge-api's bench): per config with seeded random weights, one forecast on the kernels vs
 * core's plain-TypeScript reference (`modelForward`), a batch of 256 windows, and one training
 * step (forward with tape + BPTT, batch 32). Medians of blocks of ≥ 20 ms of this process's CPU
 * time (on a machine shared with other work, wall time measures the others too).
 *
 * Usage: node bench/bench.ts  (after `npm run build`)
 */
import { type ModelSpec, modelForward, randomModelWeights, seededUniform } from '@gatecast/core';
import { createKernelModel, createTrainingNetwork } from '@gatecast/kernels';
import { loadKernels } from '@gatecast/kernels/node';

const CONFIGS: [string, ModelSpec['recurrent']][] = [
  ['simplernn-32', [{ cell: 'simpleRNN', units: 32, returnSequences: false }]],
  ['gru-32', [{ cell: 'gru', units: 32, returnSequences: false }]],
  ['lstm-32', [{ cell: 'lstm', units: 32, returnSequences: false }]],
  ['gru-8', [{ cell: 'gru', units: 8, returnSequences: false }]],
  [
    'lstm-32-16',
    [
      { cell: 'lstm', units: 32, returnSequences: true },
      { cell: 'lstm', units: 16, returnSequences: false },
    ],
  ],
];

/** This process's CPU time in ms (user + system): steadier than wall time on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median CPU µs per call of `work` over 15 blocks of at least 20 ms. */
function time(work: () => void): number {
  for (let i = 0; i < 50; i++) work();
  let perBlock = 1;
  for (;;) {
    const start = cpuMs();
    for (let i = 0; i < perBlock; i++) work();
    if (cpuMs() - start >= 20) break;
    perBlock *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < 15; b++) {
    const start = cpuMs();
    for (let i = 0; i < perBlock; i++) work();
    samples.push(((cpuMs() - start) * 1000) / perBlock);
  }
  return samples.sort((a, b) => a - b)[7] as number;
}

const kernels = loadKernels();
const next = seededUniform(7);
const window = Float32Array.from({ length: 12 }, () => 4 * next() - 2);
const batch = Float32Array.from({ length: 12 * 256 }, () => 4 * next() - 2);
const targets = Float32Array.from({ length: 32 }, () => next() - 0.5);

console.log('Node kernels bench (CPU µs per call, median of 15 blocks)');
console.log(
  `${'config'.padEnd(13)} ${'kernel 1'.padStart(9)} ${'reference 1'.padStart(12)} ${'ratio'.padStart(6)} ${'batch 256'.padStart(10)} ${'windows/s'.padStart(10)} ${'train step 32'.padStart(14)}`,
);
for (const [name, recurrent] of CONFIGS) {
  const spec: ModelSpec = {
    windowLength: 12,
    recurrent,
    head: [
      { units: 16, activation: 'relu' },
      { units: 1, activation: 'linear' },
    ],
    protocol: 'relative',
  };
  const weights = randomModelWeights(spec, { seed: 1 });
  const model = createKernelModel(kernels, spec, weights, { maxBatch: 256 });
  const network = createTrainingNetwork(kernels, spec, { maxBatch: 32 });
  const parameters = Float32Array.from(
    [...weights.recurrent, ...weights.dense].flatMap((layer) =>
      Object.values(layer).flatMap((w) => [...w.values]),
    ),
  );
  const single = time(() => model.predict(window, 1));
  const reference = time(() => modelForward(spec, weights, window));
  const many = time(() => model.predict(batch, 256));
  const step = time(() =>
    network.lossAndGradient(parameters, batch.subarray(0, 12 * 32), targets, 32),
  );
  console.log(
    `${name.padEnd(13)} ${single.toFixed(2).padStart(9)} ${reference.toFixed(2).padStart(12)} ${(single / reference).toFixed(3).padStart(6)} ${many.toFixed(0).padStart(10)} ${((256e6 / many) | 0).toString().padStart(10)} ${step.toFixed(0).padStart(14)}`,
  );
}
