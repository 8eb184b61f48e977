// The README's library example, runnable offline: collect candles into
// Parquet, build features, train a model, decide on the last candle and pass
// the order through the risk gate. Only the exchange differs from the README:
// here ccxt's binance class talks to the fake exchange on 127.0.0.1.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OhlcvCollector } from '@sextant/collectors';
import { startFakeExchange } from '@sextant/collectors/testing';
import { type Decision, DecisionEngine, type RiskVerdict, candleAt, toOHLCV } from '@sextant/core';
import { FeaturePipeline, forwardReturn } from '@sextant/features';
import { GradientBoostingRegressor, createPredictor, sliceFeatureMatrix } from '@sextant/models';
import { RiskValidator } from '@sextant/risk';
import { ParquetCandleStore } from '@sextant/storage';
import ccxt from 'ccxt';
import { isMain, realCandles } from './data.js';

export async function main(): Promise<{ decision: Decision; verdict: RiskVerdict; rows: number }> {
  const fake = await startFakeExchange({
    data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: toOHLCV(await realCandles('ETH/BTC')) }],
  });
  try {
    const root = await mkdtemp(join(tmpdir(), 'sextant-readme-'));
    // --- README example starts here (exchange: `new ccxt.binance()`, root: '.sextant/data') ---
    const store = new ParquetCandleStore({ root });
    const collector = new OhlcvCollector({ exchange: new ccxt.binance(fake.ccxtConfig()), store });
    const { candles } = await collector.collect({ symbol: 'ETH/BTC', timeframe: '5m', since: Date.UTC(2018, 0, 10) });

    const frame = new FeaturePipeline().compute(candles); // default features, warm-up rows dropped
    const label = forwardReturn(candles.close, 12).subarray(candles.length - frame.length); // 1 h ahead
    const known = frame.length - 12; // the last 12 labels are still in the future
    const model = new GradientBoostingRegressor({ nEstimators: 100, maxDepth: 4, seed: 7 }).fit(
      sliceFeatureMatrix(frame, 0, known),
      label.subarray(0, known),
    );

    const event = { symbol: 'ETH/BTC', timeframe: '5m', candle: candleAt(candles, -1) } as const;
    const features = Float64Array.from(frame.columns, (column) => column[frame.length - 1] as number);
    const predictions = { ret_1h: createPredictor(model, { name: 'ret_1h' }).predict(features, event) };
    const decision = new DecisionEngine({ horizons: { ret_1h: '1h' } }).decide({
      event,
      featureNames: frame.names,
      features,
      predictions,
      position: undefined,
    });
    const verdict = new RiskValidator({ maxPositionPct: 0.15, stopLossPct: 0.035, minCapital: 0.1 }).validate(
      { symbol: 'ETH/BTC', side: 'buy', type: 'market', reduceOnly: false, reason: 'entry', decision },
      { timestamp: event.candle.timestamp, cash: 1, equity: 1, positions: {} },
      { symbol: 'ETH/BTC', timestamp: event.candle.timestamp, price: event.candle.close },
    );
    console.log(decision.action, decision.confidence.toFixed(2), decision.reasons, verdict.outcome, verdict.reasons);
    // --- README example ends here ---
    return { decision, verdict, rows: frame.length };
  } finally {
    await fake.close();
  }
}

if (isMain(import.meta.url)) await main();
