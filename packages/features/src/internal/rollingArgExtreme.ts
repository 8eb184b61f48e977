/**
 * Index of the highest (`max`) or lowest value in each window of `window`
 * values ending at `i`, the most recent one on ties (TA-Lib AROON's rule).
 * A monotonic deque: O(n) whatever the window. Entries before `window - 1`
 * cover the shorter prefix.
 */
export function rollingArgExtreme(src: Float64Array, window: number, max: boolean, out: Int32Array): void {
  const n = src.length;
  const dq = new Int32Array(n);
  let h = 0;
  let t = 0;
  if (max) {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      while (t > h && src[dq[t - 1]!]! <= x) t--;
      dq[t++] = i;
      if (dq[h]! <= i - window) h++;
      out[i] = dq[h]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      while (t > h && src[dq[t - 1]!]! >= x) t--;
      dq[t++] = i;
      if (dq[h]! <= i - window) h++;
      out[i] = dq[h]!;
    }
  }
}

/** Highest (`max`) or lowest value of each window of `window` values ending at `i`. */
export function rollingExtremeInto(src: Float64Array, window: number, max: boolean, out: Float64Array): void {
  const n = src.length;
  const dq = new Int32Array(n);
  let h = 0;
  let t = 0;
  if (max) {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      while (t > h && src[dq[t - 1]!]! <= x) t--;
      dq[t++] = i;
      if (dq[h]! <= i - window) h++;
      out[i] = src[dq[h]!]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      while (t > h && src[dq[t - 1]!]! >= x) t--;
      dq[t++] = i;
      if (dq[h]! <= i - window) h++;
      out[i] = src[dq[h]!]!;
    }
  }
}
