import { readFileSync } from 'node:fs';

/**
 * A small real feature set from shared candle data (freqtrade test data,
 * ccxt OHLCV): per 5m candle, lagged log returns (1, 2, 3, 6, 12 bars), the
 * high-low range, and the log volume change; target: the next bar's log
 * return. Rows whose lags reach before the first candle are dropped.
 */
export function realCandleFeatures(file: string): { X: number[][]; y: number[]; names: string[] } {
  const url = new URL(`../../../../data/ohlcv/${file}`, import.meta.url);
  const candles = JSON.parse(readFileSync(url, 'utf8')) as number[][];
  const close = candles.map((c) => c[4]!);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 12; i < candles.length - 1; i++) {
    const c = candles[i]!;
    const ret = (k: number) => Math.log(close[i]! / close[i - k]!);
    X.push([
      ret(1),
      ret(2),
      ret(3),
      ret(6),
      ret(12),
      (c[2]! - c[3]!) / c[4]!,
      Math.log((c[5]! + 1) / (candles[i - 1]![5]! + 1)),
    ]);
    y.push(Math.log(close[i + 1]! / close[i]!));
  }
  return { X, y, names: ['ret_1', 'ret_2', 'ret_3', 'ret_6', 'ret_12', 'range', 'dvol'] };
}
