import { InvalidArgumentError } from '@sextant/core';
import type { Matrix } from '../data/Matrix.type.js';

/**
 * Weighted ridge least squares on a row-major matrix via the normal
 * equations and a Cholesky solve; rows with a non-finite feature are skipped.
 * Internal to {@link LinearRegressor}.
 */
export function solveRidge(
  m: Matrix,
  y: Float64Array,
  weight: Float64Array | undefined,
  lambda: number,
  fitIntercept: boolean,
): { coef: Float64Array; intercept: number } {
  const { rows, cols: p, data } = m;
  const ok = new Uint8Array(rows);
  let sw = 0;
  const mean = new Float64Array(p);
  let ymean = 0;
  for (let r = 0; r < rows; r++) {
    let finite = true;
    for (let c = 0; c < p; c++) if (!Number.isFinite(data[r * p + c]!)) finite = false;
    const w = weight ? weight[r]! : 1;
    if (!finite || w === 0) continue;
    ok[r] = 1;
    sw += w;
    for (let c = 0; c < p; c++) mean[c] = mean[c]! + w * data[r * p + c]!;
    ymean += w * y[r]!;
  }
  if (sw === 0) throw new InvalidArgumentError(`No training row has all ${p} features finite (and a positive weight)`);
  if (fitIntercept) {
    for (let c = 0; c < p; c++) mean[c] = mean[c]! / sw;
    ymean /= sw;
  } else {
    mean.fill(0);
    ymean = 0;
  }
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  const xc = new Float64Array(p);
  for (let r = 0; r < rows; r++) {
    if (!ok[r]) continue;
    const w = weight ? weight[r]! : 1;
    for (let c = 0; c < p; c++) xc[c] = data[r * p + c]! - mean[c]!;
    const yc = y[r]! - ymean;
    for (let i = 0; i < p; i++) {
      const wi = w * xc[i]!;
      b[i] = b[i]! + wi * yc;
      for (let j = 0; j <= i; j++) A[i * p + j] = A[i * p + j]! + wi * xc[j]!;
    }
  }
  let trace = 0;
  for (let i = 0; i < p; i++) trace += A[i * p + i]!;
  let ridge = lambda;
  let coef = cholSolve(A, b, p, ridge);
  for (let k = 0; coef === undefined && k < 8; k++) {
    ridge = lambda + (trace / p || 1) * 10 ** (k - 10);
    coef = cholSolve(A, b, p, ridge);
  }
  if (coef === undefined)
    throw new InvalidArgumentError('Ridge system is singular even with a jitter; check for constant features');
  let intercept = ymean;
  for (let c = 0; c < p; c++) intercept -= coef[c]! * mean[c]!;
  return { coef, intercept: fitIntercept ? intercept : 0 };
}

function cholSolve(A: Float64Array, b: Float64Array, p: number, ridge: number): Float64Array | undefined {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j]! + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > 1e-12 * (A[i * p + i]! + ridge)) || s <= 0) return undefined;
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / L[j * p + j]!;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * z[k]!;
    z[i] = s / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}
