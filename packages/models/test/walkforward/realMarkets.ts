/**
 * Test helper: the ten real BTC-quoted 5m markets of data/ohlcv as
 * FeatureFrames with a few simple features computed here (log returns over 1,
 * 3 and 12 bars, 12-bar volatility, bar range, 48-bar volume z-score), and
 * the forward 1h log return as label, looked up by time so candle gaps never
 * produce a label over the wrong span. Rows without a full feature window or
 * a label are dropped.
 */
import { readFileSync } from 'node:fs';
import { candlesFromOHLCV } from '@sextant/core';
import { FeaturePipeline, type FeatureFrame, forwardReturn } from '@sextant/features';

export const BTC_MARKETS = ['ADA', 'DASH', 'ETC', 'ETH', 'LTC', 'NXT', 'TRX', 'XLM', 'XMR', 'ZEC'] as const;
export const FEATURES = ['ret_1', 'ret_3', 'ret_12', 'vol_12', 'range', 'volume_z48'] as const;
export const HORIZON_BARS = 12;
const BAR = 300_000;
const dataDir = new URL('../../../../data/ohlcv/', import.meta.url);

export interface MarketData {
  symbol: string;
  frame: FeatureFrame;
  /** Forward 1h log return per row. */
  y: Float64Array;
}

export function loadMarket(base: (typeof BTC_MARKETS)[number], hash = 'test-simple-features-v1'): MarketData {
  const raw = JSON.parse(readFileSync(new URL(`${base}_BTC-5m.json`, dataDir), 'utf8')) as number[][];
  const t = raw.map((r) => r[0]!);
  const high = raw.map((r) => r[2]!);
  const low = raw.map((r) => r[3]!);
  const close = raw.map((r) => r[4]!);
  const volume = raw.map((r) => r[5]!);
  const at = new Map(t.map((ts, i) => [ts, i]));
  const lr = (i: number, k: number) => Math.log(close[i]! / close[i - k]!);
  const cols: number[][] = FEATURES.map(() => []);
  const ts: number[] = [];
  const y: number[] = [];
  for (let i = 48; i < raw.length; i++) {
    const j = at.get(t[i]! + HORIZON_BARS * BAR);
    if (j === undefined) continue;
    let s = 0;
    let s2 = 0;
    for (let k = i - 11; k <= i; k++) {
      const r = lr(k, 1);
      s += r;
      s2 += r * r;
    }
    let v = 0;
    let v2 = 0;
    for (let k = i - 47; k <= i; k++) {
      v += volume[k]!;
      v2 += volume[k]! ** 2;
    }
    const vMean = v / 48;
    const vStd = Math.sqrt(Math.max(0, v2 / 48 - vMean ** 2));
    const row = [
      lr(i, 1),
      lr(i, 3),
      lr(i, 12),
      Math.sqrt(Math.max(0, s2 / 12 - (s / 12) ** 2)),
      (high[i]! - low[i]!) / close[i]!,
      vStd > 0 ? (volume[i]! - vMean) / vStd : 0,
    ];
    if (!row.every(Number.isFinite)) continue;
    for (const [c, x] of row.entries()) cols[c]!.push(x);
    ts.push(t[i]!);
    y.push(Math.log(close[j]! / close[i]!));
  }
  return {
    symbol: `${base}/BTC`,
    frame: {
      timestamp: Float64Array.from(ts),
      names: [...FEATURES],
      columns: cols.map((c) => Float64Array.from(c)),
      length: ts.length,
      hash,
    },
    y: Float64Array.from(y),
  };
}

/**
 * The same market through the real `@sextant/features` pipeline (its default
 * feature set, warm-up rows dropped) with `forwardReturn` over 12 bars as the
 * label; rows whose 12 bars ahead cross a candle gap (so the label would span
 * more than 1h) or run past the data are dropped.
 */
export function loadMarketWithPipeline(base: (typeof BTC_MARKETS)[number]): MarketData & { dropped: number } {
  const raw = JSON.parse(readFileSync(new URL(`${base}_BTC-5m.json`, dataDir), 'utf8')) as number[][];
  const series = candlesFromOHLCV(raw);
  const frame = new FeaturePipeline().compute(series);
  const label = forwardReturn(series.close, HORIZON_BARS);
  const offset = series.length - frame.length;
  const keep: number[] = [];
  for (let r = 0; r < frame.length; r++) {
    const i = r + offset;
    const ahead = series.timestamp[i + HORIZON_BARS];
    if (ahead !== undefined && ahead - series.timestamp[i]! === HORIZON_BARS * BAR && Number.isFinite(label[i]!))
      keep.push(r);
  }
  const pick = (c: Float64Array) => Float64Array.from(keep, (r) => c[r]!);
  return {
    symbol: `${base}/BTC`,
    frame: {
      timestamp: pick(frame.timestamp),
      names: frame.names,
      columns: frame.columns.map(pick),
      length: keep.length,
      hash: frame.hash,
    },
    y: Float64Array.from(keep, (r) => label[r + offset]!),
    dropped: frame.length - keep.length + offset,
  };
}
