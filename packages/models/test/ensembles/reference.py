#!/usr/bin/env python3
"""Reference values for the calibration and drift tests, from SciPy (>= 1.12).

    python3 packages/models/test/ensembles/reference.py

Writes reference.json beside this script:
- isotonic: scipy.optimize.isotonic_regression of outcomes sorted by score
  (no tied scores), the least-squares non-decreasing fit.
- platt: (a, b) minimising Platt's negative log-likelihood with smoothed
  targets (Lin, Lin & Weng 2007), found by scipy.optimize.minimize (BFGS).
- ks: scipy.stats.ks_2samp statistic and scipy.stats.kstwobign.sf of
  sqrt(n m / (n + m)) D for two seeded normal samples.
"""
import json
import os

import numpy as np
import scipy
from scipy import optimize, stats

rng = np.random.default_rng(42)
n = 400
scores = rng.normal(size=n)
labels = (rng.uniform(size=n) < 1 / (1 + np.exp(-(2.0 * scores - 0.5)))).astype(int)

order = np.argsort(scores)
iso = optimize.isotonic_regression(labels[order].astype(float)).x

pos = labels.sum()
t = np.where(labels == 1, (pos + 1) / (pos + 2), 1 / (n - pos + 2))


def nll(ab):
    z = ab[0] * scores + ab[1]
    return float(np.sum(t * z + np.logaddexp(0, -z)))


platt = optimize.minimize(nll, x0=[0.0, 0.0], method="BFGS", options={"gtol": 1e-10}).x

a = rng.normal(0, 1, size=700)
b = rng.normal(0.15, 1.1, size=500)
ks = stats.ks_2samp(a, b)
en = len(a) * len(b) / (len(a) + len(b))

out = {
    "generator": "reference.py (scipy %s, numpy %s)" % (scipy.__version__, np.__version__),
    "scores": scores.tolist(), "labels": labels.tolist(),
    "isotonicSortedScores": scores[order].tolist(), "isotonicFit": iso.tolist(),
    "platt": {"a": float(platt[0]), "b": float(platt[1])},
    "ks": {"a": a.tolist(), "b": b.tolist(), "statistic": float(ks.statistic),
           "asymptoticP": float(stats.kstwobign.sf(np.sqrt(en) * ks.statistic))},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json"), "w") as fh:
    json.dump(out, fh)
    fh.write("\n")
