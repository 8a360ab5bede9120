"""Expected values for the tests of stats/friedman, stats/averageRanks and
stats/regularizedIncompleteGamma.

Independent of the TypeScript code: scipy.stats.friedmanchisquare (Friedman 1937, with the tie
correction), scipy.stats.rankdata(method='average'), scipy.special.gammainc / gammaincc
(regularized incomplete gamma P and Q) and scipy.stats.chi2.sf.

Run:  python3 packages/core/src/stats/reference/compute_friedman_reference.py
The printed numbers are pasted into the *.test.ts files beside the code.
"""

import json

import numpy as np
from scipy import special, stats


def show(label, value):
    print(f"{label} = {float(value)!r}")


# ---------------------------------------------------------------- incomplete gamma
print("# [a, x, P(a, x), Q(a, x)]")
for a, x in [
    (0.5, 0.1),
    (0.5, 2.0),
    (1.0, 1.0),
    (2.5, 0.3),
    (2.5, 7.0),
    (3.0, 3.0),
    (10.0, 4.0),
    (10.0, 30.0),
    (50.0, 45.0),
    (1.5, 80.0),
]:
    print(json.dumps([a, x, float(special.gammainc(a, x)), float(special.gammaincc(a, x))]) + ",")

print("# [x, df, chi2.sf(x, df)]")
for x, df in [(3.841458820694124, 1), (4.5, 2), (12.0, 4), (0.2, 3), (60.0, 5), (200.0, 2)]:
    print(json.dumps([x, df, float(stats.chi2.sf(x, df))]) + ",")

# ---------------------------------------------------------------- ranks
print("# rankdata average")
for values in [[3, 1, 3, 2], [5.5, 5.5, 5.5], [0.2, -1.0, 7.0, 0.2, 0.2, -1.0]]:
    print(json.dumps(values), "=>", json.dumps(stats.rankdata(values, method="average").tolist()))

# ---------------------------------------------------------------- friedman
# blocks (rows) x treatments (columns); friedmanchisquare takes one argument per treatment.
cases = {
    "doc": [[1, 2, 3], [1, 3, 2], [1, 2, 3], [2, 1, 3]],
    "ties": [[1, 1, 3, 4], [2, 1, 1, 5], [3, 3, 3, 1], [1, 2, 3, 4], [4, 3, 2, 1]],
    "errors16x5": np.round(
        np.random.default_rng(12).normal(loc=[120, 121, 119.5, 120.4, 122], scale=4, size=(16, 5)), 3
    ).tolist(),
    "strong": [[10, 20, 30], [11, 19, 31], [9, 22, 28], [12, 21, 29], [10, 18, 33], [13, 20, 30]],
}
for name, blocks in cases.items():
    arr = np.array(blocks, dtype=float)
    res = stats.friedmanchisquare(*arr.T)
    ranks = np.array([stats.rankdata(r, method="average") for r in arr])
    n, k = arr.shape
    print(f"# friedman {name}: blocks = {json.dumps(blocks)}")
    show(f"{name}.statistic", res.statistic)
    show(f"{name}.pValue", res.pvalue)
    print(f"{name}.meanRanks = {json.dumps(ranks.mean(axis=0).tolist())}")
    show(f"{name}.kendallW", res.statistic / (n * (k - 1)))
