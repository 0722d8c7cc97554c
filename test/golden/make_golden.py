#!/usr/bin/python3
"""Golden values from scikit-learn for the metric tests (run with Debian's python3-sklearn:
/usr/bin/python3 test/golden/make_golden.py). Writes test/golden/metrics.json; the test suite only reads it."""
import json
import numpy as np
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(20261123)


def fixture(name, scores, won):
    scores = [float(s) for s in scores]
    won = [int(w) for w in won]
    return {"name": name, "scores": scores, "won": won, "auc": float(roc_auc_score(won, scores))}


fixtures = [
    fixture("tiny", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]),
    fixture("ties", [1, 1, 2, 2, 2, 3, 3, 0, 0, 5], [0, 1, 0, 1, 1, 0, 1, 0, 1, 1]),
    fixture("all tied", [7, 7, 7, 7], [0, 1, 0, 1]),
    fixture("perfect", [1, 2, 3, 10, 11], [0, 0, 0, 1, 1]),
    fixture("inverted", [10, 11, 1, 2, 3], [0, 0, 1, 1, 1]),
]
n = 2000
s = np.round(rng.normal(50, 15, n), 1)  # rounded: many ties, as points scores have
p = 1 / (1 + np.exp(-(s - 55) / 8))
fixtures.append(fixture("random 2000 with ties", s, rng.random(n) < p))

with open("test/golden/metrics.json", "w") as f:
    json.dump({"generator": "scikit-learn roc_auc_score", "fixtures": fixtures}, f, indent=1)
    f.write("\n")
