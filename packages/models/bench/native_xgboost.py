#!/usr/bin/env python3
"""Native xgboost baseline for the @sextant/models bench (run by bench/index.ts).

    python3 native_xgboost.py DIR ROUNDS DEPTH ETA

DIR holds train_X.f64 / train_y.f64 / test_X.f64 / test_y.f64 (row-major
float64, little-endian) and shape.json ({"train": n, "test": m, "cols": p}).
Trains hist, nthread=1, max_bin=256; prints JSON with train seconds, test
RMSE, batch predict seconds (Booster.predict, nthread=1), single-row predict
microseconds (inplace_predict on one row, through Python), wall and CPU
(process_time) seconds, and writes the
model to DIR/native.json.
"""
import json
import os
import sys
import time

import numpy as np
import xgboost as xgb

d, rounds, depth, eta = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
shape = json.load(open(os.path.join(d, "shape.json")))
p = shape["cols"]
load = lambda name, n: np.fromfile(os.path.join(d, name), dtype="<f8").reshape(n, -1)  # noqa: E731
Xtr, ytr = load("train_X.f64", shape["train"]), load("train_y.f64", shape["train"]).ravel()
Xte, yte = load("test_X.f64", shape["test"]), load("test_y.f64", shape["test"]).ravel()
dtr = xgb.DMatrix(Xtr, label=ytr, nthread=1)
dte = xgb.DMatrix(Xte, nthread=1)
params = {
    "objective": "reg:squarederror",
    "tree_method": "hist",
    "max_depth": depth,
    "eta": eta,
    "nthread": 1,
    "max_bin": 256,
    "lambda": 1,
    "min_child_weight": 1,
    "base_score": float(np.mean(ytr)),
}
t, c = time.perf_counter(), time.process_time()
booster = xgb.train(params, dtr, num_boost_round=rounds)
train_s, train_cpu = time.perf_counter() - t, time.process_time() - c
booster.predict(xgb.DMatrix(Xte[:100], nthread=1))  # warm up; a fresh DMatrix has no prediction cache
t, c = time.perf_counter(), time.process_time()
pred = booster.predict(dte)
predict_s, predict_cpu = time.perf_counter() - t, time.process_time() - c
row = Xte[:1].astype(np.float32)
for _ in range(100):
    booster.inplace_predict(row)
reps = 2000
t, c = time.perf_counter(), time.process_time()
for i in range(reps):
    booster.inplace_predict(row)
one_us, one_cpu_us = (time.perf_counter() - t) / reps * 1e6, (time.process_time() - c) / reps * 1e6
booster.save_model(os.path.join(d, "native.json"))
print(
    json.dumps(
        {
            "xgboost": xgb.__version__,
            "train_s": train_s,
            "train_cpu_s": train_cpu,
            "rmse": float(np.sqrt(np.mean((pred - yte) ** 2))),
            "predict_s": predict_s,
            "predict_cpu_s": predict_cpu,
            "one_row_us": one_us,
            "one_row_cpu_us": one_cpu_us,
        }
    )
)
