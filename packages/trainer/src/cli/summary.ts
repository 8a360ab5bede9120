import type { TrainSummary } from '../sweep.js';

/** `null` is an unbounded interval bound, as the registry writes an infinite one. */
const fmt = (x: number | null, digits = 2) => (x === null ? '∞' : x.toFixed(digits));

/** Prints the sweep's headline: backend, timings, and per-model test figures beside baselines. */
export function printSummary(
  summary: TrainSummary,
  outDir: string,
  print: (line: string) => void,
): void {
  const { manifest } = summary;
  print(
    `backend: ${manifest.backend.backend} (tfjs ${manifest.tfjsVersion}, ${manifest.workers} workers)`,
  );
  print(`sweep wall time: ${fmt(manifest.sweepSeconds, 1)} s`);
  print(
    'model                         params  test RMSE (mean ± sd)   test MAE (mean ± sd)  served seed  DM p vs naive  s/run',
  );
  for (const m of manifest.models) {
    const secs = m.seeds.reduce((s, r) => s + r.trainingSeconds, 0) / m.seeds.length;
    print(
      `${m.id.padEnd(28)} ${String(m.parameterCount).padStart(7)}  ${`${fmt(m.summary.rmse.mean)} ± ${fmt(m.summary.rmse.sd)}`.padEnd(22)}  ${`${fmt(m.summary.mae.mean)} ± ${fmt(m.summary.mae.sd)}`.padEnd(20)}  ${String(m.servedSeed).padStart(11)}  ${m.dmVsNaive.pValue.toPrecision(3).padStart(13)}  ${fmt(secs, 1).padStart(5)}`,
    );
  }
  for (const [name, b] of Object.entries(manifest.baselines)) {
    print(
      `${`${name} (baseline)`.padEnd(28)} ${'0'.padStart(7)}  ${fmt(b.test.rmse).padEnd(22)}  ${fmt(b.test.mae).padEnd(20)}`,
    );
  }
  const def = manifest.models.find((m) => m.id === manifest.defaultModel);
  if (def) {
    const [lo80, hi80] = def.forecast.intervals[80];
    const [lo95, hi95] = def.forecast.intervals[95];
    print(
      `default ${def.id}: ${def.forecast.target} forecast ${fmt(def.forecast.value)} (80% ${fmt(lo80)}–${fmt(hi80)}, 95% ${fmt(lo95)}–${fmt(hi95)})`,
    );
  }
  print(`registry written to ${outDir}`);
}
