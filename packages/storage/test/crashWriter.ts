// Child process of crash.test.ts: rewrites one multi-month dataset again and
// again, each version with volume = version, until it is killed. It prints
// `writing N` before and `committed N` after each write.
import { type CandleSeries, createCandleSeries } from '@sextant/core';
import { ParquetCandleStore } from '../src/index.js';
import { loadReal } from './fixtures.js';

const [root = '', first = '1'] = process.argv.slice(2);
const base = await loadReal('ETH_BTC-30m.json');
const store = new ParquetCandleStore({ root });
const key = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '30m' } as const;

const versioned = (v: number): CandleSeries =>
  createCandleSeries({ ...base, volume: new Float64Array(base.length).fill(v) });

for (let v = Number(first); ; v++) {
  const series = versioned(v);
  process.stdout.write(`writing ${v}\n`);
  await store.write(key, series);
  process.stdout.write(`committed ${v}\n`);
}
