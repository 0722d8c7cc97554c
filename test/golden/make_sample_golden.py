#!/usr/bin/python3
"""Golden accuracy numbers for the committed sample, from scikit-learn alone (Debian's python3-sklearn):
/usr/bin/python3 test/golden/make_sample_golden.py

Input: test/golden/sample-scores.csv — each lead's as-of score, outcome and backtest window as the app
computes them (test/kernel/accuracySample.test.ts writes it with UPDATE_GOLDEN=1 and checks it still
matches the kernel). Output: test/golden/sample-accuracy.json. Nothing here reuses the app's metric code."""
import json
import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score, roc_curve

df = pd.read_csv("test/golden/sample-scores.csv", dtype={"lead_id": str})
resolved = df[df.outcome != "open"].copy()
resolved["y"] = (resolved.outcome == "won").astype(int)
train = resolved[resolved.window == "train"]
test = resolved[resolved.window == "test"]
created = pd.read_csv("datasets/leads.csv", dtype=str)
# the split day: the earliest created day among test leads, in days since 1970-01-01
first_test = pd.to_datetime(created.set_index("lead_id").loc[test.lead_id, "created_at"]).min()
split_day = int((first_test.normalize() - pd.Timestamp("1970-01-01")).days)

# Platt: unpenalised maximum-likelihood logistic fit of won on score, on the training window
platt = LogisticRegression(penalty=None, solver="lbfgs", tol=1e-12, max_iter=100000)
platt.fit(train[["score"]].to_numpy(), train.y.to_numpy())
a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
p_test = platt.predict_proba(test[["score"]].to_numpy())[:, 1]
y = test.y.to_numpy()
s = test.score.to_numpy()

fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
prob_true, prob_pred = calibration_curve(y, p_test, n_bins=10, strategy="quantile")
# ECE over the same bins calibration_curve uses (it does not return the bin counts)
edges = np.percentile(p_test, np.linspace(0, 1, 11) * 100)
binids = np.searchsorted(edges[1:-1], p_test)
ece = 0.0
for k in np.unique(binids):
    m = binids == k
    ece += m.sum() / len(p_test) * abs(y[m].mean() - p_test[m].mean())

# lift at 10% steps: score descending, lead id ascending
order = test.sort_values(["score", "lead_id"], ascending=[False, True])
yy = order.y.to_numpy()
n = len(yy)
base = yy.mean()
lift10 = []
for k in range(1, 11):
    count = int(np.ceil(n * k / 10))
    tp = int(yy[:count].sum())
    precision = tp / count
    lift10.append(
        {
            "count": count,
            "tp": tp,
            "fp": count - tp,
            "precision": precision,
            "recall": tp / yy.sum(),
            "lift": precision / base,
        }
    )

iso = IsotonicRegression(out_of_bounds="clip").fit(train.score.to_numpy(), train.y.to_numpy())
iso_brier = float(brier_score_loss(y, iso.predict(s)))

out = {
    "generator": "scikit-learn on test/golden/sample-scores.csv",
    "split_day": split_day,
    "platt": {"a": a, "b": b},
    "train": {"n": int(len(train)), "wins": int(train.y.sum()), "auc": float(roc_auc_score(train.y, train.score))},
    "test": {
        "n": int(n),
        "wins": int(y.sum()),
        "auc": float(roc_auc_score(y, s)),
        "ks": float(np.max(tpr - fpr)),
        "ap": float(average_precision_score(y, s)),
        "brier": float(brier_score_loss(y, p_test)),
        "log_loss": float(log_loss(y, p_test)),
        "ece": float(ece),
        "calibration_prob_true": [float(x) for x in prob_true],
        "calibration_prob_pred": [float(x) for x in prob_pred],
        "lift10": lift10,
        "isotonic_brier": iso_brier,
    },
}
with open("test/golden/sample-accuracy.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
