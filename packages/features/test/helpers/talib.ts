import { createRequire } from 'node:module';

interface TalibResult {
  begIndex: number;
  nbElement: number;
  result: Record<string, number[]>;
}
interface Talib {
  execute(params: Record<string, unknown>): TalibResult;
}

const talib = createRequire(import.meta.url)('talib') as Talib;

/**
 * Runs a TA-Lib function (the C library built by the `talib@1.1.6` npm
 * package) and returns each output spread over the input's length with NaN
 * before TA-Lib's begIndex, the layout our kernels use.
 */
export function ta(name: string, n: number, params: Record<string, unknown>): Record<string, Float64Array> {
  const r = talib.execute({ name, startIdx: 0, endIdx: n - 1, ...params });
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(r.result)) {
    const a = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < r.nbElement; i++) a[r.begIndex + i] = v[i]!;
    out[k] = a;
  }
  return out;
}

/** Plain arrays for the addon. */
export function arr(a: Float64Array): number[] {
  return Array.from(a);
}

/** Leading NaN count. */
export function warmup(a: Float64Array): number {
  let i = 0;
  while (i < a.length && Number.isNaN(a[i]!)) i++;
  return i;
}

/**
 * Largest relative error of `ours` against `ref` from the reference's first
 * output on (|a - b| / max(|b|, 1e-300)); Infinity when one side is NaN and
 * the other is not.
 */
export function maxRelError(ours: Float64Array, ref: Float64Array): number {
  let worst = 0;
  for (let i = warmup(ref); i < ref.length; i++) {
    const a = ours[i]!;
    const b = ref[i]!;
    if (Number.isNaN(a) !== Number.isNaN(b)) return Number.POSITIVE_INFINITY;
    if (a === b || Number.isNaN(b)) continue;
    const e = Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    if (e > worst) worst = e;
  }
  return worst;
}
