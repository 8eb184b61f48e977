import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The C side of the bench: a small program linked against the static TA-Lib
 * libraries that the `talib` npm package builds under
 * node_modules/talib/src/lib, compiled with gcc at bench time (never
 * committed). It reads the same candles from a raw float64 file and prints
 * the best CPU time (CLOCK_PROCESS_CPUTIME_ID) of `reps` runs of one
 * function per call, in ms, so each kernel can be measured right next to its
 * JavaScript twin on a shared, busy machine; one warm-up run is discarded.
 *
 * Two modes, because a fresh 8 MB output costs about as much as a simple
 * kernel's arithmetic:
 * - `fresh`: like a JavaScript kernel, which returns a new zeroed
 *   `Float64Array` (a fresh mmap'd calloc in V8, paid in page faults on first
 *   touch), each C call callocs its outputs inside the timed region. The
 *   mmap threshold is pinned at 1 MiB so glibc cannot quietly recycle the
 *   previous call's pages (its dynamic threshold would otherwise turn every
 *   call after the first into a reuse of already-faulted memory).
 * - `reuse`: outputs allocated and touched once before timing, the best case
 *   for C (what TA-Lib users with preallocated buffers get).
 */
const C_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <malloc.h>
#include "ta_libc.h"

/* Donchian's middle line from TA_MAX and TA_MIN outputs, as our donchian() returns it too. */
static void midline(const double *hi, const double *lo, double *mid, int k) { for (int j = 0; j < k; j++) mid[j] = (hi[j] + lo[j]) / 2; }

static double now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }

int main(int argc, char **argv) {
  int n = atoi(argv[2]), reps = atoi(argv[3]);
  const char *only = argv[4];
  int fresh = strcmp(argv[5], "fresh") == 0;
  if (fresh) mallopt(M_MMAP_THRESHOLD, 1 << 20);
  double *buf = malloc(sizeof(double) * n * 5);
  FILE *f = fopen(argv[1], "rb");
  if (!f || fread(buf, sizeof(double), (size_t)n * 5, f) != (size_t)n * 5) return 1;
  fclose(f);
  double *h = buf, *l = buf + n, *c = buf + 2 * n, *v = buf + 3 * n, *op = buf + 4 * n;
  double *o1, *o2, *o3, *t1;
  int b, k;
  TA_Initialize();
#define ALLOC() do { o1 = calloc(n, sizeof(double)); o2 = calloc(n, sizeof(double)); o3 = calloc(n, sizeof(double)); t1 = calloc(n, sizeof(double)); } while (0)
#define FREE() do { free(o1); free(o2); free(o3); free(t1); } while (0)
#define BENCH(NAME, CALL) if (strcmp(only, NAME) == 0) { double best = 1e18; if (!fresh) { ALLOC(); memset(o1, 1, sizeof(double) * n); memset(o2, 1, sizeof(double) * n); memset(o3, 1, sizeof(double) * n); memset(t1, 1, sizeof(double) * n); } \
    for (int r = 0; r <= reps; r++) { double s = now(); if (fresh) ALLOC(); \
    CALL; double e = now() - s; if (fresh) FREE(); if (r > 0 && e < best) best = e; } if (!fresh) FREE(); printf("%s %.4f\n", NAME, best); }
  BENCH("sma", TA_SMA(0, n - 1, c, 20, &b, &k, o1));
  BENCH("ema", TA_EMA(0, n - 1, c, 20, &b, &k, o1));
  BENCH("wma", TA_WMA(0, n - 1, c, 20, &b, &k, o1));
  BENCH("dema", TA_DEMA(0, n - 1, c, 20, &b, &k, o1));
  BENCH("tema", TA_TEMA(0, n - 1, c, 20, &b, &k, o1));
  BENCH("rsi", TA_RSI(0, n - 1, c, 14, &b, &k, o1));
  BENCH("macd", TA_MACD(0, n - 1, c, 12, 26, 9, &b, &k, o1, o2, o3));
  BENCH("bollinger", TA_BBANDS(0, n - 1, c, 20, 2, 2, TA_MAType_SMA, &b, &k, o1, o2, o3));
  BENCH("stddev", TA_STDDEV(0, n - 1, c, 20, 1, &b, &k, o1));
  BENCH("atr", TA_ATR(0, n - 1, h, l, c, 14, &b, &k, o1));
  BENCH("natr", TA_NATR(0, n - 1, h, l, c, 14, &b, &k, o1));
  BENCH("stochastic", TA_STOCH(0, n - 1, h, l, c, 14, 3, TA_MAType_SMA, 3, TA_MAType_SMA, &b, &k, o1, o2));
  BENCH("stochRsi", TA_STOCHRSI(0, n - 1, c, 14, 14, 3, TA_MAType_SMA, &b, &k, o1, o2));
  BENCH("willr", TA_WILLR(0, n - 1, h, l, c, 14, &b, &k, o1));
  BENCH("adx", (TA_ADX(0, n - 1, h, l, c, 14, &b, &k, o1), TA_PLUS_DI(0, n - 1, h, l, c, 14, &b, &k, o2), TA_MINUS_DI(0, n - 1, h, l, c, 14, &b, &k, o3)));
  BENCH("cci", TA_CCI(0, n - 1, h, l, c, 20, &b, &k, o1));
  BENCH("aroon", TA_AROON(0, n - 1, h, l, 25, &b, &k, o1, o2));
  BENCH("obv", TA_OBV(0, n - 1, c, v, &b, &k, o1));
  BENCH("mfi", TA_MFI(0, n - 1, h, l, c, v, 14, &b, &k, o1));
  BENCH("roc", TA_ROC(0, n - 1, c, 10, &b, &k, o1));
  BENCH("mom", TA_MOM(0, n - 1, c, 10, &b, &k, o1));
  BENCH("keltner", (TA_EMA(0, n - 1, c, 20, &b, &k, o1), TA_ATR(0, n - 1, h, l, c, 10, &b, &k, o2)));
  BENCH("donchian", (TA_MAX(0, n - 1, h, 20, &b, &k, o1), TA_MIN(0, n - 1, l, 20, &b, &k, o2), midline(o1, o2, o3, k)));
  BENCH("logReturns", (TA_ROCR(0, n - 1, c, 1, &b, &k, t1), TA_LN(0, k - 1, t1, &b, &k, o1)));
  BENCH("engulfing", TA_CDLENGULFING(0, n - 1, op, h, l, c, &b, &k, (int *)o1));
  BENCH("hammer", TA_CDLHAMMER(0, n - 1, op, h, l, c, &b, &k, (int *)o1));
  BENCH("morningStar", TA_CDLMORNINGSTAR(0, n - 1, op, h, l, c, 0.3, &b, &k, (int *)o1));
  BENCH("harami", TA_CDLHARAMI(0, n - 1, op, h, l, c, &b, &k, (int *)o1));
  BENCH("threeBlackCrows", TA_CDL3BLACKCROWS(0, n - 1, op, h, l, c, &b, &k, (int *)o1));
  BENCH("threeWhiteSoldiers", TA_CDL3WHITESOLDIERS(0, n - 1, op, h, l, c, &b, &k, (int *)o1));
  BENCH("rollingVolatility", (TA_ROCR(0, n - 1, c, 1, &b, &k, t1), TA_LN(0, k - 1, t1, &b, &k, o1), TA_STDDEV(0, k - 1, o1, 20, 1, &b, &k, o2)));
  return 0;
}
`;

/** How the C side gets its output buffers: a fresh calloc per call (like JS) or reused, pre-touched ones. */
export type TalibCMode = 'fresh' | 'reuse';

/** A compiled TA-Lib C bench: call `time(kernel, mode)` for its best CPU ms; `dispose()` removes it. */
export interface TalibCBench {
  time(kernel: string, mode: TalibCMode): number | undefined;
  dispose(): void;
}

/**
 * Compile the C bench against node_modules/talib/src/lib and write the
 * candles for it; returns the reason as a string when it cannot run.
 */
export function compileTalibC(
  root: string,
  cols: { open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array; volume: Float64Array },
  reps: number,
): TalibCBench | string {
  const lib = join(root, 'node_modules', 'talib', 'src', 'lib');
  if (!existsSync(join(lib, 'lib', 'libta_func_csr.a')))
    return 'TA-Lib static libraries not found (is talib installed?)';
  const dir = mkdtempSync(join(tmpdir(), 'sextant-talib-bench-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const n = cols.close.length;
  const data = new Float64Array(n * 5);
  data.set(cols.high, 0);
  data.set(cols.low, n);
  data.set(cols.close, 2 * n);
  data.set(cols.volume, 3 * n);
  data.set(cols.open, 4 * n);
  writeFileSync(join(dir, 'data.bin'), data);
  writeFileSync(join(dir, 'bench.c'), C_SOURCE);
  try {
    execFileSync('gcc', [
      '-O2',
      `-I${join(lib, 'include')}`,
      join(dir, 'bench.c'),
      '-o',
      join(dir, 'bench'),
      join(lib, 'lib', 'libta_func_csr.a'),
      join(lib, 'lib', 'libta_common_csr.a'),
      '-lm',
    ]);
  } catch (e) {
    dispose();
    return `gcc failed: ${(e as Error).message.split('\n')[0]}`;
  }
  return {
    time(kernel: string, mode: TalibCMode): number | undefined {
      const out = execFileSync(join(dir, 'bench'), [join(dir, 'data.bin'), String(n), String(reps), kernel, mode], {
        encoding: 'utf8',
      }).trim();
      return out ? Number(out.split(' ')[1]) : undefined;
    },
    dispose,
  };
}
