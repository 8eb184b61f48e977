import { seededRandom } from '@sextant/core';
import { setWasmKernels } from '../../src/internal/wasm/wasmModule.js';

/** Index of the first entry where `a` and `b` differ under Object.is (NaN equals NaN, +0 differs from -0), or -1. */
export function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** `fn` run with the WebAssembly tiles turned off (the JavaScript loops they stand in for). */
export function withoutTiles<T>(fn: () => T): T {
  setWasmKernels(false);
  try {
    return fn();
  } finally {
    setWasmKernels(true);
  }
}

/** Seeded random-walk highs, lows and closes of `n` bars, each bar's close moving by up to `step / 2` in log terms. */
export function randomWalk(n: number, seed: number, step = 0.004) {
  const rand = seededRandom(seed);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  let p = 100;
  for (let i = 0; i < n; i++) {
    const o = p;
    p *= Math.exp((rand() - 0.5) * step);
    high[i] = Math.max(o, p) * (1 + rand() * 0.002);
    low[i] = Math.min(o, p) * (1 - rand() * 0.002);
    close[i] = p;
  }
  return { high, low, close };
}
