import { type CandleSeries, computeMetrics, sliceSeries, type Trade } from '@sextant/core';
import { loadDemoCandles } from '../../src/demo/loadDemoCandles.js';
import type { ReportData, ReportMarket } from '../../src/report/ReportData.type.js';

/**
 * Report data from the demo's real candles with a few hand-placed round trips
 * (a rendering fixture: the trades are positions in time, not a strategy).
 */
export async function sampleReport(symbols = ['ETH/BTC', 'LTC/BTC']): Promise<ReportData> {
  const all = await loadDemoCandles();
  const markets: ReportMarket[] = symbols.map((symbol) => {
    const full = all[symbol] as CandleSeries;
    const candles = sliceSeries(full, 0, 600);
    const trades: Trade[] = [];
    for (const [a, b] of [
      [50, 90],
      [200, 260],
      [400, 480],
    ] as const) {
      const entryPrice = candles.open[a + 1] as number;
      const exitPrice = candles.open[b + 1] as number;
      const amount = 0.1 / entryPrice;
      const fees = 0.001 * amount * (entryPrice + exitPrice);
      const pnl = amount * (exitPrice - entryPrice) - fees;
      trades.push({
        symbol,
        entryTime: candles.timestamp[a + 1] as number,
        exitTime: candles.timestamp[b + 1] as number,
        entryPrice,
        exitPrice,
        amount,
        pnl,
        returnPct: pnl / (amount * entryPrice),
        fees,
        exitReason: b === 260 ? 'exit:stop-loss' : 'exit:signal',
      });
    }
    const sma = new Float64Array(candles.length).fill(Number.NaN);
    for (let i = 19; i < candles.length; i++) {
      let s = 0;
      for (let k = i - 19; k <= i; k++) s += candles.close[k] as number;
      sma[i] = s / 20;
    }
    const value = new Float64Array(candles.length);
    let eq = 1;
    let open: Trade | undefined;
    for (let i = 0; i < candles.length; i++) {
      const t = candles.timestamp[i] as number;
      open = trades.find((x) => x.entryTime <= t && t < x.exitTime);
      const close = trades.find((x) => x.exitTime === t);
      if (close) eq += close.pnl;
      value[i] = open ? eq + open.amount * ((candles.close[i] as number) - open.entryPrice) : eq;
    }
    const metrics = computeMetrics({ equity: value, timestamps: candles.timestamp, startEquity: 1, trades });
    return {
      symbol,
      candles,
      overlays: [{ name: 'sma_20', values: sma }],
      trades,
      equity: { timestamp: candles.timestamp, value },
      metrics,
      startEquity: 1,
    };
  });
  return {
    title: 'Sample <report>',
    subtitle: 'real Binance candles, hand-placed trades',
    timeframe: '5m',
    markets,
    model: {
      kind: 'linear-regressor',
      target: 'fwd_ret_12',
      horizon: '1h',
      featureNames: ['rsi_14', 'ema_20'],
      importance: { rsi_14: 0.7, ema_20: 0.3 },
      metrics: { mae: 0.004, directionalAccuracy: 0.53 },
      params: { l2: 1 },
      trainRange: [markets[0]?.candles.timestamp[0] ?? 0, markets[0]?.candles.timestamp[300] ?? 0],
    },
    settings: { 'max position': '15%' },
  };
}
