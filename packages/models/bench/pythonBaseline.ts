import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchData } from './syntheticRegression.js';

/** A python3 that imports the given modules (Debian's /usr/bin/python3 first), or undefined. */
export function findPython(modules: string): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(py, ['-c', `import ${modules}`], { stdio: 'ignore', timeout: 60_000 });
      return py;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

/** Write train/test sets as row-major little-endian float64 files + shape.json for the Python baselines. */
export function writeBenchData(dir: string, train: BenchData, test: BenchData): void {
  const rowMajor = (d: BenchData) => {
    const a = new Float64Array(d.rows * d.cols);
    for (let r = 0; r < d.rows; r++) for (let c = 0; c < d.cols; c++) a[r * d.cols + c] = d.columns[c]![r]!;
    return a;
  };
  writeFileSync(join(dir, 'train_X.f64'), rowMajor(train));
  writeFileSync(join(dir, 'train_y.f64'), train.y);
  writeFileSync(join(dir, 'test_X.f64'), rowMajor(test));
  writeFileSync(join(dir, 'test_y.f64'), test.y);
  writeFileSync(join(dir, 'shape.json'), JSON.stringify({ train: train.rows, test: test.rows, cols: train.cols }));
}

/** Run a baseline script and parse the JSON line it prints. */
export function runPython<T>(python: string, script: string, args: string[]): T {
  const out = execFileSync(python, [script, ...args], { encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}
