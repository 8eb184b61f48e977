import type { Exchange, Ticker } from 'ccxt';
import { InvalidArgumentError } from '@sextant/core';
import { ExchangeGuard } from '../guard/ExchangeGuard.js';
import { createScheduler } from '../schedule/createScheduler.js';
import type { Scheduler } from '../schedule/Scheduler.type.js';
import { type TickerColumns, TickerRing, type TickerSnapshot } from './TickerRing.js';

/** Where {@link TickerCollector} persists snapshots (e.g. a SQLite or Parquet writer in the host). */
export interface TickerSink {
  /** Store snapshots taken since the last call, oldest first. */
  writeTickers(snapshots: readonly TickerSnapshot[]): Promise<unknown>;
}

/** Options of {@link TickerCollector}. */
export interface TickerCollectorOptions {
  /** A ccxt exchange configured by the host. */
  exchange: Exchange;
  /** Symbols to snapshot. */
  symbols: readonly string[];
  /** Snapshots kept in memory per symbol. @default 1000 */
  capacity?: number;
  /** Persistence target. @default none */
  sink?: TickerSink;
  /** The exchange's guard. @default `ExchangeGuard.for(exchange)` */
  guard?: ExchangeGuard;
  /** Clock for snapshots without an exchange time, ms. @default `Date.now` */
  now?: () => number;
}

const num = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN);

/**
 * Periodic ticker snapshots for N symbols: one `fetchTickers` call per poll
 * when the exchange has it (else one `fetchTicker` per symbol), kept in a
 * per-symbol in-memory ring buffer ({@link TickerRing}, columnar) and
 * persisted to a {@link TickerSink} periodically and on stop.
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { TickerCollector } from '@sextant/collectors';
 * const tickers = new TickerCollector({ exchange: new ccxt.binance(), symbols: ['ETH/BTC', 'LTC/BTC'] });
 * tickers.start({ everyMs: 30_000, persistEveryMs: 300_000 });
 * // ... later
 * await tickers.stop();
 * ```
 */
export class TickerCollector {
  readonly #exchange: Exchange;
  readonly #symbols: readonly string[];
  readonly #rings = new Map<string, TickerRing>();
  readonly #guard: ExchangeGuard;
  readonly #sink: TickerSink | undefined;
  readonly #now: () => number;
  #pending: TickerSnapshot[] = [];
  #scheduler: Scheduler | undefined;

  /**
   * @param options - exchange, symbols, capacity, sink, guard
   * @throws InvalidArgumentError for no symbols or a capacity below 1
   */
  constructor(options: TickerCollectorOptions) {
    if (!Array.isArray(options.symbols) || options.symbols.length === 0) {
      throw new InvalidArgumentError('TickerCollector needs at least one symbol, got none');
    }
    const capacity = options.capacity ?? 1000;
    if (!(Number.isInteger(capacity) && capacity >= 1)) {
      throw new InvalidArgumentError(`Ticker capacity must be an integer >= 1, got ${capacity}`);
    }
    this.#exchange = options.exchange;
    this.#symbols = [...options.symbols];
    for (const s of this.#symbols) this.#rings.set(s, new TickerRing(capacity));
    this.#guard = options.guard ?? ExchangeGuard.for(options.exchange);
    this.#sink = options.sink;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Take one snapshot of every symbol.
   * @returns the snapshots, in symbol order
   * @throws mapped errors when the request fails for good
   */
  async poll(): Promise<TickerSnapshot[]> {
    let tickers: Record<string, Ticker>;
    if (this.#exchange.has['fetchTickers'] === true) {
      tickers = await this.#guard.read('fetchTickers', (ex) => ex.fetchTickers([...this.#symbols]));
    } else {
      tickers = {};
      for (const s of this.#symbols) tickers[s] = await this.#guard.read(`fetchTicker ${s}`, (ex) => ex.fetchTicker(s));
    }
    const out: TickerSnapshot[] = [];
    for (const symbol of this.#symbols) {
      const t = tickers[symbol];
      if (t === undefined) continue;
      const snap: TickerSnapshot = {
        symbol,
        timestamp: t.timestamp ?? this.#now(),
        last: num(t.last),
        bid: num(t.bid),
        ask: num(t.ask),
        baseVolume: num(t.baseVolume),
      };
      this.#rings.get(symbol)?.push(snap);
      out.push(snap);
    }
    this.#pending.push(...out);
    return out;
  }

  /**
   * A symbol's history held in memory.
   * @param symbol - one of the configured symbols
   * @returns columns, oldest first
   * @throws InvalidArgumentError for a symbol not configured
   */
  history(symbol: string): TickerColumns {
    const ring = this.#rings.get(symbol);
    if (ring === undefined)
      throw new InvalidArgumentError(`Symbol "${symbol}" is not collected; have ${this.#symbols.join(', ')}`);
    return ring.columns();
  }

  /**
   * Persist snapshots taken since the last flush. On failure they stay pending.
   * @returns how many were written
   */
  async flush(): Promise<number> {
    if (this.#sink === undefined || this.#pending.length === 0) return 0;
    const batch = this.#pending;
    this.#pending = [];
    try {
      await this.#sink.writeTickers(batch);
      return batch.length;
    } catch (e) {
      this.#pending = [...batch, ...this.#pending];
      throw e;
    }
  }

  /**
   * Poll every `everyMs` and flush every `persistEveryMs` (no overlap; failures become scheduler `error` events).
   * @param options - intervals, ms (defaults 30000 and 300000)
   * @returns the scheduler, for its events and job stats
   */
  start(options: { everyMs?: number; persistEveryMs?: number } = {}): Scheduler {
    if (this.#scheduler !== undefined) return this.#scheduler;
    const s = createScheduler();
    s.add({ name: 'tickers', everyMs: options.everyMs ?? 30_000, runAtStart: true }, async () => {
      await this.poll();
    });
    s.add({ name: 'tickers-persist', everyMs: options.persistEveryMs ?? 300_000 }, async () => {
      await this.flush();
    });
    s.start();
    this.#scheduler = s;
    return s;
  }

  /** Stop polling, wait for a running poll, and flush what is pending. */
  async stop(): Promise<void> {
    await this.#scheduler?.stop();
    this.#scheduler = undefined;
    await this.flush();
  }
}
