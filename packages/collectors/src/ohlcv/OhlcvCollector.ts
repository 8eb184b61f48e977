import {
  type CandleGap,
  type CandleSeries,
  InvalidArgumentError,
  InvalidCandlesError,
  type SextantError,
  type Timeframe,
  concatSeries,
  isTimeframe,
  mergeSeries,
  sliceSeriesByTime,
  parseWith,
  timeframeToMs,
  validateCandles,
} from '@sextant/core';
import type { Exchange } from 'ccxt';
import PQueue from 'p-queue';
import type { z } from 'zod';
import { ExchangeRequestError } from '../errors/ExchangeRequestError.js';
import { mapCcxtError } from '../errors/mapCcxtError.js';
import { ExchangeGuard } from '../guard/ExchangeGuard.js';
import type { CandleKey, CandleSink } from './CandleSink.type.js';
import type { OhlcvCollectReport, OhlcvCollectResult } from './OhlcvCollectReport.type.js';
import { type OhlcvCollectorConfig, OhlcvCollectorConfigSchema } from './OhlcvCollectorConfigSchema.js';
import { normalizePage } from './normalizePage.js';

/** What to collect. */
export interface OhlcvCollectOptions {
  /** ccxt symbol, e.g. `ETH/BTC`. */
  symbol: string;
  /** Candle timeframe. */
  timeframe: Timeframe;
  /** Earliest open time wanted, ms (a store's last candle overrides it when later). */
  since: number;
  /** Latest open time wanted, inclusive, ms. @default the last closed candle */
  until?: number;
}

/** One market's outcome in {@link OhlcvCollector.collectMany}. */
export type OhlcvCollectOutcome =
  | { request: OhlcvCollectOptions; ok: true; result: OhlcvCollectResult }
  | { request: OhlcvCollectOptions; ok: false; error: SextantError };

/** Options of {@link OhlcvCollector}. */
export interface OhlcvCollectorOptions extends OhlcvCollectorConfig {
  /** A ccxt exchange configured by the host (keys, sandbox, URLs, rateLimit). */
  exchange: Exchange;
  /** Resume from and write to this store as pages arrive. */
  store?: CandleSink;
  /** The exchange's guard. @default `ExchangeGuard.for(exchange)` */
  guard?: ExchangeGuard;
  /** Clock deciding which candles are closed, ms. @default `Date.now` */
  now?: () => number;
}

/**
 * Collects OHLCV history from one ccxt exchange: pages through
 * `fetchOHLCV` with `since`/`limit` at the exchange's page size, stops at
 * `until` (inclusive) or the last CLOSED candle, dedupes and sorts, validates
 * each page (bad rows throw; pages already written stay), re-requests each
 * gap once (the gaps of one page in as few requests as fit), and with a store resumes after the last stored candle and writes
 * page by page, so a rerun fetches only what is new and an interrupted run
 * loses nothing. Every request goes through the exchange's
 * {@link ExchangeGuard} (retries, Retry-After pauses, breaker, accounting).
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { OhlcvCollector } from '@sextant/collectors';
 * const collector = new OhlcvCollector({ exchange: new ccxt.binance() });
 * const { candles, report } = await collector.collect({ symbol: 'ETH/BTC', timeframe: '5m', since: Date.UTC(2024, 0, 1) });
 * console.log(candles.length, report.pages, report.gaps);
 * ```
 */
export class OhlcvCollector {
  readonly #exchange: Exchange;
  readonly #store: CandleSink | undefined;
  readonly #guard: ExchangeGuard;
  readonly #now: () => number;
  readonly #config: Readonly<z.output<typeof OhlcvCollectorConfigSchema>>;
  #markets: Promise<unknown> | undefined;

  /**
   * @param options - exchange, optional store and guard, page size, concurrency
   * @throws ConfigError when the config is invalid
   * @throws ExchangeRequestError `NOT_SUPPORTED` when the exchange has no fetchOHLCV
   */
  constructor(options: OhlcvCollectorOptions) {
    const { exchange, store, guard, now, ...config } = options;
    this.#config = parseWith(OhlcvCollectorConfigSchema, config);
    if (exchange?.has?.['fetchOHLCV'] !== true && exchange?.has?.['fetchOHLCV'] !== 'emulated') {
      throw new ExchangeRequestError('NOT_SUPPORTED', `Exchange "${exchange?.id}" does not support fetchOHLCV`);
    }
    this.#exchange = exchange;
    this.#store = store;
    this.#guard = guard ?? ExchangeGuard.for(exchange);
    this.#now = now ?? Date.now;
  }

  /** The guard all requests go through. */
  get guard(): ExchangeGuard {
    return this.#guard;
  }

  /** Candles per request for this exchange. */
  get pageSize(): number {
    const features = (this.#exchange as { features?: { spot?: { fetchOHLCV?: { limit?: number } } } }).features;
    const max = features?.spot?.fetchOHLCV?.limit ?? 500;
    return Math.min(this.#config.pageSize ?? max, max);
  }

  /**
   * Collect one market's candles.
   *
   * @param options - symbol, timeframe, since and optional inclusive until
   * @returns the new candles and a report `{ pages, fetched, gaps, repaired, retries, durationMs, ... }`
   * @throws InvalidArgumentError for a bad timeframe, since or until
   * @throws ExchangeRequestError `BAD_SYMBOL` for a symbol the exchange does not list; mapped errors when a request fails for good
   * @throws InvalidCandlesError when the exchange sends impossible candles (NaN, negative, high < low)
   */
  async collect(options: OhlcvCollectOptions): Promise<OhlcvCollectResult> {
    const t0 = performance.now();
    const { symbol, timeframe, since } = options;
    if (!isTimeframe(timeframe)) timeframeToMs(timeframe);
    if (!Number.isSafeInteger(since) || since < 0) {
      throw new InvalidArgumentError(`"since" must be a time in ms >= 0, got ${JSON.stringify(since)}`);
    }
    if (options.until !== undefined && !(Number.isSafeInteger(options.until) && options.until >= since)) {
      throw new InvalidArgumentError(
        `"until" must be a time in ms >= since ${since}, got ${JSON.stringify(options.until)}`,
      );
    }
    await this.#checkSymbol(symbol);
    const step = timeframeToMs(timeframe);
    const key: CandleKey = { exchange: this.#exchange.id, symbol, timeframe };
    const lastClosed = Math.floor(this.#now() / step) * step - step;
    const to = Math.min(options.until ?? Number.POSITIVE_INFINITY, lastClosed);
    let from = Math.ceil(since / step) * step;
    let prevLast: number | undefined;
    if (this.#store !== undefined) {
      const last = (await this.#store.coverage(key)).last;
      if (last !== undefined && last + step > from) from = last + step;
      if (last !== undefined && last >= since) prevLast = last;
    }
    const report: OhlcvCollectReport = {
      pages: 0,
      fetched: 0,
      collected: 0,
      gaps: [],
      repaired: 0,
      duplicates: 0,
      retries: 0,
      durationMs: 0,
      from,
      to,
    };
    const parts: CandleSeries[] = [];
    let cursor = from;
    while (cursor <= to) {
      let page = await this.#page(symbol, timeframe, cursor, to, report);
      if (page.length === 0) break;
      page = await this.#repair(symbol, timeframe, page, prevLast, report);
      if (this.#store !== undefined) await this.#store.write(key, page);
      parts.push(page);
      report.collected += page.length;
      prevLast = page.timestamp[page.length - 1] as number;
      cursor = prevLast + step;
    }
    const candles = concatSeries(parts);
    report.durationMs = performance.now() - t0;
    return { candles, report };
  }

  /**
   * Collect many markets with at most `concurrency` at once. All share the
   * exchange's throttle and guard, so together they stay inside its rate
   * budget. One market failing does not stop the others.
   *
   * @param requests - one {@link OhlcvCollectOptions} per market
   * @returns one outcome per request, in request order
   */
  async collectMany(requests: readonly OhlcvCollectOptions[]): Promise<OhlcvCollectOutcome[]> {
    const queue = new PQueue({ concurrency: this.#config.concurrency });
    return Promise.all(
      requests.map((request) =>
        queue.add(async (): Promise<OhlcvCollectOutcome> => {
          try {
            return { request, ok: true, result: await this.collect(request) };
          } catch (e) {
            return { request, ok: false, error: mapCcxtError(e, { exchange: this.#exchange.id, call: 'collect' }) };
          }
        }),
      ),
    );
  }

  async #checkSymbol(symbol: string): Promise<void> {
    this.#markets ??= this.#guard.read('loadMarkets', (ex) => ex.loadMarkets());
    try {
      await this.#markets;
    } catch (e) {
      this.#markets = undefined;
      throw e;
    }
    if (typeof symbol !== 'string' || this.#exchange.markets?.[symbol] === undefined) {
      throw new ExchangeRequestError(
        'BAD_SYMBOL',
        `Symbol "${String(symbol)}" is not listed on "${this.#exchange.id}"`,
        {
          details: { exchange: this.#exchange.id, symbol },
        },
      );
    }
  }

  /** One page from `cursor`, cleaned and validated. */
  async #page(
    symbol: string,
    tf: Timeframe,
    cursor: number,
    to: number,
    report: OhlcvCollectReport,
  ): Promise<CandleSeries> {
    const limit = this.pageSize;
    const rows = await this.#guard.read(
      `fetchOHLCV ${symbol} ${tf}`,
      (ex) => ex.fetchOHLCV(symbol, tf, cursor, limit),
      {
        onRetry: () => report.retries++,
      },
    );
    report.pages++;
    report.fetched += rows.length;
    const { series, duplicates } = normalizePage(rows, cursor, to);
    report.duplicates += duplicates;
    const check = validateCandles(series, { timeframe: tf });
    if (!check.ok) {
      throw new InvalidCandlesError(
        `${this.#exchange.id} sent bad ${symbol} ${tf} candles: ${check.first?.reason ?? 'invalid rows'}`,
        check,
      );
    }
    return series;
  }

  /**
   * Re-request each gap inside `page` (and between `prevLast` and it) once,
   * gaps that fit in one page together in one request; merge only the
   * candles that fall inside the gaps (the page's own candles stay as they
   * came); report the rest.
   */
  async #repair(
    symbol: string,
    tf: Timeframe,
    page: CandleSeries,
    prevLast: number | undefined,
    report: OhlcvCollectReport,
  ): Promise<CandleSeries> {
    const gaps = gapsOf(page, tf, prevLast);
    if (!this.#config.repairGaps || gaps.length === 0) {
      report.gaps.push(...gaps);
      return page;
    }
    let out = page;
    for (const group of groupGaps(gaps, timeframeToMs(tf) * this.pageSize)) {
      const found = await this.#page(symbol, tf, group[0]!.from, group[group.length - 1]!.to, report);
      for (const gap of group) {
        const inGap = sliceSeriesByTime(found, gap.from, gap.to);
        if (inGap.length > 0) {
          out = mergeSeries(out, inGap);
          report.repaired += inGap.length;
        }
      }
    }
    report.gaps.push(...gapsOf(out, tf, prevLast));
    return out;
  }
}

/**
 * Consecutive gaps grouped so that each group spans at most `span` ms from
 * its first missing candle to its last: one page request covers a group.
 */
function groupGaps(gaps: readonly CandleGap[], span: number): CandleGap[][] {
  const groups: CandleGap[][] = [];
  for (const gap of gaps) {
    const last = groups[groups.length - 1];
    if (last !== undefined && gap.to - last[0]!.from < span) last.push(gap);
    else groups.push([gap]);
  }
  return groups;
}

/** Gaps inside `page`, plus the one between `prevLast` and its first candle. */
function gapsOf(page: CandleSeries, tf: Timeframe, prevLast: number | undefined): CandleGap[] {
  const step = timeframeToMs(tf);
  const gaps = validateCandles(page, { timeframe: tf }).gaps;
  const first = page.timestamp[0] as number;
  if (prevLast !== undefined && first - prevLast > step) {
    gaps.unshift({ from: prevLast + step, to: first - step, missing: Math.round((first - prevLast) / step) - 1 });
  }
  return gaps;
}
