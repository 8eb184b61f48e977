import type { CandleSeries } from '@sextant/core';
import { z } from 'zod';
import { adxInto } from '../kernels/adx.js';
import { aroonInto } from '../kernels/aroon.js';
import { cmfInto } from '../kernels/cmf.js';
import { dema } from '../kernels/dema.js';
import { logReturnsInto } from '../kernels/logReturns.js';
import { mfiInto } from '../kernels/mfi.js';
import { natrScaled } from '../kernels/natr.js';
import { rocInto } from '../kernels/roc.js';
import { rsiInto } from '../kernels/rsi.js';
import { rsiPairInto } from '../internal/rsiPairInto.js';
import { stochRsi } from '../kernels/stochRsi.js';
import { tema } from '../kernels/tema.js';
import { closeVwapRelative } from '../kernels/vwap.js';
import { wma } from '../kernels/wma.js';
import { bollingerInto } from '../internal/bollingerInto.js';
import { cciInto } from '../internal/cciInto.js';
import { keltnerPosition } from '../internal/keltnerPosition.js';
import { macdRatios } from '../internal/macdRatios.js';
import { obvSlopeOf } from '../internal/obvSlopeOf.js';
import { maRelative, smaRatio } from '../internal/maRelative.js';
import { column } from '../internal/column.js';
import { rawStochPairInto } from '../internal/rawStochPairInto.js';
import { patternColumns } from '../internal/patternColumns.js';
import { donchianInto } from '../internal/donchianInto.js';
import { stochSmoothInto } from '../internal/stochSmoothInto.js';
import { stddevInto, stddevRatioInto } from '../internal/varianceFrom.js';
import { candleShape } from './candleShape.js';
import { scaleFree } from './scaleFree.js';

// Shared intermediates of ONE pipeline computation: FeaturePipeline drops a
// series' entry when its computation ends (releaseShared), so nothing is
// reused across calls (a series mutated in place between calls is recomputed,
// and benches time the real work).
const cache = new WeakMap<CandleSeries, Map<string, Float64Array>>();

// RSI periods of ONE pipeline computation still to be computed (planShared),
// so that two of them can share one pass.
const rsiPlans = new WeakMap<CandleSeries, number[]>();

/**
 * Tell the kinds which features one pipeline computation of `s` will ask
 * for (called before the first), so that features sharing work can be
 * computed together: two RSI periods share one pass.
 */
export function planShared(s: CandleSeries, defs: readonly { kind: string; period?: unknown }[]): void {
  const periods: number[] = [];
  for (const d of defs) if (d.kind === 'rsi' && typeof d.period === 'number') periods.push(d.period);
  if (periods.length > 1) rsiPlans.set(s, periods);
}

/** Forget the shared intermediates of `s` (called when a pipeline computation ends). */
export function releaseShared(s: CandleSeries): void {
  cache.delete(s);
  rsiPlans.delete(s);
}

/** One kernel result per series and key, shared by features that only read it (lags of one return). */
function memo(s: CandleSeries, key: string, make: () => Float64Array): Float64Array {
  let m = cache.get(s);
  if (m === undefined) cache.set(s, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = make()));
  return v;
}

/**
 * Fast %K (`williams` false) or Williams %R of `period`, computed together in
 * one pass (rawStochPairInto) the first time either is asked for; the other
 * is kept for its feature, which takes it over (so each caller owns and may
 * overwrite its array). Williams %R comes scaled by 0.01 (its feature's
 * scale, applied as it is written); fast %K unscaled.
 */
function takeRawStoch(s: CandleSeries, period: number, williams: boolean): Float64Array {
  let m = cache.get(s);
  if (m === undefined) cache.set(s, (m = new Map()));
  const key = `rawStoch:${williams ? 'r' : 'k'}:${period}`;
  const hit = m.get(key);
  if (hit !== undefined) {
    m.delete(key);
    return hit;
  }
  const n = s.length;
  const k = column(n, period - 1);
  const r = column(n, period - 1);
  rawStochPairInto(s.high, s.low, s.close, period, k, r, 0.01);
  m.set(`rawStoch:${williams ? 'k' : 'r'}:${period}`, williams ? k : r);
  return williams ? r : k;
}

/**
 * rsi(close, period) * 0.01. When planShared announced another RSI period
 * still to come, both are computed in one pass (rsiPairInto, bit-equal to
 * rsiInto for each) and the other is kept for its feature, which takes it
 * over.
 */
function takeRsi(s: CandleSeries, period: number): Float64Array {
  let m = cache.get(s);
  if (m === undefined) cache.set(s, (m = new Map()));
  const hit = m.get(`rsi:${period}`);
  if (hit !== undefined) {
    m.delete(`rsi:${period}`);
    return hit;
  }
  const n = s.length;
  const out = column(n, period);
  if (n <= period) return out;
  const plan = rsiPlans.get(s);
  let other: number | undefined;
  if (plan !== undefined) {
    const self = plan.indexOf(period);
    if (self >= 0) plan.splice(self, 1);
    const j = plan.findIndex((q) => q !== period && n > q && !m.has(`rsi:${q}`));
    if (j >= 0) other = plan.splice(j, 1)[0];
  }
  if (other === undefined) {
    rsiInto(s.close, period, out, 0.01);
    return out;
  }
  const o = column(n, other);
  if (period < other) rsiPairInto(s.close, period, out, other, o, 0.01);
  else rsiPairInto(s.close, other, o, period, out, 0.01);
  m.set(`rsi:${other}`, o);
  return out;
}

/** logReturns() into an unzeroed column. */
function logReturnsColumn(close: Float64Array, period: number): Float64Array {
  const out = column(close.length, period);
  logReturnsInto(close, period, out);
  return out;
}

const period = (def: number, min = 2) => z.number().int().min(min).max(100_000).default(def);

/**
 * Every feature kind a pipeline spec may name: its zod schema (parameters
 * with defaults), output names, warm-up length and batch computation. All
 * outputs are scale-free (ratios, oscillators scaled to about -1..1 or 0..1).
 */
export const FEATURE_KINDS = {
  logReturn: {
    schema: z.object({ kind: z.literal('logReturn'), period: period(1, 1), lag: z.number().int().min(0).default(0) }),
    names: (p: { period: number; lag: number }) => [`logret_${p.period}${p.lag ? `_lag${p.lag}` : ''}`],
    lookback: (p: { period: number; lag: number }) => p.period + p.lag,
    compute: (s: CandleSeries, p: { period: number; lag: number }) => [
      scaleFree.shift(
        memo(s, `logReturns:${p.period}`, () => logReturnsColumn(s.close, p.period)),
        p.lag,
      ),
    ],
  },
  ma: {
    schema: z.object({
      kind: z.literal('ma'),
      type: z.enum(['sma', 'ema', 'wma', 'dema', 'tema']).default('sma'),
      period: period(20),
    }),
    names: (p: { type: string; period: number }) => [`close_${p.type}_${p.period}`],
    lookback: (p: { type: string; period: number }) =>
      p.type === 'dema' ? 2 * (p.period - 1) : p.type === 'tema' ? 3 * (p.period - 1) : p.period - 1,
    compute: (s: CandleSeries, p: { type: string; period: number }) => {
      // close / sma - 1 and close / ema - 1 in one pass (the average never stored).
      if (p.type === 'sma' || p.type === 'ema') return [maRelative(s.close, p.type, p.period)];
      const f = { wma, dema, tema }[p.type as 'wma'] ?? wma;
      const m = f(s.close, p.period);
      return [scaleFree.relative(s.close, m, m)];
    },
  },
  rsi: {
    schema: z.object({ kind: z.literal('rsi'), period: period(14) }),
    names: (p: { period: number }) => [`rsi_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    // rsi() * 0.01, the scale applied as each value is written; two periods
    // of one spec in one pass (takeRsi).
    compute: (s: CandleSeries, p: { period: number }) => [takeRsi(s, p.period)],
  },
  bollinger: {
    schema: z.object({ kind: z.literal('bollinger'), period: period(20), stdDev: z.number().positive().default(2) }),
    names: (p: { period: number; stdDev: number }) => [
      `bb_pos_${p.period}_${p.stdDev}`,
      `bb_width_${p.period}_${p.stdDev}`,
    ],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number; stdDev: number }) => {
      // bollinger() + scaleFree position and width in one pass (the bands never stored).
      const pos = column(s.length, p.period - 1);
      const width = column(s.length, p.period - 1);
      bollingerInto(s.close, p.period, p.stdDev, pos, width, undefined, s.close);
      return [pos, width];
    },
  },
  macd: {
    schema: z.object({ kind: z.literal('macd'), fast: period(12), slow: period(26), signal: period(9) }),
    names: (p: { fast: number; slow: number; signal: number }) => {
      const k = `${p.fast}_${p.slow}_${p.signal}`;
      return [`macd_${k}`, `macd_signal_${k}`, `macd_hist_${k}`];
    },
    lookback: (p: { fast: number; slow: number; signal: number }) => Math.max(p.fast, p.slow) + p.signal - 2,
    compute: (s: CandleSeries, p: { fast: number; slow: number; signal: number }) => {
      // macd() + scaleFree.divide by the close, in three passes instead of eight.
      return macdRatios(s.close, p.fast, p.slow, p.signal);
    },
  },
  stochastic: {
    schema: z.object({
      kind: z.literal('stochastic'),
      kPeriod: period(14, 1),
      kSmooth: period(3, 1),
      dPeriod: period(3, 1),
    }),
    names: (p: { kPeriod: number; kSmooth: number; dPeriod: number }) => {
      const k = `${p.kPeriod}_${p.kSmooth}_${p.dPeriod}`;
      return [`stoch_k_${k}`, `stoch_d_${k}`];
    },
    lookback: (p: { kPeriod: number; kSmooth: number; dPeriod: number }) => p.kPeriod + p.kSmooth + p.dPeriod - 3,
    compute: (s: CandleSeries, p: { kPeriod: number; kSmooth: number; dPeriod: number }) => {
      // stochastic()'s steps on the fast %K shared with Williams %R of the
      // same period; both smoothings and the 0.01 scale in one pass.
      const n = s.length;
      const fast = takeRawStoch(s, p.kPeriod, false);
      const lb = p.kPeriod + p.kSmooth + p.dPeriod - 3;
      const k = column(n, lb);
      stochSmoothInto(fast, k, p.kPeriod, p.kSmooth, p.dPeriod, 0.01);
      const d = fast.fill(Number.NaN, 0, Math.min(n, lb));
      return [k, d];
    },
  },
  stochRsi: {
    schema: z.object({
      kind: z.literal('stochRsi'),
      period: period(14),
      kPeriod: period(14, 1),
      dPeriod: period(3, 1),
    }),
    names: (p: { period: number; kPeriod: number; dPeriod: number }) => {
      const k = `${p.period}_${p.kPeriod}_${p.dPeriod}`;
      return [`stochrsi_k_${k}`, `stochrsi_d_${k}`];
    },
    lookback: (p: { period: number; kPeriod: number; dPeriod: number }) => p.period + p.kPeriod + p.dPeriod - 2,
    compute: (s: CandleSeries, p: { period: number; kPeriod: number; dPeriod: number }) => {
      const r = stochRsi(s.close, p.period, p.kPeriod, p.dPeriod);
      return [scaleFree.scale(r.k, 0.01), scaleFree.scale(r.d, 0.01)];
    },
  },
  atr: {
    schema: z.object({ kind: z.literal('atr'), period: period(14, 1) }),
    names: (p: { period: number }) => [`atr_pct_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    // natr() * 0.01 in one pass (the ATR column never stored).
    compute: (s: CandleSeries, p: { period: number }) => [natrScaled(s.high, s.low, s.close, p.period, 0.01)],
  },
  stddev: {
    schema: z.object({ kind: z.literal('stddev'), period: period(20) }),
    names: (p: { period: number }) => [`stddev_pct_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      // stddev() / close in one pass.
      const out = column(s.length, p.period - 1);
      stddevRatioInto(s.close, p.period, out);
      return [out];
    },
  },
  adx: {
    schema: z.object({ kind: z.literal('adx'), period: period(14) }),
    names: (p: { period: number }) => [`adx_${p.period}`, `plus_di_${p.period}`, `minus_di_${p.period}`],
    lookback: (p: { period: number }) => 2 * p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      // adx() * 0.01, the scale applied as each value is written.
      const n = s.length;
      const out = column(n, 2 * p.period - 1);
      const plusDI = column(n, p.period);
      const minusDI = column(n, p.period);
      if (n > p.period) adxInto(s.high, s.low, s.close, p.period, out, plusDI, minusDI, 0.01);
      return [out, plusDI, minusDI];
    },
  },
  aroon: {
    schema: z.object({ kind: z.literal('aroon'), period: period(25) }),
    names: (p: { period: number }) => [`aroon_up_${p.period}`, `aroon_down_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    compute: (s: CandleSeries, p: { period: number }) => {
      // aroon() * 0.01, the scale applied as each value is written.
      const up = column(s.length, p.period);
      const down = column(s.length, p.period);
      aroonInto(s.high, s.low, p.period, up, down, 0.01);
      return [up, down];
    },
  },
  cci: {
    schema: z.object({ kind: z.literal('cci'), period: period(20) }),
    names: (p: { period: number }) => [`cci_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    // cci() * 0.01, the scale applied as each value is written.
    compute: (s: CandleSeries, p: { period: number }) => {
      const out = column(s.length, p.period - 1);
      cciInto(s.high, s.low, s.close, p.period, out, 0.01);
      return [out];
    },
  },
  mfi: {
    schema: z.object({ kind: z.literal('mfi'), period: period(14) }),
    names: (p: { period: number }) => [`mfi_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    // mfi() * 0.01, the scale applied as each value is written.
    compute: (s: CandleSeries, p: { period: number }) => {
      const out = column(s.length, p.period);
      if (s.length > p.period) mfiInto(s.high, s.low, s.close, s.volume, p.period, out, 0.01);
      return [out];
    },
  },
  willr: {
    schema: z.object({ kind: z.literal('willr'), period: period(14) }),
    names: (p: { period: number }) => [`willr_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    // willr() on the pass shared with the fast %K of the same period.
    compute: (s: CandleSeries, p: { period: number }) => [takeRawStoch(s, p.period, true)],
  },
  roc: {
    schema: z.object({ kind: z.literal('roc'), period: period(10, 1) }),
    names: (p: { period: number }) => [`roc_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    // roc() * 0.01, the scale applied as each value is written.
    compute: (s: CandleSeries, p: { period: number }) => {
      const out = column(s.length, p.period);
      rocInto(s.close, p.period, out, 0.01);
      return [out];
    },
  },
  volumeRatio: {
    schema: z.object({ kind: z.literal('volumeRatio'), period: period(20) }),
    names: (p: { period: number }) => [`volume_ratio_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      // volume / sma(volume) in one pass (the average never stored).
      return [smaRatio(s.volume, p.period)];
    },
  },
  keltner: {
    schema: z.object({
      kind: z.literal('keltner'),
      period: period(20),
      multiplier: z.number().positive().default(2),
      atrPeriod: period(10, 1),
    }),
    names: (p: { period: number; multiplier: number; atrPeriod: number }) => [
      `kc_pos_${p.period}_${p.multiplier}_${p.atrPeriod}`,
    ],
    lookback: (p: { period: number; atrPeriod: number }) => Math.max(p.period - 1, p.atrPeriod),
    compute: (s: CandleSeries, p: { period: number; multiplier: number; atrPeriod: number }) => {
      // keltner() + scaleFree.position fused (bands and ATR column never stored).
      return [keltnerPosition(s.high, s.low, s.close, p.period, p.multiplier, p.atrPeriod)];
    },
  },
  donchian: {
    schema: z.object({ kind: z.literal('donchian'), period: period(20) }),
    names: (p: { period: number }) => [`dc_pos_${p.period}`, `dc_width_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      // donchian() + scaleFree position and width in one pass (the channel never stored).
      const pos = column(s.length, p.period - 1);
      const width = column(s.length, p.period - 1);
      donchianInto(s.high, s.low, p.period, pos, width, undefined, s.close);
      return [pos, width];
    },
  },
  vwap: {
    schema: z.object({ kind: z.literal('vwap'), period: period(20, 1) }),
    names: (p: { period: number }) => [`close_vwap_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      // close / vwap() - 1 in one pass (the VWAP never stored).
      return [closeVwapRelative(s.high, s.low, s.close, s.volume, p.period)];
    },
  },
  cmf: {
    schema: z.object({ kind: z.literal('cmf'), period: period(20, 1) }),
    names: (p: { period: number }) => [`cmf_${p.period}`],
    lookback: (p: { period: number }) => p.period - 1,
    compute: (s: CandleSeries, p: { period: number }) => {
      const out = column(s.length, p.period - 1);
      cmfInto(s.high, s.low, s.close, s.volume, p.period, out);
      return [out];
    },
  },
  obvSlope: {
    schema: z.object({ kind: z.literal('obvSlope'), period: period(20, 1) }),
    names: (p: { period: number }) => [`obv_slope_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    compute: (s: CandleSeries, p: { period: number }) => {
      // obv() + scaleFree.obvSlope in one pass (the OBV line never stored).
      return [obvSlopeOf(s.close, s.volume, p.period)];
    },
  },
  volatility: {
    schema: z.object({ kind: z.literal('volatility'), period: period(20) }),
    names: (p: { period: number }) => [`volatility_${p.period}`],
    lookback: (p: { period: number }) => p.period,
    compute: (s: CandleSeries, p: { period: number }) => {
      // rollingVolatility's own steps, reusing the memoised one-bar log returns.
      const r = memo(s, 'logReturns:1', () => logReturnsColumn(s.close, 1));
      const vol = column(s.length, p.period);
      if (s.length > p.period) stddevInto(r.subarray(1), p.period, 1, vol.subarray(1));
      return [vol];
    },
  },
  patterns: {
    schema: z.object({ kind: z.literal('patterns') }),
    names: () => ['cdl_engulfing', 'cdl_doji', 'cdl_hammer', 'cdl_shooting_star'],
    lookback: () => 11,
    // candlePattern(s, name) * 0.01 for the four patterns, fused into one pass.
    compute: (s: CandleSeries) => patternColumns(s.open, s.high, s.low, s.close),
  },
  candle: {
    schema: z.object({ kind: z.literal('candle') }),
    names: () => ['candle_body', 'candle_upper_wick', 'candle_lower_wick', 'candle_range'],
    lookback: () => 0,
    compute: (s: CandleSeries) => candleShape(s),
  },
} as const;

/** Name of a feature kind, e.g. `'rsi'`. */
export type FeatureKind = keyof typeof FEATURE_KINDS;
