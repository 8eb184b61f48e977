// Build a feature frame from real candles with the declarative pipeline, and
// check that the streaming source gives the same row as the batch frame.
import { FeaturePipeline, createFeatureSource } from '@sextant/features';
import { isMain, realCandles } from './data.js';

export async function main(): Promise<{ rows: number; features: number; streamingMatches: boolean }> {
  const candles = await realCandles('ETH/BTC');
  const pipeline = new FeaturePipeline({
    features: [
      { kind: 'rsi', period: 14 },
      { kind: 'ma', type: 'ema', period: 21 },
      { kind: 'bollinger', period: 20, stdDev: 2 },
      { kind: 'atr', period: 14 },
      { kind: 'volumeRatio', period: 20 },
    ],
  });
  const frame = pipeline.compute(candles);
  const last = frame.length - 1;
  console.log(`${frame.length} rows x ${frame.names.length} features (hash ${frame.hash})`);
  for (const [k, name] of frame.names.entries())
    console.log(`  ${name.padEnd(16)} ${frame.columns[k]?.[last]?.toFixed(5)}`);

  // The same features, one candle at a time, as a live bot computes them.
  const source = createFeatureSource(pipeline);
  let row: Float64Array | null = null;
  for (let i = 0; i < candles.length; i++) {
    row = source.update({
      symbol: 'ETH/BTC',
      timeframe: '5m',
      candle: {
        timestamp: candles.timestamp[i] as number,
        open: candles.open[i] as number,
        high: candles.high[i] as number,
        low: candles.low[i] as number,
        close: candles.close[i] as number,
        volume: candles.volume[i] as number,
      },
    });
  }
  const streamingMatches =
    row !== null && frame.columns.every((c, k) => Math.abs((c[last] as number) - (row?.[k] as number)) < 1e-9);
  console.log(`streaming equals batch on the last candle: ${streamingMatches}`);
  return { rows: frame.length, features: frame.names.length, streamingMatches };
}

if (isMain(import.meta.url)) await main();
