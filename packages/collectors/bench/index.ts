/**
 * @sextant/collectors bench: collection wall time of the ten real (coin)/BTC
 * 5m markets (20 days, freqtrade test data) from the fake Binance (in a
 * worker thread, as a remote exchange would be) through the real
 * ccxt.binance class, against the rate-limit floor measured in the same run:
 * the Binance weight the fake exchange received (klines 2 per page) divided
 * by ccxt's 5 weight per cost unit, less the one unit a rested token bucket
 * holds (ccxt's `tokenBucket.capacity`), times ccxt.binance's production
 * `rateLimit` of 50 ms per unit (6000 weight/minute): the fastest any client
 * honouring that budget could go. The timed region starts with the budget
 * at rest, as that floor assumes: the untimed `loadMarkets` before it spends
 * 20 weight (200 ms of budget), which is waited out first.
 *
 * Baseline in the same run: the guard with ccxt's own throttle (`pace:
 * false`, the previous default). Also shown: maxInFlight 2, ccxt's built-in
 * `paginate` mode on the same data, maxInFlight 1, 2 and 3 over a 30 ms round
 * trip (a TCP relay in the worker), and a run with 20% of requests faulted
 * (seeded), where Retry-After pauses and 2.5 s slow answers are part of the
 * time. Each run first warms the JIT up (a few pages on a separate ccxt
 * instance, untimed). Wall times: best of 3 unless said, on a shared 2-core
 * machine; the `uptime` load is printed.
 */
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import ccxt from 'ccxt';
import { ExchangeGuard } from '../src/guard/ExchangeGuard.js';
import type { ExchangeGuardConfig } from '../src/guard/ExchangeGuardConfigSchema.js';
import { OhlcvCollector } from '../src/ohlcv/OhlcvCollector.js';
import { FAULT_KINDS, type FaultScript } from '../src/testing.js';

/** ccxt.binance's production rateLimit: ms per cost unit of 5 Binance weight (6000 weight/minute). */
const RATE_LIMIT_MS = 50;
const WEIGHT_PER_UNIT = 5;
/** ccxt.binance's token bucket capacity, cost units: the burst a rested budget allows. */
const CAPACITY_UNITS = 1;
/** Rest before the timed region: exchangeInfo's 4 units plus the bucket's 1, at 50 ms per unit, and a margin. */
const REST_MS = (20 / WEIGHT_PER_UNIT + CAPACITY_UNITS) * RATE_LIMIT_MS + 50;
/** Round trip of the "remote exchange" runs, ms. */
const ROUND_TRIP_MS = 30;
const BASES = ['ETH', 'LTC', 'NXT', 'XLM', 'ETC', 'ADA', 'TRX', 'DASH', 'XMR', 'ZEC'];
const DATA = new URL('../../../data/ohlcv/', import.meta.url);

interface Remote {
  url: string;
  first: number;
  stats(
    from: number,
  ): Promise<{ requests: number; total: number; early: number; weight: number; firstWeight: number; gaps: number[] }>;
  close(): Promise<void>;
}

async function startRemote(faults?: FaultScript, latencyMs = 0): Promise<Remote> {
  const files = BASES.map((b) => ({ symbol: `${b}/BTC`, path: new URL(`${b}_BTC-5m.json`, DATA).pathname }));
  const worker = new Worker(new URL('./fakeExchangeWorker.mjs', import.meta.url), {
    workerData: { files, faults, latencyMs },
    execArgv: ['--conditions=@sextant/source'],
  });
  const ready = await new Promise<{ url: string; first: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    url: ready.url,
    first: ready.first,
    stats: (from) =>
      new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage({ type: 'stats', from });
      }),
    close: async () => {
      worker.postMessage({ type: 'close' });
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

function binance(url: string): InstanceType<typeof ccxt.binance> {
  const api = { public: `${url}/api/v3`, private: `${url}/api/v3`, v1: `${url}/api/v1`, sapi: `${url}/sapi/v1` };
  return new ccxt.binance({
    rateLimit: RATE_LIMIT_MS,
    timeout: 2000,
    urls: { api },
    options: { fetchMarkets: { types: ['spot'] }, fetchCurrencies: false },
  });
}

interface Run {
  wall: number;
  floor: number;
  pages: number;
  candles: number;
  early: number;
  pauses: number;
  p50: number;
  p95: number;
}

async function collectAll(guardConfig: ExchangeGuardConfig, faults?: FaultScript, latencyMs = 0): Promise<Run> {
  const remote = await startRemote(faults, latencyMs);
  try {
    await warmUp(remote);
    const exchange = binance(remote.url);
    const guard = ExchangeGuard.for(exchange, { minBackoffMs: 50, maxBackoffMs: 500, retries: 8, ...guardConfig });
    await guard.read('loadMarkets', (ex) => ex.loadMarkets());
    await new Promise((r) => setTimeout(r, REST_MS));
    const collector = new OhlcvCollector({ exchange, guard, concurrency: 3 });
    const before = (await remote.stats(0)).total;
    const t0 = performance.now();
    const out = await collector.collectMany(
      BASES.map((b) => ({ symbol: `${b}/BTC`, timeframe: '5m', since: remote.first })),
    );
    const wall = performance.now() - t0;
    const s = await remote.stats(before);
    if (process.env['BENCH_GAPS']) console.log(JSON.stringify(s.gaps));
    let pages = 0;
    let candles = 0;
    for (const o of out) {
      if (!o.ok) throw o.error;
      pages += o.result.report.pages;
      candles += o.result.candles.length;
    }
    // The first request may leave at once and a rested bucket holds one unit more; every later
    // request waits its weight's worth of rate budget.
    const floor = ((s.weight - s.firstWeight) / WEIGHT_PER_UNIT - CAPACITY_UNITS) * RATE_LIMIT_MS;
    const u = guard.stats();
    return {
      wall,
      floor,
      pages,
      candles,
      early: s.early,
      pauses: u.pauses,
      p50: u.latencyMs.p50,
      p95: u.latencyMs.p95,
    };
  } finally {
    await remote.close();
  }
}

/** JIT warm-up outside the timed region: a few pages on a separate ccxt instance. */
async function warmUp(remote: Remote): Promise<void> {
  const exchange = binance(remote.url);
  const collector = new OhlcvCollector({ exchange });
  for (const b of ['ETH', 'LTC']) {
    await collector.collect({
      symbol: `${b}/BTC`,
      timeframe: '5m',
      since: remote.first,
      until: remote.first + 3 * 1000 * 300_000,
    });
  }
  await exchange.fetchOHLCV('ETH/BTC', '5m', remote.first, undefined, {
    paginate: true,
    until: remote.first + 3 * 1000 * 300_000,
  });
}

async function ccxtPaginate(): Promise<{ wall: number; candles: number }> {
  const remote = await startRemote();
  try {
    await warmUp(remote);
    const exchange = binance(remote.url);
    await exchange.loadMarkets();
    const until = remote.first + 20 * 86_400_000;
    const t0 = performance.now();
    let candles = 0;
    for (const b of BASES) {
      const rows = await exchange.fetchOHLCV(`${b}/BTC`, '5m', remote.first, undefined, {
        paginate: true,
        until,
        paginationCalls: 20,
      });
      candles += rows.length;
    }
    return { wall: performance.now() - t0, candles };
  } finally {
    await remote.close();
  }
}

const line = (name: string, r: Run): string =>
  `${name}: ${r.wall.toFixed(0)} ms for ${r.pages} pages / ${r.candles} candles; floor ${r.floor.toFixed(0)} ms -> ` +
  `${(r.wall / r.floor).toFixed(3)}x floor; early requests (ban risk) ${r.early}, Retry-After pauses ${r.pauses}; ` +
  `request latency p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;

export default async function bench(): Promise<void> {
  const load = (): string =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`ten X/BTC 5m markets x 20 days; ccxt.binance rateLimit ${RATE_LIMIT_MS} ms/unit; 3 markets at once`);
  console.log(`load average before: ${load()}`);
  // Best of 3: the machine is shared, and the minimum is the least disturbed run.
  const best = async <T extends { wall: number }>(f: () => Promise<T>): Promise<T> => {
    const runs = [await f(), await f(), await f()];
    return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
  };
  const paced = await best(() => collectAll({}));
  console.log(line('OhlcvCollector, default guard (paced by start times, maxInFlight 1), best of 3', paced));
  const ccxtPaced = await best(() => collectAll({ pace: false }));
  console.log(line("OhlcvCollector, guard over ccxt's throttle (pace: false; baseline), best of 3", ccxtPaced));
  console.log(
    `  paced by the guard vs ccxt's throttle: ${(ccxtPaced.wall / paced.wall).toFixed(3)}x faster ` +
      `(${(paced.wall / paced.floor).toFixed(3)}x vs ${(ccxtPaced.wall / ccxtPaced.floor).toFixed(3)}x the floor)`,
  );
  const two = await collectAll({ maxInFlight: 2 });
  console.log(line('OhlcvCollector, maxInFlight 2', two));
  const paginate = await best(ccxtPaginate);
  console.log(
    `ccxt fetchOHLCV paginate (one market at a time), best of 3: ${paginate.wall.toFixed(0)} ms for ${paginate.candles} candles -> ` +
      `${(paginate.wall / paced.floor).toFixed(3)}x the same floor`,
  );
  // A remote exchange: each request waits out its round trip, so with one in flight the round trip, not the
  // budget, sets the pace once it exceeds a page's share of the budget (20 ms).
  for (const maxInFlight of [1, 2, 3]) {
    const far = await collectAll({ maxInFlight }, undefined, ROUND_TRIP_MS);
    console.log(line(`OhlcvCollector over a ${ROUND_TRIP_MS} ms round trip, maxInFlight ${maxInFlight}`, far));
  }
  // The fault mix of the earlier figures (the missing-rows fault came later).
  const faulted = await collectAll(
    {},
    {
      rate: 0.2,
      seed: 20180110,
      retryAfterSec: 1,
      slowMs: 2500,
      kinds: FAULT_KINDS.filter((k) => k !== 'missing-rows'),
    },
  );
  console.log(line('OhlcvCollector, 20% faulted (seed 20180110), default guard', faulted));
  console.log(`load average after: ${load()}`);
}
