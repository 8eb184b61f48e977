#!/usr/bin/env python3
"""scikit-learn baseline for the @sextant/models random forest bench.

    python3 sklearn_forest.py DIR TREES DEPTH MAX_FEATURES

DIR as for native_xgboost.py. RandomForestRegressor(n_jobs=1, random_state=0,
bootstrap=True); prints JSON with train/predict wall and CPU seconds and the
test RMSE.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor

d, trees, depth, max_features = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
shape = json.load(open(os.path.join(d, "shape.json")))
load = lambda name, n: np.fromfile(os.path.join(d, name), dtype="<f8").reshape(n, -1)  # noqa: E731
Xtr, ytr = load("train_X.f64", shape["train"]), load("train_y.f64", shape["train"]).ravel()
Xte, yte = load("test_X.f64", shape["test"]), load("test_y.f64", shape["test"]).ravel()
model = RandomForestRegressor(
    n_estimators=trees, max_depth=depth, max_features=max_features, n_jobs=1, random_state=0, bootstrap=True
)
t, c = time.perf_counter(), time.process_time()
model.fit(Xtr, ytr)
train_s, train_cpu = time.perf_counter() - t, time.process_time() - c
t, c = time.perf_counter(), time.process_time()
pred = model.predict(Xte)
predict_s, predict_cpu = time.perf_counter() - t, time.process_time() - c
print(
    json.dumps(
        {
            "sklearn": sklearn.__version__,
            "train_s": train_s,
            "train_cpu_s": train_cpu,
            "predict_s": predict_s,
            "predict_cpu_s": predict_cpu,
            "rmse": float(np.sqrt(np.mean((pred - yte) ** 2))),
        }
    )
)
