import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GradientBoostingRegressor } from '../src/learners/GradientBoostingRegressor.js';
import { loadXGBoostJSON } from '../src/xgboost/loadXGBoostJSON.js';
import { measure, ratio, rmse } from './measure.js';
import { findPython, runPython, writeBenchData } from './pythonBaseline.js';
import { type BenchData, syntheticRegression } from './syntheticRegression.js';

interface Native {
  xgboost: string;
  train_s: number;
  train_cpu_s: number;
  rmse: number;
  predict_s: number;
  predict_cpu_s: number;
  one_row_us: number;
  one_row_cpu_us: number;
}

const frameOf = (d: BenchData) => ({
  timestamp: new Float64Array(d.rows),
  names: d.columns.map((_, i) => `f${i}`),
  columns: d.columns,
  length: d.rows,
  hash: '',
});

function rowOf(d: BenchData, r: number): Float64Array {
  return Float64Array.from(d.columns, (c) => c[r]!);
}

/** Our GBDT vs native xgboost (hist, 1 thread) on seeded synthetic 50,000 x 26, 200 rounds, depth 6, lr 0.1. */
export function gbdtBench(rows = 50_000, cols = 26, rounds = 200): void {
  const train = syntheticRegression(rows, cols, 1);
  const test = syntheticRegression(rows, cols, 2);
  console.log(`GBDT: ${rows} x ${cols} synthetic (seeds 1/2), ${rounds} rounds, depth 6, learning rate 0.1`);
  const params = { nEstimators: rounds, maxDepth: 6, learningRate: 0.1, maxBin: 255 };
  const fit = measure(() => new GradientBoostingRegressor(params).fit(frameOf(train), train.y));
  const model = fit.result;
  const testFrame = frameOf(test);
  model.predict(testFrame);
  const pred = measure(() => model.predict(testFrame));
  const ourRmse = rmse(pred.result, test.y);
  const one = oneRow(model, test);

  const python = findPython('xgboost, numpy');
  if (!python) {
    console.log('  native xgboost: python3-xgboost not found, baseline skipped (apt-get install python3-xgboost)');
    console.log(`  ours: train ${fmt(fit.wallMs)} (cpu ${fmt(fit.cpuMs)}), test RMSE ${ourRmse.toFixed(4)}`);
    console.log(
      `  ours: predict ${rows} rows ${fmt(pred.wallMs)}, one row ${one.wallUs.toFixed(2)} us (cpu ${one.cpuUs.toFixed(2)} us)`,
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sextant-models-bench-'));
  try {
    writeBenchData(dir, train, test);
    const script = fileURLToPath(new URL('native_xgboost.py', import.meta.url));
    const native = runPython<Native>(python, script, [dir, String(rounds), '6', '0.1']);
    const nativeModel = loadXGBoostJSON(readFileSync(join(dir, 'native.json'), 'utf8'));
    nativeModel.predict(testFrame);
    const ourEval = measure(() => nativeModel.predict(testFrame));
    const r = (a: number, b: number) => `${fmt(a)} vs ${fmt(b)} = ${ratio(a, b)}`;
    console.log(`  native: xgboost ${native.xgboost} hist, nthread=1, max_bin=256 (Python subprocess)`);
    console.log(`  train wall  ours vs native: ${r(fit.wallMs, native.train_s * 1000)}   (aim <= 2x)`);
    console.log(`  train cpu   ours vs native: ${r(fit.cpuMs, native.train_cpu_s * 1000)}`);
    console.log(
      `  test RMSE   ours vs native: ${ourRmse.toFixed(4)} vs ${native.rmse.toFixed(4)} = ${ratio(ourRmse, native.rmse)}   (aim within 1%)`,
    );
    console.log(
      `  predict ${rows} rows wall ours vs native C: ${r(pred.wallMs, native.predict_s * 1000)}   (aim <= 1.5x)`,
    );
    console.log(`  predict ${rows} rows cpu  ours vs native C: ${r(pred.cpuMs, native.predict_cpu_s * 1000)}`);
    console.log(
      `  our evaluator on the native model, ${rows} rows: ${r(ourEval.wallMs, native.predict_s * 1000)} (cpu ${fmt(ourEval.cpuMs)})`,
    );
    console.log(
      `  one row: ours ${one.wallUs.toFixed(2)} us wall, ${one.cpuUs.toFixed(2)} us cpu (aim < 5 us) vs native inplace_predict via Python ${native.one_row_us.toFixed(1)} us wall, ${native.one_row_cpu_us.toFixed(1)} us cpu`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function oneRow(model: GradientBoostingRegressor, test: BenchData): { wallUs: number; cpuUs: number } {
  const rows = Array.from({ length: 256 }, (_, i) => rowOf(test, i));
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += model.predictRow(rows[i & 255]!);
  const reps = 100_000;
  const m = measure(() => {
    for (let i = 0; i < reps; i++) sink += model.predictRow(rows[i & 255]!);
  });
  if (Number.isNaN(sink)) console.log('  (NaN prediction)');
  return { wallUs: (m.wallMs * 1000) / reps, cpuUs: (m.cpuMs * 1000) / reps };
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
