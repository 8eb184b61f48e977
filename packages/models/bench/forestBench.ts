import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomForestRegression } from 'ml-random-forest';
import { RandomForestRegressor } from '../src/learners/RandomForestRegressor.js';
import { measure, ratio, rmse } from './measure.js';
import { findPython, runPython, writeBenchData } from './pythonBaseline.js';
import { type BenchData, syntheticRegression } from './syntheticRegression.js';

interface Sklearn {
  sklearn: string;
  train_s: number;
  train_cpu_s: number;
  predict_s: number;
  predict_cpu_s: number;
  rmse: number;
}

const rowsOf = (d: BenchData, n = d.rows) => Array.from({ length: n }, (_, r) => Array.from(d.columns, (c) => c[r]!));

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Our random forest vs scikit-learn (n_jobs=1) and ml-random-forest, seeded synthetic data. */
export function forestBench(rows = 10_000, cols = 26, trees = 50, depth = 10, mlRows = 1_000): void {
  const train = syntheticRegression(rows, cols, 3);
  const test = syntheticRegression(rows, cols, 4);
  const maxFeatures = 1 / 3;
  console.log(
    `Random forest: ${rows} x ${cols} synthetic (seeds 3/4), ${trees} trees, depth ${depth}, max features 1/3`,
  );
  const X = rowsOf(train);
  const testX = rowsOf(test);
  const params = { nEstimators: trees, maxDepth: depth, maxFeatures, seed: 0 };
  const ours = measure(() => new RandomForestRegressor(params).fit(X, train.y));
  const ourPred = measure(() => ours.result.predict(testX));
  const ourRmse = rmse(ourPred.result, test.y);
  const python = findPython('sklearn, numpy');
  if (python) {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-models-rf-'));
    try {
      writeBenchData(dir, train, test);
      const script = fileURLToPath(new URL('sklearn_forest.py', import.meta.url));
      const sk = runPython<Sklearn>(python, script, [dir, String(trees), String(depth), String(maxFeatures)]);
      const r = (a: number, b: number) => `${fmt(a)} vs ${fmt(b)} = ${ratio(a, b)}`;
      console.log(`  baseline: scikit-learn ${sk.sklearn} RandomForestRegressor, n_jobs=1 (Python subprocess)`);
      console.log(`  train wall ours vs sklearn: ${r(ours.wallMs, sk.train_s * 1000)}`);
      console.log(`  train cpu  ours vs sklearn: ${r(ours.cpuMs, sk.train_cpu_s * 1000)}`);
      console.log(`  predict ${rows} rows ours vs sklearn: ${r(ourPred.wallMs, sk.predict_s * 1000)}`);
      console.log(
        `  test RMSE ours vs sklearn: ${ourRmse.toFixed(4)} vs ${sk.rmse.toFixed(4)} = ${ratio(ourRmse, sk.rmse)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log('  scikit-learn: python3-sklearn not found, baseline skipped (apt-get install python3-sklearn)');
    console.log(`  ours: train ${fmt(ours.wallMs)}, test RMSE ${ourRmse.toFixed(4)}`);
  }
  // ml-random-forest (ml-cart trees, exact splits) is far slower: compare on a subset.
  const small = X.slice(0, mlRows);
  const smallY = Array.from(train.y.subarray(0, mlRows));
  const ml = measure(() => {
    const f = new RandomForestRegression({
      nEstimators: trees,
      maxFeatures,
      seed: 1,
      treeOptions: { maxDepth: depth },
      noOOB: true,
    });
    f.train(small, smallY);
    return f;
  });
  const ours2 = measure(() => new RandomForestRegressor(params).fit(small, smallY));
  const mlRmse = rmse(ml.result.predict(testX), test.y);
  const ours2Rmse = rmse(ours2.result.predict(testX), test.y);
  console.log(
    `  ${mlRows}-row subset, train ours vs ml-random-forest: ${fmt(ours2.wallMs)} vs ${fmt(ml.wallMs)} = ${ratio(ours2.wallMs, ml.wallMs)}; ` +
      `test RMSE ${ours2Rmse.toFixed(4)} vs ${mlRmse.toFixed(4)}`,
  );
}
