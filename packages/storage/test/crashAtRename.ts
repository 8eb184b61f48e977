// Child process of crash.test.ts: commits version 1 of a two-month dataset,
// then starts writing version 2 and SIGKILLs itself just before the N-th
// rename of that write (N from argv): a crash at an exact commit step.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { createCandleSeries } from '@sextant/core';
import { ParquetCandleStore } from '../src/index.js';
import { loadReal } from './fixtures.js';

const [root = '', killAt = '1'] = process.argv.slice(2);
const base = await loadReal('ETH_BTC-30m.json');
const store = new ParquetCandleStore({ root });
const key = { exchange: 'binance', symbol: 'ETH/BTC', timeframe: '30m' } as const;
const version = (v: number) => createCandleSeries({ ...base, volume: new Float64Array(base.length).fill(v) });

await store.write(key, version(1));
const rename = fs.promises.rename;
let renames = 0;
fs.promises.rename = async (from, to) => {
  renames++;
  if (renames === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
syncBuiltinESMExports();
await store.write(key, version(2));
process.stdout.write(`finished after ${renames} renames\n`);
