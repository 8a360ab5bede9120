import { readFileSync } from 'node:fs';
import { type MonthlySeries, parseMonthlyCsv, randomModelWeights } from '@gatecast/core';
import { describe, expect, it } from 'vitest';
import { scalerFor } from '../data/prepareData.js';
import { REFERENCE_CSV } from '../testing/paths.js';
import { configsByName, modelId, specFor } from '../train/configs.js';
import { forecastOrigin, type OriginForecastResult } from './forecastOrigin.js';
import { originSplit } from './originSplit.js';
import { type BacktestOrigin, backtestOrigins } from './origins.js';

const series = parseMonthlyCsv(readFileSync(REFERENCE_CSV, 'utf8'));

/** Two small untrained networks, a point one and a learned-scale one: every method runs. */
const models = configsByName(['gru-8', 'gru-8-nll']).map((config) => {
  const spec = specFor(config, 'relative');
  return {
    id: modelId(config, 'relative'),
    spec,
    weights: randomModelWeights(spec, { seed: 3, scale: 0.3 }),
  };
});

function forecast(
  s: MonthlySeries,
  year: number,
): OriginForecastResult & { origin: BacktestOrigin } {
  const [origin] = backtestOrigins(s, {
    years: [year, year + 1],
    windowLength: 12,
    validationFraction: 0.15,
  });
  if (!origin) throw new Error('no origin');
  const split = originSplit(s, origin);
  const result = forecastOrigin({
    series: s,
    origin,
    split,
    scaler: scalerFor('relative', split),
    models,
    horizon: 12,
  });
  return { ...result, origin };
}

const full = forecast(series, 2015);

describe("an origin's forecasts", () => {
  it('cover its block at every horizon, as far as the targets go', () => {
    const first = full.models[0]?.forecasts;
    expect(first?.[0]?.origins).toHaveLength(12);
    expect(first?.[0]?.origins[0]).toBe(full.origin.originIndex - 1);
    expect(first?.[11]?.origins).toHaveLength(12);
    expect(full.baselines.map((b) => b.name)).toEqual(['naive', 'drift', 'ar1', 'naiveEwma']);
    // Bands are nested by level and hold finite, positive bounds.
    const h1 = first?.[0];
    for (let li = 1; li < (h1?.lower.length ?? 0); li++) {
      h1?.lower[li]?.forEach((l, i) => {
        expect(l).toBeLessThanOrEqual(h1.lower[li - 1]?.[i] as number);
        expect(l).toBeGreaterThan(0);
      });
    }
    expect(full.models.map((m) => m.served.servable)).toEqual([true, true]);
  });

  it('use no month after the forecast origin: later closes change the targets only', () => {
    // Every close after the block's last forecast origin doubled, and the series cut a year later.
    const cut = full.origin.block.last + 13;
    const changed: MonthlySeries = {
      dates: series.dates.slice(0, cut + 1),
      values: series.values
        .slice(0, cut + 1)
        .map((v, t) => (t > full.origin.block.last ? 2 * v : v)),
    };
    const other = forecast(changed, 2015);
    const pairs = [
      ...full.models.map((m, i) => [m.forecasts, other.models[i]?.forecasts] as const),
      ...full.baselines.map((b, i) => [b.forecasts, other.baselines[i]?.forecasts] as const),
    ];
    for (const [a, b] of pairs) {
      a.forEach((fa, h) => {
        const fb = b?.[h];
        expect(fb?.origins).toEqual(fa.origins);
        expect(fb?.point).toEqual(fa.point);
        expect(fb?.lower).toEqual(fa.lower);
        expect(fb?.upper).toEqual(fa.upper);
        expect(fb?.actual).toEqual(fa.origins.map((s) => changed.values[s + h + 1]));
      });
    }
    expect(other.models.map((m) => m.served.id)).toEqual(full.models.map((m) => m.served.id));
  });
});
