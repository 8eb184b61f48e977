import type { ReportMarket } from './ReportData.type.js';

const PALETTE = ['#ff9800', '#7e57c2', '#26c6da', '#8d6e63', '#ec407a', '#66bb6a'];

/** Chart-ready data for one market, in lightweight-charts' shapes (time in UTC seconds). */
export interface MarketChartData {
  symbol: string;
  precision: number;
  candles: { time: number; open: number; high: number; low: number; close: number }[];
  overlays: { name: string; color: string; points: { time: number; value: number }[] }[];
  markers: { time: number; position: string; color: string; shape: string; text: string }[];
  equity: { time: number; value: number }[];
  buyAndHold: { time: number; value: number }[];
  drawdown: { time: number; value: number }[];
}

/** Convert one market's columnar report data into chart series. */
export function buildChartData(market: ReportMarket): MarketChartData {
  const c = market.candles;
  const candles: MarketChartData['candles'] = [];
  for (let i = 0; i < c.length; i++) {
    candles.push({
      time: (c.timestamp[i] as number) / 1000,
      open: c.open[i] as number,
      high: c.high[i] as number,
      low: c.low[i] as number,
      close: c.close[i] as number,
    });
  }
  const overlays = market.overlays.map((o, k) => {
    const points: { time: number; value: number }[] = [];
    for (let i = 0; i < c.length && i < o.values.length; i++) {
      const v = o.values[i] as number;
      if (Number.isFinite(v)) points.push({ time: (c.timestamp[i] as number) / 1000, value: v });
    }
    return { name: o.name, color: o.color ?? (PALETTE[k % PALETTE.length] as string), points };
  });
  const markers: MarketChartData['markers'] = [];
  for (const t of market.trades) {
    markers.push({
      time: snap(c.timestamp, t.entryTime) / 1000,
      position: 'belowBar',
      color: '#2e7d32',
      shape: 'arrowUp',
      text: 'BUY',
    });
    markers.push({
      time: snap(c.timestamp, t.exitTime) / 1000,
      position: 'aboveBar',
      color: t.pnl >= 0 ? '#1565c0' : '#c62828',
      shape: 'arrowDown',
      text: `SELL ${t.exitReason.replace(/^exit:/, '')}`,
    });
  }
  markers.sort((a, b) => a.time - b.time);
  const equity: MarketChartData['equity'] = [];
  const drawdown: MarketChartData['drawdown'] = [];
  let peak = market.startEquity;
  let lastT = -Infinity;
  for (let i = 0; i < market.equity.timestamp.length; i++) {
    const time = snap(c.timestamp, market.equity.timestamp[i] as number) / 1000;
    const v = market.equity.value[i] as number;
    if (time <= lastT) continue;
    lastT = time;
    if (v > peak) peak = v;
    equity.push({ time, value: v });
    drawdown.push({ time, value: peak > 0 ? -(1 - v / peak) * 100 : 0 });
  }
  const first = c.length > 0 ? (c.open[0] as number) : 1;
  const buyAndHold = candles.map((k) => ({ time: k.time, value: (market.startEquity * k.close) / first }));
  return {
    symbol: market.symbol,
    precision: pricePrecision(c.close),
    candles,
    overlays,
    markers,
    equity,
    buyAndHold,
    drawdown,
  };
}

/** The open time of the last candle at or before `t` (the first candle when `t` is earlier). */
function snap(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0) return t;
  if (t <= (times[0] as number)) return times[0] as number;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return times[lo] as number;
}

/** Decimals to show so that the median price has about five significant digits. */
function pricePrecision(close: Float64Array): number {
  if (close.length === 0) return 2;
  const sorted = Float64Array.from(close).sort();
  const median = sorted[sorted.length >> 1] as number;
  if (!(median > 0)) return 2;
  return Math.max(2, Math.min(10, Math.ceil(-Math.log10(median)) + 4));
}
