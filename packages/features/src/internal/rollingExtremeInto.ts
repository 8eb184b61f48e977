/**
 * Highest (`max`) or lowest value of each window of `window` values ending
 * at `i`, tracked the way TA-Lib does (ta_MAX.c, ta_MIN.c): keep the
 * extreme's index and rescan the window only when it leaves; amortised O(1)
 * per bar on market data, and measured faster than a monotonic deque here.
 * Entries before `window - 1` cover the shorter prefix.
 */
export function rollingExtremeInto(src: Float64Array, window: number, max: boolean, out: Float64Array): void {
  const n = src.length;
  let idx = -1;
  let v = 0;
  if (max) {
    for (let i = 0; i < n; i++) {
      const start = i - window + 1;
      const x = src[i]!;
      if (idx < start || idx < 0) {
        idx = Math.max(start, 0);
        v = src[idx]!;
        for (let k = idx + 1; k <= i; k++) {
          const y = src[k]!;
          if (y >= v) {
            v = y;
            idx = k;
          }
        }
      } else if (x >= v) {
        v = x;
        idx = i;
      }
      out[i] = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const start = i - window + 1;
      const x = src[i]!;
      if (idx < start || idx < 0) {
        idx = Math.max(start, 0);
        v = src[idx]!;
        for (let k = idx + 1; k <= i; k++) {
          const y = src[k]!;
          if (y <= v) {
            v = y;
            idx = k;
          }
        }
      } else if (x <= v) {
        v = x;
        idx = i;
      }
      out[i] = v;
    }
  }
}
