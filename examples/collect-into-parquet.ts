// Collect candles from an exchange into a Parquet dataset with the real ccxt
// binance class, here pointed at the fake Binance exchange from
// @sextant/collectors/testing so it runs offline.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OhlcvCollector } from '@sextant/collectors';
import { startFakeExchange } from '@sextant/collectors/testing';
import { toOHLCV } from '@sextant/core';
import { ParquetCandleStore } from '@sextant/storage';
import ccxt from 'ccxt';
import { isMain, realCandles } from './data.js';

export async function main(): Promise<{ collected: number; stored: number }> {
  const fake = await startFakeExchange({
    data: [{ symbol: 'ETH/BTC', timeframe: '5m', candles: toOHLCV(await realCandles('ETH/BTC')) }],
  });
  try {
    const exchange = new ccxt.binance(fake.ccxtConfig());
    const store = new ParquetCandleStore({ root: await mkdtemp(join(tmpdir(), 'sextant-example-')) });
    const collector = new OhlcvCollector({ exchange, store });
    const { candles, report } = await collector.collect({
      symbol: 'ETH/BTC',
      timeframe: '5m',
      since: Date.UTC(2018, 0, 20),
      until: Date.UTC(2018, 0, 21),
    });
    console.log(`collected ${candles.length} candles in ${report.pages} page(s), ${report.gaps.length} gap(s)`);
    const coverage = await store.coverage({ exchange: 'binance', symbol: 'ETH/BTC', timeframe: '5m' });
    console.log(`stored ${coverage.count} candles under ${store.config.root}`);
    return { collected: candles.length, stored: coverage.count };
  } finally {
    await fake.close();
  }
}

if (isMain(import.meta.url)) await main();
