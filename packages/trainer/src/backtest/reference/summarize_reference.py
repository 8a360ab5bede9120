"""Expected values for backtest/summarize.test.ts: the backtest's pooled figures, HLN
Diebold-Mariano tests, per-origin ranks and Friedman tests on synthetic forecasts.

Independent of the TypeScript code, written from the definitions: RMSE/MAE; coverage, mean width
and the interval (Winkler) score, Gneiting & Raftery (2007) section 6.2; the pinball loss averaged
over the quantiles of the report levels, Koenker & Bassett (1978); Diebold & Mariano (1995) with
the correction of Harvey, Leybourne & Newbold (1997), h - 1 autocovariance lags, Student t on
n - 1 df; scipy.stats.rankdata and scipy.stats.friedmanchisquare.

The synthetic forecasts are closed formulas the test rebuilds identically (see `synthetic`).

Run:  python3 packages/trainer/src/backtest/reference/summarize_reference.py \
        > packages/trainer/src/backtest/reference/summarize_expected.json
"""

import json
import math

import numpy as np
from scipy import stats

LEVELS = [50, 60, 70, 80, 90, 95, 99]
H = 2
ORIGINS = 4
PER_BLOCK = 6
FORECASTERS = {
    "simplernn-32@relative": (2.0, 6.0, 0.0, 1.0),
    "gru-32@relative": (-1.0, 5.0, 1.0, 1.5),
    "lstm-32@relative": (0.5, 4.0, 2.0, 2.0),
    "naive": (3.0, 7.0, 0.5, 1.2),
    "ar1": (-2.0, 5.5, 1.5, 1.8),
}


def synthetic(name, k, h):
    """Forecasts of `name` at origin k, horizon h: list of (s, actual, point, lowers, uppers)."""
    b, a, p, c = FORECASTERS[name]
    out = []
    last_s = 10 * k + PER_BLOCK - 1
    if k == ORIGINS - 1:
        last_s -= h - 1  # the last block is cut at the data end
    for s in range(10 * k, last_s + 1):
        actual = 100 + 10 * math.sin(0.3 * (s + h))
        point = actual + b + a * math.sin(1.7 * s + p + h)
        widths = [c * (1 + 0.5 * li) * (1 + 0.1 * h) * (1 + 0.3 * math.cos(s)) for li in range(len(LEVELS))]
        out.append((s, actual, point, [point - w for w in widths], [point + w for w in widths]))
    return out


def winkler(y, lo, hi, level):
    alpha = 1 - level / 100
    return (hi - lo) + (2 / alpha) * max(0.0, lo - y) + (2 / alpha) * max(0.0, y - hi)


def pinball(y, q, tau):
    u = y - q
    return max(tau * u, (tau - 1) * u)


def pooled(name, h):
    return [f for k in range(ORIGINS) for f in synthetic(name, k, h)]


def figures(rows):
    y = np.array([r[1] for r in rows])
    yhat = np.array([r[2] for r in rows])
    out = {"n": len(rows), "rmse": float(np.sqrt(np.mean((y - yhat) ** 2))), "mae": float(np.mean(np.abs(y - yhat)))}
    for level in (80, 95):
        li = LEVELS.index(level)
        lo = np.array([r[3][li] for r in rows])
        hi = np.array([r[4][li] for r in rows])
        out[f"coverage{level}"] = float(np.mean((y >= lo) & (y <= hi)))
        out[f"width{level}"] = float(np.mean(hi - lo))
        out[f"winkler{level}"] = float(np.mean([winkler(*t, level) for t in zip(y, lo, hi)]))
    losses = []
    for li, level in enumerate(LEVELS):
        for tau, bound in (((100 - level) / 200, 3), ((100 + level) / 200, 4)):
            losses.append(np.mean([pinball(r[1], r[bound][li], tau) for r in rows]))
    out["pinball"] = float(np.mean(losses))
    return out


def hln(da, db, h):
    d = np.array(da) - np.array(db)
    n = len(d)
    mean = d.mean()
    gamma = [np.sum((d[k:] - mean) * (d[: n - k] - mean)) / n for k in range(h)]
    v = gamma[0] + 2 * sum(gamma[1:])
    if not v > 0:
        return None  # the long-run variance estimate is not positive: no test
    dm = mean / math.sqrt(v / n)
    stat = dm * math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    return stat, float(2 * stats.t.cdf(-abs(stat), n - 1))


def losses(rows, kind):
    if kind == "squared":
        return [(r[1] - r[2]) ** 2 for r in rows]
    level = int(kind)
    li = LEVELS.index(level)
    return [winkler(r[1], r[3][li], r[4][li], level) for r in rows]


result = {"pooled": {}, "dm": {}}
for name in FORECASTERS:
    result["pooled"][name] = [figures(pooled(name, h)) for h in range(1, H + 1)]
    for base in ("naive", "ar1"):
        if base == name:
            continue
        for kind in ("squared", "80", "95"):
            result["dm"][f"{name}|{base}|{kind}"] = [
                hln(losses(pooled(name, h), kind), losses(pooled(base, h), kind), h) for h in range(1, H + 1)
            ]

models = ["simplernn-32@relative", "gru-32@relative", "lstm-32@relative"]


def criterion(name, k, which):
    f = figures(synthetic(name, k, 1))
    return f["rmse"] if which == "rmse" else (f["winkler80"] + f["winkler95"]) / 2


for which in ("rmse", "winkler"):
    table = np.array([[criterion(m, k, which) for m in models] for k in range(ORIGINS)])
    ranks = [stats.rankdata(row).tolist() for row in table]
    fr = stats.friedmanchisquare(*table.T)
    result[f"ranks_{which}"] = ranks
    result[f"friedman_{which}"] = [float(fr.statistic), float(fr.pvalue)]
    result[f"holds_{which}"] = sum(1 for r in ranks if r[0] == 3 and r[2] == 1)
    result[f"wins_{which}"] = {
        m: [sum(1 for k in range(ORIGINS) if criterion(m, k, which) < criterion(b, k, which)) for b in ("naive", "ar1")]
        for m in models
    }

print(json.dumps(result, indent=1))
