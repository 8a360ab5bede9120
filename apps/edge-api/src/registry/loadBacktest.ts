import {
  type Backtest,
  type BacktestMetrics,
  parseBacktest,
  RegistryFormatError,
} from '@gatecast/core/registry';
import type { BundledBacktest } from './bundle.js';

/** The bundled backtest after its checks: core's `Backtest`, each origin cut to `originHorizons`. */
export interface LoadedBacktest {
  backtest: Backtest;
  /** Horizons each origin's figures hold (the summary holds every horizon). */
  originHorizons: number;
  /** sha256 of the whole `backtest.json`. */
  sha256: string;
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
 * Parses the bundled backtest with core's schema (the one codegen checked the file with) and checks
 * that it ran on the registry's series and holds `originHorizons` figures at every origin.
 *
 * @param dataSha256 the manifest's `data.sha256`
 */
export function loadBacktest(
  bundled: BundledBacktest | undefined,
  dataSha256: string,
): BacktestLoad {
  if (bundled === undefined) return { ok: false, reason: 'no backtest was bundled' };
  if ('unavailable' in bundled) return { ok: false, reason: bundled.unavailable };
  let backtest: Backtest;
  try {
    backtest = parseBacktest(JSON.parse(bundled.text));
  } catch (error) {
    if (!(error instanceof RegistryFormatError || error instanceof SyntaxError)) throw error;
    return { ok: false, reason: `the bundled backtest failed its check: ${error.message}` };
  }
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
  return {
    ok: true,
    loaded: { backtest, originHorizons: bundled.originHorizons, sha256: bundled.sha256 },
  };
}
