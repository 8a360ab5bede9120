// The backtest's compact summary: every forecaster pooled over the origins with Diebold–Mariano
// tests against naive and AR(1), per-origin ranks of the models with Friedman's test, and how
// often the lesson's ordering holds.
import {
  averageRanks,
  dieboldMarianoLosses,
  friedmanTest,
  INTERVAL_LEVELS,
  type IntervalLevel,
} from '@gatecast/core';
import type { BacktestSummary } from '@gatecast/core/registry';
import {
  backtestMetrics,
  concatForecasts,
  type ForecastsByHorizon,
  type HorizonForecasts,
  levelIntervalScores,
  squaredErrors,
} from './scoreForecasts.js';

/** The baselines every forecaster is tested against, by id. */
export const DM_BASELINES = ['naive', 'ar1'] as const;

/** Every forecaster's forecasts at one origin, keyed by id. */
export interface OriginForecasts {
  /** `YYYY-01-01`. */
  origin: string;
  forecasts: ReadonlyMap<string, ForecastsByHorizon>;
}

/** Options of {@link summarizeBacktest}. */
export interface SummarizeOptions {
  /** In time order. */
  origins: readonly OriginForecasts[];
  /** Model ids, in the order the summary lists them. */
  models: readonly string[];
  /** Baseline ids (`naive` and `ar1` among them for the DM tests). */
  baselines: readonly string[];
  /**
   * The lesson's cells, worst claimed first (SimpleRNN, GRU, LSTM); `null` when the run did not fit
   * all three.
   */
  lessonCells: readonly [string, string, string] | null;
}

type Summary = BacktestSummary;
type DmSeries = { statistic: (number | null)[]; pValue: (number | null)[] };

function forecastsOf(origin: OriginForecasts, id: string): ForecastsByHorizon {
  const f = origin.forecasts.get(id);
  if (!f) throw new Error(`origin ${origin.origin} has no forecasts of ${id}`);
  return f;
}

/** `[H]` a forecaster's forecasts pooled over every origin, in time order. */
function pooled(origins: readonly OriginForecasts[], id: string): ForecastsByHorizon {
  const first = forecastsOf(origins[0] as OriginForecasts, id);
  return first.map((_, h) =>
    concatForecasts(origins.map((o) => forecastsOf(o, id)[h] as HorizonForecasts)),
  );
}

/**
 * HLN DM of A's losses against B's at each horizon (h − 1 autocovariance lags), `null` where it
 * cannot be computed (fewer than h + 1 pairs, or a loss differential without variance).
 */
function dmSeries(
  a: ForecastsByHorizon,
  b: ForecastsByHorizon,
  losses: (f: HorizonForecasts) => number[],
): DmSeries {
  const out: DmSeries = { statistic: [], pValue: [] };
  a.forEach((fa, i) => {
    const fb = b[i] as HorizonForecasts;
    if (fa.origins.join() !== fb.origins.join()) {
      throw new Error(`h = ${i + 1}: the two forecasters were scored on different months`);
    }
    let result: { statistic: number; pValue: number } | null = null;
    if (fa.origins.length > i + 1) {
      try {
        result = dieboldMarianoLosses(losses(fa), losses(fb), { horizon: i + 1 });
      } catch {
        result = null;
      }
    }
    out.statistic.push(result?.statistic ?? null);
    out.pValue.push(result?.pValue ?? null);
  });
  return out;
}

function dmAgainst(a: ForecastsByHorizon, b: ForecastsByHorizon) {
  return {
    squaredError: dmSeries(a, b, squaredErrors),
    intervalScore: Object.fromEntries(
      INTERVAL_LEVELS.map((level) => [
        level,
        dmSeries(a, b, (f) => levelIntervalScores(f, Number(level))),
      ]),
    ) as Record<IntervalLevel, DmSeries>,
  };
}

/** The two ranking criteria at one origin, lower is better: h = 1 RMSE, h = 1 Winkler (80/95). */
const CRITERIA = {
  rmse: (f: ForecastsByHorizon) => backtestMetrics([f[0] as HorizonForecasts]).rmse[0] as number,
  intervalScore: (f: ForecastsByHorizon) => {
    const m = backtestMetrics([f[0] as HorizonForecasts]);
    const scores = INTERVAL_LEVELS.map((level) => m.intervalScore[level][0] as number);
    return scores.reduce((s, v) => s + v, 0) / scores.length;
  },
} as const;
type Criterion = keyof typeof CRITERIA;

function ranking(
  origins: readonly OriginForecasts[],
  ids: readonly string[],
  criterion: Criterion,
): Summary['ranking']['rmse'] {
  const values = origins.map((o) => ids.map((id) => CRITERIA[criterion](forecastsOf(o, id))));
  let friedman: Summary['ranking']['rmse']['friedman'] = null;
  if (origins.length >= 2 && ids.length >= 2) {
    try {
      const { statistic, df, pValue, kendallW, meanRanks } = friedmanTest(values);
      friedman = { statistic, df, pValue, kendallW, meanRanks };
    } catch {
      friedman = null;
    }
  }
  return { ranks: values.map(averageRanks), friedman };
}

/**
 * Pools, tests and ranks the backtest's forecasts.
 *
 * - `forecasters`: every model and baseline's figures by horizon over all origins' forecasts, and
 *   HLN Diebold–Mariano tests (squared errors; interval scores at 80 and 95) against `naive` and
 *   `ar1` on the same months, pooled in time order with h − 1 autocovariance lags.
 * - `wins`: at how many origins a model's h = 1 RMSE (and h = 1 interval score, mean of 80 and 95)
 *   was below naive's and AR(1)'s.
 * - `ranking`: the models ranked at every origin by those two criteria, Friedman's test across the
 *   origins.
 * - `lessonOrdering`: among the lesson's three cells, the origins where SimpleRNN ranks last and
 *   LSTM first (a tie does not count), and Friedman's test of the three.
 *
 * @throws {Error} when an origin lacks a forecaster, or two forecasters were scored on different
 *   months
 */
export function summarizeBacktest(options: SummarizeOptions): BacktestSummary {
  const { origins, models, baselines, lessonCells } = options;
  if (origins.length === 0) throw new Error('no origins to summarize');
  const pools = new Map([...models, ...baselines].map((id) => [id, pooled(origins, id)]));
  const pool = (id: string) => pools.get(id) as ForecastsByHorizon;
  const forecasters = [...models, ...baselines].map((id) => {
    const dm: Summary['forecasters'][number]['dm'] = {};
    for (const baseline of DM_BASELINES) {
      if (baseline !== id && pools.has(baseline))
        dm[baseline] = dmAgainst(pool(id), pool(baseline));
    }
    return {
      id,
      kind: models.includes(id) ? ('model' as const) : ('baseline' as const),
      metrics: backtestMetrics(pool(id)),
      dm,
    };
  });

  const wins = models.map((id) => {
    const count = (criterion: Criterion, baseline: string) =>
      pools.has(baseline)
        ? origins.filter(
            (o) =>
              CRITERIA[criterion](forecastsOf(o, id)) <
              CRITERIA[criterion](forecastsOf(o, baseline)),
          ).length
        : 0;
    return {
      id,
      rmse: { naive: count('rmse', 'naive'), ar1: count('rmse', 'ar1') },
      intervalScore: { naive: count('intervalScore', 'naive'), ar1: count('intervalScore', 'ar1') },
    };
  });

  let lessonOrdering: Summary['lessonOrdering'] = null;
  if (lessonCells?.every((id) => models.includes(id))) {
    const lesson = (criterion: Criterion) => {
      const r = ranking(origins, lessonCells, criterion);
      // cells are [SimpleRNN, GRU, LSTM]: the claim is ranks [3, ·, 1]
      const holds = r.ranks.filter((ranks) => ranks[0] === 3 && ranks[2] === 1).length;
      return { holds, ranking: r };
    };
    lessonOrdering = {
      cells: [...lessonCells],
      rmse: lesson('rmse'),
      intervalScore: lesson('intervalScore'),
    };
  }

  return {
    forecasters,
    wins,
    ranking: {
      models: [...models],
      rmse: ranking(origins, models, 'rmse'),
      intervalScore: ranking(origins, models, 'intervalScore'),
    },
    lessonOrdering,
  };
}
