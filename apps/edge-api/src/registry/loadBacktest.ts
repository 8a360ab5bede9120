import type { Backtest, BacktestMetrics } from '@gatecast/core/registry';
import type { BundledBacktest } from './bundle.js';
import { sha256Hex } from './sha256.js';

/** The bundled backtest after its checks: core's `Backtest`, each origin cut to `originHorizons`. */
export interface LoadedBacktest {
  backtest: Backtest;
  /** Horizons each origin's figures hold (the summary holds every horizon). */
  originHorizons: number;
}

/** The backtest, or why there is none to serve (client-safe). */
export type BacktestLoad = { ok: true; loaded: LoadedBacktest } | { ok: false; reason: string };

function lengths(m: BacktestMetrics): number[] {
  return [
    m.n,
    m.rmse,
    m.mae,
    m.pinball,
    ...Object.values(m.coverage),
    ...Object.values(m.meanWidth),
    ...Object.values(m.intervalScore),
  ].map((a) => a.length);
}

/**
 * Checks the bundled backtest and parses it: its text is the one codegen checked with core's
 * schema (sha256, with WebCrypto: ~0.1 ms where the schema would take 10–40 ms of a first
 * request's CPU), it ran on the registry's series, and every origin holds `originHorizons`
 * figures.
 *
 * @param dataSha256 the manifest's `data.sha256`
 */
export async function loadBacktest(
  bundled: BundledBacktest | undefined,
  dataSha256: string,
): Promise<BacktestLoad> {
  if (bundled === undefined) return { ok: false, reason: 'no backtest was bundled' };
  if ('unavailable' in bundled) return { ok: false, reason: bundled.unavailable };
  if ((await sha256Hex(bundled.text)) !== bundled.sha256) {
    return { ok: false, reason: 'the bundled backtest is not the one codegen checked (sha256)' };
  }
  const backtest = JSON.parse(bundled.text) as Backtest;
  if (backtest.data.sha256 !== dataSha256) {
    return { ok: false, reason: 'the bundled backtest ran on other data than the registry' };
  }
  const cut = backtest.origins.every((o) =>
    [...o.models, ...o.baselines].every((f) =>
      lengths(f.metrics).every((n) => n === bundled.originHorizons),
    ),
  );
  if (!cut) {
    return {
      ok: false,
      reason: `the bundled backtest's origins do not hold ${bundled.originHorizons} horizons`,
    };
  }
  return { ok: true, loaded: { backtest, originHorizons: bundled.originHorizons } };
}
