"""Expected values for the tests of intervals/, the interval metrics, the interval baselines,
stats/normalQuantile and stats/dieboldMarianoLosses.

An implementation independent of the TypeScript code (numpy/scipy and exact fractions), written
from the definitions:
  - quantile rules: numpy's np.quantile methods 'linear' (Hyndman-Fan type 7) and
    'inverted_cdf' (type 1); the split-conformal rank ceil((n+1)p) in exact rational arithmetic;
  - interval (Winkler) score: Gneiting & Raftery (2007), JASA 102(477), section 6.2;
  - pinball loss: Koenker & Bassett (1978);
  - adaptive conformal inference: Gibbs & Candes (2021), "Adaptive conformal inference under
    distribution shift", NeurIPS, eq. (2), with the miss of origin s used from origin s + h on;
  - EWMA volatility: RiskMetrics Technical Document (1996), section 5.2;
  - the classical baselines of docs/lesson.md ("Classical forecasters on the test windows") on
    data/sp500_monthly.csv.

Run:  python3 packages/core/src/stats/reference/compute_interval_reference.py
The printed numbers are pasted into the *.test.ts files beside the code.
"""

import csv
import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy import stats


def show(label, value):
    print(f"{label} = {float(value)!r}")


def show_list(label, values):
    print(f"{label} = {json.dumps([float(v) if math.isfinite(v) else str(v) for v in values])}")


# ---------------------------------------------------------------- quantile rules
x10 = [0.31, 1.2, 0.05, 2.7, 0.88, 1.9, 0.47, 3.3, 0.12, 1.05]
print("# quantiles of", x10)
for p in [0.0, 0.05, 0.1, 0.25, 0.5, 0.8, 0.9, 0.95, 1.0]:
    lin = np.quantile(x10, p, method="linear")
    inv = np.quantile(x10, p, method="inverted_cdf")
    print(f"quantile p={p}: linear={float(lin)!r} inverted_cdf={float(inv)!r}")


def conformal_exact(values, p):
    """ceil((n+1)p)-th smallest, in exact arithmetic on the decimal p."""
    n = len(values)
    rank = math.ceil((n + 1) * Fraction(str(p)))
    return math.inf if rank > n else sorted(values)[rank - 1]


for p in [0.05, 0.1, 0.25, 0.5, 0.8, 0.9, 0.95]:
    print(f"conformal p={p}: {conformal_exact(x10, p)!r}")
# float noise: (99 + 1) * 0.07 = 7.000000000000001 in doubles, 7 exactly
values99 = list(range(1, 100))
print("conformal n=99 p=0.07 (exact):", conformal_exact(values99, 0.07))
values100 = list(range(1, 101))
print("inverted_cdf n=100 p=0.07: numpy (floats) =",
      float(np.quantile(values100, 0.07, method="inverted_cdf")),
      " exact =", sorted(values100)[math.ceil(100 * Fraction("0.07")) - 1])

# ---------------------------------------------------------------- interval metrics
actual = np.array([100.0, 104.0, 97.0, 110.0, 101.5, 93.0, 108.0, 102.0])
lower = np.array([95.0, 99.0, 98.0, 100.0, 96.0, 95.5, 101.0, 102.0])
upper = np.array([105.0, 103.0, 108.0, 109.0, 106.0, 104.0, 111.0, 112.0])
print("# interval metrics: actual", actual.tolist())
print("#   lower", lower.tolist())
print("#   upper", upper.tolist())
show("coverage", np.mean((actual >= lower) & (actual <= upper)))
show("mean_width", np.mean(upper - lower))


def winkler(y, lo, hi, level):
    a = 1.0 - level
    return (hi - lo) + (2 / a) * np.maximum(lo - y, 0) + (2 / a) * np.maximum(y - hi, 0)


for level in [0.8, 0.95]:
    show_list(f"interval_scores[{level}]", winkler(actual, lower, upper, level))
    show(f"interval_score[{level}]", winkler(actual, lower, upper, level).mean())


def pinball(y, q, tau):
    u = y - q
    return np.maximum(tau * u, (tau - 1) * u)


show("pinball[0.1 lower, 0.9 upper]",
     np.mean([pinball(actual, lower, 0.1).mean(), pinball(actual, upper, 0.9).mean()]))
median = (lower + upper) / 2
quants = [(0.025, lower - 2), (0.1, lower), (0.5, median), (0.9, upper), (0.975, upper + 2)]
show("pinball[5 quantiles]", np.mean([pinball(actual, q, t).mean() for t, q in quants]))

# ---------------------------------------------------------------- normal quantile
print("# scipy.stats.norm.ppf(p)")
for p in [1e-300, 1e-20, 1e-12, 1e-5, 0.01, 0.025, 0.05, 0.075, 0.1, 0.3, 0.5, 0.7, 0.9, 0.925,
          0.975, 0.995, 1 - 1e-10]:
    show(f"norm_ppf({p!r})", stats.norm.ppf(p))


# ---------------------------------------------------------------- DM on arbitrary losses
def dm_hln_losses(la, lb, h=1, alternative="two-sided"):
    d = np.asarray(la, dtype=float) - np.asarray(lb, dtype=float)
    n = d.size
    dbar = d.mean()
    gamma = [np.sum((d[k:] - dbar) * (d[: n - k] - dbar)) / n for k in range(h)]
    v = gamma[0] + 2.0 * sum(gamma[1:])
    dm_star = dbar / np.sqrt(v / n) * np.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    t = stats.t(df=n - 1)
    p = {"two-sided": 2.0 * t.sf(abs(dm_star)), "less": t.cdf(dm_star),
         "greater": t.sf(dm_star)}[alternative]
    return dm_star, p, dbar


scoresA = winkler(actual, lower, upper, 0.8)
scoresB = winkler(actual, lower - 3, upper + 3, 0.8)
print("# DM on interval scores: A = the bands above, B = widened by 3 each side, level 0.8")
for h, alt in [(1, "two-sided"), (2, "less")]:
    s, p, dbar = dm_hln_losses(scoresA, scoresB, h, alt)
    print(f"dm_losses[h={h}, {alt}] statistic={float(s)!r} pValue={float(p)!r} dbar={float(dbar)!r}")

# ---------------------------------------------------------------- EWMA volatility
prices = [100.0, 102.0, 99.0, 101.0, 105.0, 103.0, 108.0, 104.0, 107.0, 111.0]
r = np.diff(np.log(prices))


def ewma_sigma(prices, lam, warmup=None, init=None):
    r = np.diff(np.log(prices))
    out = [math.nan] * len(prices)
    if init is None:
        var = np.mean(r[:warmup] ** 2)  # r_1 .. r_warmup
        out[warmup] = math.sqrt(var)
        start = warmup + 1
    else:
        var = init
        out[0] = math.sqrt(var)
        start = 1
    for t in range(start, len(prices)):
        var = lam * var + (1 - lam) * r[t - 1] ** 2  # r[t-1] = ln(p_t / p_{t-1})
        out[t] = math.sqrt(var)
    return out


print("# EWMA volatility of", prices)
show_list("ewma[0.94, warmup 3]", ewma_sigma(prices, 0.94, warmup=3))
show_list("ewma[0.8, init 0.0004]", ewma_sigma(prices, 0.8, init=0.0004))

# ---------------------------------------------------------------- online conformal
rng = np.random.default_rng(20261128)
errors = np.round(rng.standard_t(3, size=30) * 0.8, 4)
errors[12:18] *= 3  # a burst of large errors
errors = np.round(errors, 4)
print("# online: errors =", json.dumps(errors.tolist()))
sigmas = np.round(0.03 + 0.02 * np.abs(np.sin(np.arange(30) / 3.0)), 4)
print("# online: sigmas =", json.dumps(sigmas.tolist()))


def usable(scores, t, h, window):
    end = t - h + 1
    if end <= 0:
        return []
    start = 0 if window is None else max(0, end - window)
    return list(scores[start:end])


def rolling(scores, level, h, window):
    return [conformal_exact(usable(scores, t, h, window), level) if usable(scores, t, h, window)
            else math.inf for t in range(len(scores))]


def aci(scores, level, h, gamma, window, min_scores):
    alpha0 = 1 - level
    alpha, start, widths, alphas = alpha0, None, [], []
    for t in range(len(scores)):
        s = t - h
        if start is not None and s >= start:
            alpha += gamma * (alpha0 - (1 if scores[s] > widths[s] else 0))
        used = usable(scores, t, h, window)
        if start is None and len(used) >= min_scores:
            start = t
        alphas.append(alpha)
        if start is None or not used:
            widths.append(math.inf)
        elif 1 - alpha >= 1:
            widths.append(math.inf)
        elif 1 - alpha <= 0:
            widths.append(0.0)
        else:
            n = len(used)
            rank = math.ceil((n + 1) * (1 - alpha) - 1e-9 * max(1, (n + 1) * (1 - alpha)))
            widths.append(math.inf if rank > n else sorted(used)[rank - 1])
    return widths, alphas


abs_err = np.abs(errors)
show_list("rolling[0.8, h=1, W=8]", rolling(abs_err, 0.8, 1, 8))
show_list("rolling[0.9, h=3, W=all]", rolling(abs_err, 0.9, 3, None))
w, a = aci(abs_err, 0.8, 1, 0.05, None, 4)
show_list("aci[0.8, h=1, gamma=0.05].halfWidths", w)
show_list("aci[0.8, h=1, gamma=0.05].alphas", a)
w, a = aci(abs_err, 0.8, 2, 0.05, 10, 4)
show_list("aci[0.8, h=2, gamma=0.05, W=10].halfWidths", w)
show_list("aci[0.8, h=2, gamma=0.05, W=10].alphas", a)
normalised = abs_err / sigmas
show_list("volscaled rolling[0.8, h=1, W=8]",
          np.array(rolling(normalised, 0.8, 1, 8)) * sigmas)
q = conformal_exact(list(np.abs(errors[:20]) / sigmas[:20]), 0.8)
show("volscaled static q[0.8, first 20 calibrate]", q)
show_list("volscaled static halfWidths[last 10]", q * sigmas[20:])

# ---------------------------------------------------------------- interval baselines, small span
small = np.array([100.0, 103.0, 101.0, 106.0, 110.0, 108.5, 112.0, 109.0, 115.0, 118.0])
print("# baselines: span", small.tolist())
r_small = np.diff(np.log(small))
Xs = np.column_stack([np.ones(len(r_small) - 1), r_small[:-1]])
(cs, phis), *_ = np.linalg.lstsq(Xs, r_small[1:], rcond=None)
show("small.ar1.c", cs)
show("small.ar1.phi", phis)
show_list("small.ar1.residuals", r_small[1:] - Xs @ np.array([cs, phis]))


def ar1_mean_small(last_return, h):
    e, total = last_return, 0.0
    for _ in range(h):
        e = cs + phis * e
        total += e
    return total


res2 = [np.log(small[s + 2] / small[s]) - ar1_mean_small(np.log(small[s] / small[s - 1]), 2)
        for s in range(1, len(small) - 2)]
show_list("small.ar1.h2.residuals (sorted)", sorted(res2))
m2 = ar1_mean_small(np.log(112.0 / 108.5), 2)
show("small.ar1.h2 forecast from [108.5, 112]", 112.0 * np.exp(m2))
show("small.ar1.h2 80% lower", 112.0 * np.exp(m2 + np.quantile(res2, 0.1)))
show("small.ar1.h2 80% upper", 112.0 * np.exp(m2 + np.quantile(res2, 0.9)))
R3 = np.log(small[3:] / small[:-3])
show("small.naive.h3 50% lower from 118", 118.0 * np.exp(np.quantile(R3, 0.25)))
show("small.naive.h3 50% upper from 118", 118.0 * np.exp(np.quantile(R3, 0.75)))
mu_small = r_small.mean()
Rc = R3 - np.median(R3)
show("small.drift.h3.median-centred 50% lower from 118", 118.0 * np.exp(3 * mu_small + np.quantile(Rc, 0.25)))
z = stats.norm.ppf(0.9)
show("ewma naive 80% h=4, sigma 0.05, last 118: lower", 118.0 * np.exp(-z * 0.05 * 2))
show("ewma naive 80% h=4, sigma 0.05, last 118: upper", 118.0 * np.exp(z * 0.05 * 2))

# ---------------------------------------------------------------- docs/lesson.md, classical forecasters
root = Path(__file__).resolve().parents[5]
rows = list(csv.DictReader(open(root / "data" / "sp500_monthly.csv")))
v = np.array([float(row["close"]) for row in rows])
L, TEST = 12, 184
windows = len(v) - L
train = windows - TEST
fit = train - round(train * 0.15)
span = v[: L + fit]  # the values the 613 fitting windows cover: 1950-01 .. 2002-01
print(f"# reference split: {windows} windows, {train} train, {fit} fit; span {len(span)} values,"
      f" {rows[0]['date']} .. {rows[L + fit - 1]['date']}")
r_span = np.diff(np.log(span))
X = np.column_stack([np.ones(len(r_span) - 1), r_span[:-1]])
(c, phi), *_ = np.linalg.lstsq(X, r_span[1:], rcond=None)
show("ar1.c", c)
show("ar1.phi", phi)
mu_span = r_span.mean()
mu_train = np.diff(np.log(v[: L + train])).mean()
show("mu[fit span]", mu_span)
show("mu[721 train windows]", mu_train)

targets = np.arange(L + train, len(v))  # 184 test targets, 2011-02 .. 2026-05
y = v[targets]


def ar1_mean(last_return, h):
    e, total = last_return, 0.0
    for _ in range(h):
        e = c + phi * e
        total += e
    return total


def span_residuals(kind, h, mu=None):
    R = np.log(span[h:] / span[:-h])  # origins s = 0 .. n-1-h
    if kind == "naive":
        return R
    if kind == "drift":
        return R - h * mu
    s = np.arange(1, len(span) - h)
    return np.array([np.log(span[i + h] / span[i]) - ar1_mean(np.log(span[i] / span[i - 1]), h)
                     for i in s])


def report(name, h, kind, mu=None, centre_median=False):
    res = span_residuals(kind, h, mu)
    if centre_median:
        res = res - np.median(res)
    origins = targets - h
    last = v[origins]
    if kind == "naive":
        m = np.zeros(len(origins))
    elif kind == "drift":
        m = np.full(len(origins), h * mu)
    else:
        m = np.array([ar1_mean(np.log(v[o] / v[o - 1]), h) for o in origins])
    point = last * np.exp(m)
    e = y - point
    out = {"rmse": np.sqrt(np.mean(e ** 2)), "mae": np.mean(np.abs(e))}
    for level in (0.8, 0.95):
        lo = last * np.exp(m + np.quantile(res, (1 - level) / 2))
        hi = last * np.exp(m + np.quantile(res, (1 + level) / 2))
        out[f"cov{round(level * 100)}"] = np.mean((y >= lo) & (y <= hi))
        out[f"width{round(level * 100)}"] = np.mean(hi - lo)
        out[f"winkler{round(level * 100)}"] = winkler(y, lo, hi, level).mean()
    print(f"{name}: " + json.dumps({k: round(float(val), 6) for k, val in out.items()}))


report("naive + empirical quantiles, h=1", 1, "naive")
report("AR(1) + residual quantiles, h=1", 1, "ar1")
report("drift (721 mu) + median-centred quantiles, h=1", 1, "drift", mu_train, True)
report("drift (span mu) + residual quantiles, h=1", 1, "drift", mu_span)
report("naive + empirical quantiles, h=3", 3, "naive")
report("AR(1) + residual quantiles, h=3", 3, "ar1")
report("AR(1) + residual quantiles, h=12", 12, "ar1")

# naive with EWMA-volatility Gaussian bands (lambda 0.94, warm-up 12 from 1950)
sig = np.array(ewma_sigma(list(v), 0.94, warmup=12))
for h in (1, 3):
    origins = targets - h
    last = v[origins]
    out = {"rmse": np.sqrt(np.mean((y - last) ** 2))}
    for level in (0.8, 0.95):
        z = stats.norm.ppf((1 + level) / 2)
        lo = last * np.exp(-z * sig[origins] * math.sqrt(h))
        hi = last * np.exp(z * sig[origins] * math.sqrt(h))
        out[f"cov{round(level * 100)}"] = np.mean((y >= lo) & (y <= hi))
        out[f"width{round(level * 100)}"] = np.mean(hi - lo)
        out[f"winkler{round(level * 100)}"] = winkler(y, lo, hi, level).mean()
    print(f"naive + EWMA Gaussian, h={h}: "
          + json.dumps({k: round(float(val), 6) for k, val in out.items()}))
