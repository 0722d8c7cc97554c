#!/usr/bin/python3
"""Golden values for the accuracy metrics (METRICS.md "Discrimination", "Calibration", "Data-driven weights"),
from scikit-learn / scipy / numpy. Run with Debian's python3-sklearn:
    /usr/bin/python3 test/golden/make_accuracy_golden.py
Writes test/golden/accuracy.json; the test suite only reads it.

Every fixture lists resolved leads only (won = 1, lost = 0); the tests add open leads themselves. Where
scikit-learn raises or warns on a degenerate fixture (one class), the value is written as null and our
function must return null.

The lift table and the MadKudu rubric have no scikit-learn twin: they are computed here with pandas/numpy from
METRICS.md's definitions (order = score descending, then lead position ascending; count = ceil(N*k/100)).
"""
import json
import warnings

import numpy as np
import pandas as pd
from scipy.stats import binomtest
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

warnings.simplefilter("error", UndefinedMetricWarning)  # a warning means "null" in our functions
rng = np.random.default_rng(20261124)
Z = 1.959964


def floats(a):
    return [float(x) for x in a]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def one_class(y):
    return y.min() == y.max()


def separated(s, y):
    """No maximum-likelihood logistic fit on the score: the classes do not overlap strictly."""
    if one_class(y):
        return True
    return s[y == 0].max() <= s[y == 1].min() or s[y == 1].max() <= s[y == 0].min()


def calibration(p, y, strategy):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy=strategy)
    # bin counts as calibration_curve forms them (it does not return them)
    if strategy == "quantile":
        bins = np.percentile(p, np.linspace(0, 1, 11) * 100)
    else:
        bins = np.linspace(0.0, 1.0, 11)
    ids = np.searchsorted(bins[1:-1], p)
    total = np.bincount(ids, minlength=10)
    nonzero = np.nonzero(total)[0]
    counts = total[nonzero]
    wins = np.bincount(ids, weights=y, minlength=10)[nonzero]
    ece = float(np.sum(counts / len(p) * np.abs(prob_true - prob_pred)))
    wilson = [binomtest(int(k), int(n)).proportion_ci(method="wilson") for k, n in zip(wins, counts)]
    return {
        "index": [int(i) for i in nonzero],
        "n": [int(c) for c in counts],
        "probTrue": floats(prob_true),
        "probPred": floats(prob_pred),
        "low": [float(w.low) for w in wilson],
        "high": [float(w.high) for w in wilson],
        "ece": ece,
    }


def lift(s, y, step):
    n = len(s)
    order = np.lexsort((np.arange(n), -s))  # score descending, then position ascending
    ys, ss = y[order], s[order]
    cum = np.cumsum(ys)
    wins = int(y.sum())
    rows = []
    for k in range(step, 101, step):
        count = -(-n * k // 100)
        tp = int(cum[count - 1])
        rows.append(
            {
                "percent": k,
                "count": count,
                "threshold": float(ss[count - 1]),
                "tp": tp,
                "fp": count - tp,
                "precision": tp / count,
                "recall": tp / wins if wins else None,
                "lift": (tp / count) / (wins / n) if wins else None,
            }
        )
    return rows


def confusion(tier, y, n_tiers):
    out = []
    for cut in range(n_tiers):
        pred = (tier <= cut).astype(int)
        tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
        row = {"cut": cut, "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)}
        row["precision"] = float(precision_score(y, pred, zero_division=0)) if tp + fp else None
        row["recall"] = float(recall_score(y, pred, zero_division=0)) if tp + fn else None
        row["f1"] = float(f1_score(y, pred, zero_division=0)) if 2 * tp + fp + fn else None
        row["fpr"] = fp / (fp + tn) if fp + tn else None
        row["accuracy"] = float(accuracy_score(y, pred))
        out.append(row)
    df = pd.DataFrame({"tier": tier, "y": y})
    rate = df.groupby("tier")["y"].mean().reindex(range(n_tiers))
    rubric = []
    for cut in range(n_tiers):
        top, bottom = rate.iloc[0], rate.iloc[n_tiers - 1]
        ratio = None if np.isnan(top) or np.isnan(bottom) or bottom == 0 else float(top / bottom)
        rubric.append(
            {
                "leadShare": float(np.mean(tier <= cut)),
                "winShare": float(y[tier <= cut].sum() / y.sum()) if y.sum() else None,
                "conversionRatio": ratio,
            }
        )
    return out, rubric


def try_null(f):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            v = f()
        return None if v is None or np.any(np.isnan(v)) else v
    except (ValueError, UndefinedMetricWarning, RuntimeWarning):
        return None


def platt(s, y):
    if separated(s, y):
        return None  # the MLE does not exist (sklearn would return an arbitrarily large slope)
    m = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-8, max_iter=10000)
    m.fit(s.reshape(-1, 1), y)
    a, b = float(m.coef_[0, 0]), float(m.intercept_[0])
    r = sigmoid(a * s + b) - y
    grad = np.hypot(np.mean(r * s), np.mean(r))
    assert grad < 1e-10, f"platt golden not converged: {grad}"
    return {"a": a, "b": b}


def isotonic(s, y):
    if one_class(y):
        return None
    m = IsotonicRegression(out_of_bounds="clip").fit(s, y)
    xs = np.unique(s)
    lo, hi = xs[0], xs[-1]
    pad = (hi - lo) * 0.1 + 1
    grid = np.concatenate([np.linspace(lo - pad, hi + pad, 41), (xs[:-1] + xs[1:]) / 2])
    return {"x": floats(xs), "y": floats(m.predict(xs)), "gridX": floats(grid), "gridY": floats(m.predict(grid))}


def fixture(name, scores, won, p, tier_edges):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(won, dtype=int)
    p = np.asarray(p, dtype=float)
    tier = np.zeros(len(s), dtype=int)
    for e in tier_edges:
        tier += (s < e).astype(int)
    n_tiers = len(tier_edges) + 1
    roc = try_null(lambda: np.array(roc_curve(y, s, drop_intermediate=False)))
    conf, rubric = confusion(tier, y, n_tiers)
    return {
        "name": name,
        "scores": floats(s),
        "won": [int(v) for v in y],
        "p": floats(p),
        "tier": [int(t) for t in tier],
        "nTiers": n_tiers,
        "auc": try_null(lambda: float(roc_auc_score(y, s))),
        "roc": None if roc is None else {"fpr": floats(roc[0]), "tpr": floats(roc[1]), "thresholds": floats(roc[2])},
        "ks": None if roc is None else float(np.max(roc[1] - roc[0])),
        # all-won: sklearn's trivial 1.0 without a warning; our function returns null for any one class
        "ap": None if one_class(y) else float(average_precision_score(y, s)),
        "brier": float(brier_score_loss(y, p)),
        "logLoss": float(log_loss(y, p, eps=1e-15, labels=[0, 1])),
        "calibration": {"quantile": calibration(p, y, "quantile"), "uniform": calibration(p, y, "uniform")},
        "isotonic": isotonic(s, y),
        "platt": platt(s, y),
        "lift": {str(step): lift(s, y, step) for step in (1, 5, 10)},
        "confusion": conf,
        "madKudu": rubric,
    }


fixtures = [
    fixture("tiny", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], [0.5, 0.3]),
    fixture("ties", [1, 1, 2, 2, 2, 3, 3, 0, 0, 5], [0, 1, 0, 1, 1, 0, 1, 0, 1, 1],
            [0.2, 0.2, 0.4, 0.4, 0.4, 0.6, 0.6, 0.0, 0.0, 1.0], [3, 2]),
    fixture("tiny six", [10, 20, 20, 30, 30, 40], [0, 1, 0, 1, 0, 1], [0.1, 0.3, 0.3, 0.5, 0.5, 0.9], [35, 15]),
    fixture("all won", [3, 5, 7, 9], [1, 1, 1, 1], [0.2, 0.5, 0.5, 0.9], [6]),
    fixture("all lost", [3, 5, 7, 9], [0, 0, 0, 0], [0.2, 0.5, 0.5, 0.9], [6]),
    fixture("separable", [1, 2, 3, 10, 11], [0, 0, 0, 1, 1], [0.05, 0.1, 0.2, 0.9, 0.95], [10, 2]),
    fixture("touching", [1, 2, 3, 3, 11], [0, 0, 0, 1, 1], [0.05, 0.1, 0.2, 0.9, 0.95], [10, 2]),
    fixture("inverted", [10, 11, 1, 2, 3], [0, 0, 1, 1, 1], [0.6, 0.7, 0.2, 0.3, 0.3], [10, 2]),
]

n = 2000
s = np.round(rng.normal(50, 15, n), 1)  # rounded: many ties, as points scores have
y = rng.random(n) < sigmoid((s - 55) / 8)
p = np.round(sigmoid((s - 50) / 10), 2)  # rounded: ties in p too
fixtures.append(fixture("random 2000 with ties", s, y, p, [60, 45]))

# The "sample": ~5000 leads, integer-ish points scores 0–100 (a tenth on halves), logistic relationship,
# a slightly miscalibrated probability.
n = 5000
s = np.clip(np.round(rng.normal(45, 20, n) * 2) / 2, 0, 100)
s = np.where(rng.random(n) < 0.9, np.round(s), s)
y = rng.random(n) < sigmoid(-4 + 0.06 * s)
p = np.round(sigmoid(-3.5 + 0.05 * s), 4)
fixtures.append(fixture("sample 5000", s, y, p, [70, 30]))


def logistic_fixture(name, X, y):
    m = LogisticRegression(C=1.0, solver="lbfgs", tol=1e-10, max_iter=10000).fit(X, y)
    w, b = m.coef_[0], m.intercept_[0]
    r = sigmoid(X @ w + b) - y
    grad = np.concatenate([[r.sum()], X.T @ r + w])  # sklearn's objective: sum log loss + ½‖w‖²
    if np.linalg.norm(grad) > 1e-7:  # lbfgs stalled: newton-cg instead
        m = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=10000).fit(X, y)
        w, b = m.coef_[0], m.intercept_[0]
        r = sigmoid(X @ w + b) - y
        grad = np.concatenate([[r.sum()], X.T @ r + w])
    assert np.linalg.norm(grad) < 1e-7, f"{name}: golden not converged ({np.linalg.norm(grad)})"
    return {
        "name": name,
        "rows": [floats(row) for row in X],
        "won": [int(v) for v in y],
        "intercept": float(b),
        "coef": floats(w),
    }


n, d = 3000, 8
prevalence = np.array([0.5, 0.3, 0.1, 0.05, 0.7, 0.2, 0.4, 0.02])
X = (rng.random((n, d)) < prevalence).astype(float)
X[:, 5] = np.maximum(X[:, 5], X[:, 1] * (rng.random(n) < 0.5))  # correlated rules
true_w = np.array([1.2, -0.8, 0.5, 2.0, 0.0, 0.3, -0.2, 1.5])
y = (rng.random(n) < sigmoid(X @ true_w - 1.5)).astype(int)
logistic = [
    logistic_fixture("indicators 3000x8", X, y),
    logistic_fixture("tiny 6x2", np.array([[1, 0], [1, 1], [0, 1], [0, 0], [1, 1], [0, 0]], dtype=float),
                     np.array([1, 1, 0, 0, 0, 1])),
    logistic_fixture("separable 8x1", np.array([[0], [0], [0], [0], [1], [1], [1], [1]], dtype=float),
                     np.array([0, 0, 0, 0, 1, 1, 1, 1])),
]
n = 600
S = np.round(rng.uniform(0, 100, (n, 3)), 1)  # dimension subscores
y = (rng.random(n) < sigmoid(0.03 * S[:, 0] + 0.01 * S[:, 1] - 0.02 * S[:, 2] - 0.5)).astype(int)
logistic.append(logistic_fixture("subscores 600x3", S, y))

wilson = []
for k, n in [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (7, 29), (15, 30), (1, 1000), (500, 1000), (4321, 98765)]:
    ci = binomtest(k, n).proportion_ci(method="wilson")  # z = 1.959963984…: METRICS.md fixes 1.959964
    wilson.append({"wins": k, "n": n, "low": float(ci.low), "high": float(ci.high)})

with open("test/golden/accuracy.json", "w") as f:
    f.write('{"generator": "test/golden/make_accuracy_golden.py (scikit-learn %s, scipy, numpy)",\n' % (
        __import__("sklearn").__version__))
    f.write(' "wilson": %s,\n' % json.dumps(wilson))
    f.write(' "logistic": [\n  %s\n ],\n' % ",\n  ".join(json.dumps(x) for x in logistic))
    f.write(' "fixtures": [\n  %s\n ]\n}\n' % ",\n  ".join(json.dumps(x) for x in fixtures))
