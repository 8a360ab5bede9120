"""Expected values for the tests of metrics/, baselines/ and stats/.

An implementation independent of the TypeScript code (numpy/scipy), written from the
definitions: Diebold & Mariano (1995), with the small-sample correction of
Harvey, Leybourne & Newbold (1997), "Testing the equality of prediction mean squared
errors", International Journal of Forecasting 13(2), 281-291.

Run:  python3 packages/core/src/stats/reference/compute_reference.py
The printed numbers are pasted into the *.test.ts files beside the code.
"""

import numpy as np
from scipy import special, stats

np.set_printoptions(precision=17)


def show(label, value):
    print(f"{label} = {float(value)!r}")


# ---------------------------------------------------------------- metrics
actual = np.array([100.0, 102.0, 101.0, 105.0, 110.0, 108.0])
predicted = np.array([101.0, 101.5, 103.0, 104.0, 107.0, 109.5])
last = np.array([99.0, 100.0, 102.0, 101.0, 105.0, 110.0])
err = actual - predicted

print("# metrics: actual", actual.tolist())
print("#          predicted", predicted.tolist())
print("#          last", last.tolist())
show("rmse", np.sqrt(np.mean(err**2)))
show("mae", np.mean(np.abs(err)))
show("mape_percent", 100.0 * np.mean(np.abs(err / actual)))

train_last = np.array([50.0, 51.0, 49.5, 52.0, 53.0])
train_target = np.array([51.0, 49.5, 52.0, 53.0, 52.5])
scale = np.mean(np.abs(train_target - train_last))
print("# naive scale: train_last", train_last.tolist(), "train_target", train_target.tolist())
show("naive_scale", scale)
show("mase", np.mean(np.abs(err)) / scale)

hits = np.sign(predicted - last) == np.sign(actual - last)
show("directional_accuracy", hits.mean())

# ---------------------------------------------------------------- baselines
series = np.array([100.0, 103.0, 101.0, 106.0, 110.0, 108.5])
print("# baselines: series", series.tolist())
mu = np.mean(np.diff(np.log(series)))
show("mean_log_return", mu)
window_lasts = np.array([108.5, 95.25])
for i, v in enumerate(window_lasts):
    show(f"drift_forecast[{i}] (last {v})", v * np.exp(mu))

# ---------------------------------------------------------------- Student t CDF
print("# scipy.stats.t.cdf(x, df)")
for x, df in [(-2.5, 3), (-1.0, 1), (0.3, 7), (1.96, 10), (2.0, 29), (-4.0, 60), (0.0, 5),
              (12.0, 4), (-2.1, 183), (-0.05, 2.5), (-30.0, 11), (1e-8, 3)]:
    show(f"t_cdf({x}, {df})", stats.t.cdf(x, df))

print("# scipy.special.gammaln(x)")
for x in [0.5, 1.0, 3.7, 10.0, 91.5, 1e-3]:
    show(f"gammaln({x})", special.gammaln(x))

print("# scipy.special.betainc(a, b, x)")
for a, b, x in [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (5.5, 0.5, 0.9), (30.0, 0.5, 0.6), (1.0, 1.0, 0.25), (91.5, 0.5, 0.98)]:
    show(f"betainc({a}, {b}, {x})", special.betainc(a, b, x))


# ---------------------------------------------------------------- Diebold-Mariano (HLN)
def dm_hln(e1, e2, h=1, loss="squared", alternative="two-sided"):
    e1 = np.asarray(e1, dtype=float)
    e2 = np.asarray(e2, dtype=float)
    L = (lambda e: e**2) if loss == "squared" else np.abs
    d = L(e1) - L(e2)
    n = d.size
    dbar = d.mean()
    # gamma_k = (1/n) sum_{t=k+1}^{n} (d_t - dbar)(d_{t-k} - dbar)
    gamma = [np.sum((d[k:] - dbar) * (d[: n - k] - dbar)) / n for k in range(h)]
    v = gamma[0] + 2.0 * sum(gamma[1:])
    dm = dbar / np.sqrt(v / n)
    dm_star = dm * np.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)  # HLN (1997) correction
    t = stats.t(df=n - 1)
    if alternative == "two-sided":
        p = 2.0 * t.sf(abs(dm_star))
    elif alternative == "less":
        p = t.cdf(dm_star)
    else:
        p = t.sf(dm_star)
    return dm_star, p, dbar, n


eA = [0.5, -1.2, 2.0, 0.3, -0.7, 1.5, -2.2, 0.9, 0.1, -1.8, 1.1, -0.4]
eB = [1.0, -0.8, 2.5, -1.1, 0.6, 2.1, -2.9, 1.4, -0.9, -2.0, 1.7, 0.8]
print("# DM: eA", eA)
print("#     eB", eB)
cases = [
    ("squared", 1, "two-sided"),
    ("squared", 1, "less"),
    ("squared", 1, "greater"),
    ("absolute", 1, "two-sided"),
    ("squared", 3, "two-sided"),
    ("absolute", 2, "less"),
]
for loss, h, alt in cases:
    s, p, dbar, n = dm_hln(eA, eB, h, loss, alt)
    print(f"dm[{loss}, h={h}, {alt}] statistic={float(s)!r} pValue={float(p)!r} "
          f"meanLossDifferential={float(dbar)!r} n={n}")

# the @example of dieboldMariano.ts
s, p, dbar, n = dm_hln([1, -1, 1, 0.5], [2, -2, 1.5, 1])
print(f"dm[doc example] statistic={float(s)!r} pValue={float(p)!r} meanLossDifferential={float(dbar)!r} n={n}")
