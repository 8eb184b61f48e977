import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringifyXGBoostJSON } from '../../src/xgboost/stringifyXGBoostJSON.js';
import type { XGBoostJSON } from '../../src/xgboost/XGBoostJSON.type.js';

const script = fileURLToPath(new URL('../fixtures/xgboost/native_predict.py', import.meta.url));

/** A python3 with xgboost importable (Debian's /usr/bin/python3 first), or undefined. */
export function findPythonWithXGBoost(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(py, ['-c', 'import xgboost, numpy'], { stdio: 'ignore', timeout: 30_000 });
      return py;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Predictions of native xgboost (via native_predict.py) for a model object and rows. */
export function nativePredict(
  python: string,
  model: XGBoostJSON,
  rows: readonly (readonly number[])[],
): { xgboost: string; predictions: number[]; margins: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-xgb-'));
  try {
    const modelPath = join(dir, 'model.json');
    const rowsPath = join(dir, 'rows.json');
    writeFileSync(modelPath, stringifyXGBoostJSON(model));
    writeFileSync(rowsPath, JSON.stringify(rows.map((r) => r.map((v) => (Number.isNaN(v) ? null : v)))));
    const out = execFileSync(python, [script, modelPath, rowsPath], { encoding: 'utf8', timeout: 120_000 });
    return JSON.parse(out) as { xgboost: string; predictions: number[]; margins: number[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
