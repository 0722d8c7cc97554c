#!/usr/bin/python3
"""Golden values for the bias-by-segment tests (METRICS.md "Bias by segment"), computed independently of the
TypeScript code with Debian's python3-pandas / python3-scipy / python3-sklearn:

    /usr/bin/python3 test/golden/make_bias_golden.py

Writes test/golden/bias.json; the test suite only reads it. Benjamini–Hochberg is written out from its textbook
definition (adj_(i) = min_{j>=i} min(1, m p_(j) / j)) because statsmodels is not packaged and Debian's scipy
predates scipy.stats.false_discovery_control; when that function is available it is cross-checked."""
import json
import math

import numpy as np
import pandas as pd
import scipy
import scipy.special
from scipy.stats import binomtest, norm
from sklearn.metrics import roc_auc_score

Z = 1.959964  # METRICS.md Wilson z
MIN_N, MIN_WINS, ALPHA, MIN_AUC = 30, 5, 0.05, 10
WON, LOST, OPEN = 1, 2, 0


def num(x):
    """JSON number or null (division by zero / undefined is null, never NaN)."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def wilson(wins, n):
    if n == 0:
        return None, None
    ph = wins / n
    centre = ph + Z * Z / (2 * n)
    half = Z * math.sqrt(ph * (1 - ph) / n + Z * Z / (4 * n * n))
    den = 1 + Z * Z / n
    low, high = max(0.0, (centre - half) / den), min(1.0, (centre + half) / den)
    ci = binomtest(int(wins), int(n)).proportion_ci(method="wilson")  # z = 1.95996398…, so only close
    assert abs(ci.low - low) < 1e-6 and abs(ci.high - high) < 1e-6
    return low, high


def bh_textbook(pvals):
    p = np.asarray(pvals, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="stable")
    ps = p[order]
    adj_sorted = [min(min(1.0, m * ps[j] / (j + 1)) for j in range(i, m)) for i in range(m)]
    out = np.empty(m)
    out[order] = adj_sorted
    if m and hasattr(scipy.stats, "false_discovery_control"):
        assert np.allclose(out, scipy.stats.false_discovery_control(p), rtol=0, atol=1e-15)
    return out


def segment_table(p, outcome, seg, labels, missing_code=None, scores=None):
    k = len(labels)
    df = pd.DataFrame({"p": p, "o": outcome, "g": seg})
    if scores is not None:
        df["s"] = scores
    is_missing = (df.g < 0) | (df.g >= k) | (df.g == (missing_code if missing_code is not None else -99))
    miss = df[is_missing]
    resolved_missing = miss[miss.o != OPEN]
    missing = {"leads": len(miss), "n": len(resolved_missing), "wins": int((resolved_missing.o == WON).sum())}
    d = df[~is_missing]
    res = d[d.o != OPEN].copy()
    res["y"] = (res.o == WON).astype(float)
    res["v"] = res.p * (1 - res.p)
    agg = res.groupby("g").agg(n=("y", "size"), wins=("y", "sum"), sp=("p", "sum"), sv=("v", "sum"))
    leads = d.groupby("g").size()
    rows = []
    for c in range(k):
        if c == missing_code:
            continue
        n = int(agg.n.get(c, 0))
        w = int(agg.wins.get(c, 0))
        sp = float(agg.sp.get(c, 0.0))
        sv = float(agg.sv.get(c, 0.0))
        actual = w / n if n else None
        expected = sp / n if n else None
        z = (w - sp) / math.sqrt(sv) if sv > 0 else None
        pv = 2 * norm.sf(abs(z)) if z is not None else None
        low, high = wilson(w, n)
        a = None
        if scores is not None and w >= MIN_AUC and n - w >= MIN_AUC:
            g = res[res.g == c]
            a = roc_auc_score(g.y, g.s)
        rows.append(
            {
                "code": c,
                "label": labels[c],
                "leads": int(leads.get(c, 0)),
                "n": n,
                "wins": w,
                "actual": num(actual),
                "low": num(low),
                "high": num(high),
                "sumP": sp,
                "expected": num(expected),
                "gap": num(actual - expected) if n else None,
                "oe": num(w / sp) if sp > 0 else None,
                "z": num(z),
                "p": num(pv),
                "pAdjusted": None,
                "flag": "too-few" if n < MIN_N or w < MIN_WINS else "none",
                "auc": num(a),
            }
        )
    family = [r for r in rows if r["flag"] != "too-few" and r["p"] is not None]
    adj = bh_textbook([r["p"] for r in family])
    for r, a in zip(family, adj):
        r["pAdjusted"] = float(a)
        if a < ALPHA:
            r["flag"] = "over" if r["gap"] < 0 else "under"
    return {"rows": rows, "missing": missing, "family": len(family)}


def disparity_table(outcome, seg, tier, tier_count, cut, labels, missing_code=None):
    k = len(labels)
    df = pd.DataFrame({"o": outcome, "g": seg, "t": tier})
    df = df[(df.o != OPEN) & (df.g >= 0) & (df.g < k) & (df.g != (missing_code if missing_code is not None else -99))]
    df["top"] = df.t <= cut
    df["bottom"] = df.t == tier_count - 1
    wins = df[df.o == WON]
    rows = []
    for c in range(k):
        if c == missing_code:
            continue
        g = df[df.g == c]
        gw = wins[wins.g == c]
        n, w = len(g), len(gw)
        rows.append(
            {
                "code": c,
                "n": n,
                "wins": w,
                "tooFew": bool(n < MIN_N or w < MIN_WINS),
                "selectionRate": num(g.top.mean()) if n else None,
                "winRecall": num(gw.top.mean()) if w else None,
                "fnr": num(gw.bottom.mean()) if w else None,
            }
        )
    candidates = [r for r in rows if r["n"] > 0]
    ref = max(candidates, key=lambda r: (r["n"], -r["code"])) if candidates else None
    metrics = ["selectionRate", "winRecall", "fnr"]
    for r in rows:
        r["ratio"] = {}
        r["parity"] = {}
        for m in metrics:
            v, rv = r[m], ref[m] if ref else None
            ratio = v / rv if v is not None and rv not in (None, 0) else None
            r["ratio"][m] = ratio
            r["parity"][m] = None if ratio is None else bool(0.8 <= ratio <= 1.25)

    def between(pool):
        out = {}
        for m in metrics:
            vals = [r[m] for r in pool if r[m] is not None]
            if not vals:
                out[m] = {"difference": None, "ratio": None, "groups": 0}
                continue
            mx, mn = max(vals), min(vals)
            out[m] = {"difference": mx - mn, "ratio": mn / mx if mx > 0 else None, "groups": len(vals)}
        return out

    return {
        "reference": ref["code"] if ref else None,
        "rows": rows,
        "between": between([r for r in rows if not r["tooFew"]]),
        "betweenAll": between(rows),
    }


def fixture(name, labels, p, outcome, seg, tier, tier_count, cut, scores, missing_code=None, b=None, b_labels=None):
    p = [float(x) for x in p]
    outcome = [int(x) for x in outcome]
    seg = [int(x) for x in seg]
    tier = [int(x) for x in tier]
    scores = [float(x) for x in scores]
    f = {
        "name": name,
        "labels": labels,
        "missingCode": missing_code,
        "p": p,
        "outcome": outcome,
        "segment": seg,
        "tier": tier,
        "tierCount": tier_count,
        "cut": cut,
        "scores": scores,
        "segments": segment_table(p, outcome, seg, labels, missing_code, scores),
        "disparity": disparity_table(outcome, seg, tier, tier_count, cut, labels, missing_code),
    }
    if b is not None:
        # intersection a × b computed here by pandas on the pair, not from combined codes
        b = [int(x) for x in b]
        pairs = sorted({(a, bb) for a, bb in zip(seg, b) if 0 <= a < len(labels) and a != missing_code and bb >= 0})
        code_of = {pair: i for i, pair in enumerate(pairs)}
        inter_labels = [f"{labels[a]} × {b_labels[bb]}" for a, bb in pairs]
        inter = [code_of.get((a, bb), -1) for a, bb in zip(seg, b)]
        f["b"] = b
        f["bLabels"] = b_labels
        f["intersection"] = {"labels": inter_labels, **segment_table(p, outcome, inter, inter_labels, None, scores)}
    return f


def tiers_of(scores, thresholds):
    """Tier 0 = top: score >= thresholds[0]; then >= thresholds[1]; …; last tier below all."""
    return [sum(1 for t in thresholds if s < t) for s in scores]


def platt(s):
    return 1 / (1 + np.exp(-(np.asarray(s, dtype=float) - 55) / 9))


fixtures = []

# 1. hand fixture: 40 leads, 3 segments (all too few to judge), a few open leads, one missing value
hand_scores = [82, 75, 71, 64, 58, 52, 47, 41, 33, 22, 90, 85, 66, 61, 57, 49, 38, 30,
               12, 8, 77, 73, 69, 69, 55, 51, 44, 40, 35, 28, 19, 95, 62, 60, 45, 45, 36, 25, 15, 70]
hand_outcome = [1, 1, 2, 1, 2, 2, 1, 2, 2, 2, 1, 1, 1, 2, 0, 2, 2, 0, 2, 2,
                1, 2, 1, 2, 1, 2, 2, 2, 1, 2, 2, 1, 2, 2, 0, 2, 2, 2, 2, 1]
hand_seg = [0] * 10 + [1] * 10 + [2] * 11 + [0, 1, 2, 2, 1, 0, 2, 1, -1]
fixtures.append(
    fixture("hand 40 leads, 3 segments", ["Software", "Retail", "Government"], platt(hand_scores), hand_outcome,
            hand_seg, tiers_of(hand_scores, [70, 40]), 3, 0, hand_scores)
)

# 2. 5000 leads, 8 segments; segment 2 under-estimated (odds × 2.5), segment 5 over-estimated (odds × 0.4)
rng = np.random.default_rng(20261123)
n = 5000
weights = np.array([0.22, 0.18, 0.12, 0.12, 0.1, 0.1, 0.09, 0.07])
seg = rng.choice(8, size=n, p=weights)
seg[rng.random(n) < 0.02] = -1
score = np.clip(np.round(rng.normal(50, 18, n)), 0, 100)
p = platt(score)
odds = p / (1 - p)
odds = np.where(seg == 2, odds * 2.5, np.where(seg == 5, odds * 0.4, odds))
truth = odds / (1 + odds)
won = rng.random(n) < truth
resolved = rng.random(n) < 0.8
outcome = np.where(resolved, np.where(won, WON, LOST), OPEN)
region = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
region[rng.random(n) < 0.01] = -1
labels8 = ["Website", "Paid Search", "Referral", "Webinar", "Trade Show", "Cold Outreach", "Partner", "LinkedIn"]
fixtures.append(
    fixture("5000 leads, 8 segments, 2 planted", labels8, p, outcome, seg, tiers_of(score, [75, 55, 35]), 4, 1,
            score, None, region, ["North America", "Europe", "Asia Pacific"])
)

# 3. 700 leads: a 20-lead segment, one with n >= 30 but < 5 wins, an empty one, a dedicated missing code
rng = np.random.default_rng(7)
n = 700
seg = rng.choice([0, 1, 3, 5], size=n, p=[0.55, 0.3, 0.1, 0.05])
seg[:20] = 2  # the small segment
score = np.clip(np.round(rng.normal(50, 20, n)), 0, 100)
score[seg == 3] = np.clip(np.round(rng.normal(20, 6, (seg == 3).sum())), 0, 100)  # few wins
p = platt(score)
won = rng.random(n) < p
won[seg == 3] = False
won[np.flatnonzero(seg == 3)[:2]] = True
outcome = np.where(rng.random(n) < 0.85, np.where(won, WON, LOST), OPEN)
labels5 = ["Manufacturing", "Healthcare", "Energy", "Government", "Education", "(blank)"]
fixtures.append(
    fixture("700 leads with a segment under 30", labels5, p, outcome, seg, tiers_of(score, [70, 30]), 3, 0, score,
            missing_code=5)
)

# standard normal tail: two-sided p = 2·norm.sf(|z|) and erfc, for the stats.ts kernels
zs = sorted({0.0, 1e-10, 0.1, 0.5, 0.66, 1.0, 1.959964, 2.5, 2.82, 3.0, 4.0, 5.5, 5.66, 6.0, 8.0, 10.0,
             15.0, 20.0, 30.0, 37.0, -0.3, -2.0, -7.5})
normal = [{"z": z, "p": float(2 * norm.sf(abs(z))), "cdf": float(norm.cdf(z))} for z in zs]
xs = [0.0, 1e-12, 0.2, 0.46875, 0.47, 1.0, 2.0, 3.999, 4.0, 4.001, 6.0, 10.0, 26.0, -0.4, -1.5, -5.0]
erfc = [{"x": x, "erfc": float(scipy.special.erfc(x))} for x in xs]

# Benjamini–Hochberg on vectors with ties, ones and zeros
rng = np.random.default_rng(3)
bh_cases = [
    [0.01, 0.04, 0.03, 0.005, 0.5, 0.04],
    [0.2, 0.2, 0.2, 0.2],
    [1.0, 0.0, 0.9, 0.049],
    [0.03],
    list(np.round(rng.random(25) ** 3, 4)),
]
bh = [{"p": [float(x) for x in c], "adjusted": [float(x) for x in bh_textbook(c)]} for c in bh_cases]

out = {
    "generator": "test/golden/make_bias_golden.py (pandas, scipy.stats.norm, sklearn roc_auc_score)",
    "versions": {"numpy": np.__version__, "pandas": pd.__version__, "scipy": scipy.__version__},
    "fixtures": fixtures,
    "normal": normal,
    "erfc": erfc,
    "bh": bh,
}
with open("test/golden/bias.json", "w") as f:
    json.dump(out, f, indent=None, allow_nan=False, separators=(",", ":"))
    f.write("\n")

for fx in fixtures:
    print(fx["name"], "family", fx["segments"]["family"],
          [(r["label"], r["n"], r["wins"], r["flag"]) for r in fx["segments"]["rows"]])
