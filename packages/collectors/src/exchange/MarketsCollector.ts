import type { Exchange, Market } from 'ccxt';
import { InvalidArgumentError } from '@sextant/core';
import { ExchangeRequestError } from '../errors/ExchangeRequestError.js';
import { ExchangeGuard } from '../guard/ExchangeGuard.js';
import type { Bounds, MarketInfo } from './MarketInfo.type.js';

/** Options of {@link MarketsCollector}. */
export interface MarketsCollectorOptions {
  /** A ccxt exchange configured by the host. */
  exchange: Exchange;
  /** The exchange's guard. @default `ExchangeGuard.for(exchange)` */
  guard?: ExchangeGuard;
  /** How long the market list is served from cache, ms. @default 3600000 */
  ttlMs?: number;
  /** Clock, ms. @default `Date.now` */
  now?: () => number;
}

// ccxt precision modes (ccxt.DECIMAL_PLACES, ccxt.SIGNIFICANT_DIGITS, ccxt.TICK_SIZE), inlined to avoid loading ccxt.
const DECIMAL_PLACES = 2;
const TICK_SIZE = 4;

function step(value: number | undefined, mode: number): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  if (mode === TICK_SIZE) return value;
  if (mode === DECIMAL_PLACES) return 10 ** -value;
  return null; // significant digits give no fixed step
}

const bounds = (b: { min?: number | undefined; max?: number | undefined } | undefined): Bounds => ({
  min: b?.min ?? null,
  max: b?.max ?? null,
});

/**
 * The exchange's markets with precision and limits, normalised (steps as
 * tick sizes whatever ccxt's precision mode), cached for `ttlMs` (1 hour by
 * default) and refreshed through the exchange's guard; when a refresh
 * fails, the cached list is kept and `stale` says so.
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { MarketsCollector } from '@sextant/collectors';
 * const markets = new MarketsCollector({ exchange: new ccxt.binance() });
 * const eth = await markets.market('ETH/BTC');
 * console.log(eth.precision.amount, eth.limits.cost.min);
 * ```
 */
export class MarketsCollector {
  readonly #exchange: Exchange;
  readonly #guard: ExchangeGuard;
  readonly #ttl: number;
  readonly #now: () => number;
  #cache: { at: number; list: MarketInfo[]; bySymbol: Map<string, MarketInfo> } | undefined;
  #loading: Promise<void> | undefined;
  /** True when the last refresh failed and the list served is older than the TTL. */
  stale = false;

  /** @param options - exchange, guard, TTL, clock */
  constructor(options: MarketsCollectorOptions) {
    this.#exchange = options.exchange;
    this.#guard = options.guard ?? ExchangeGuard.for(options.exchange);
    this.#ttl = options.ttlMs ?? 3_600_000;
    if (!(this.#ttl >= 0)) throw new InvalidArgumentError(`ttlMs must be >= 0, got ${this.#ttl}`);
    this.#now = options.now ?? Date.now;
  }

  /**
   * Every market.
   * @returns markets sorted by symbol
   * @throws mapped ExchangeRequestError when loading fails and nothing is cached
   */
  async markets(): Promise<MarketInfo[]> {
    await this.#refresh();
    return [...(this.#cache?.list ?? [])];
  }

  /**
   * One market.
   * @param symbol - ccxt symbol
   * @returns its info
   * @throws ExchangeRequestError `BAD_SYMBOL` when it is not listed
   */
  async market(symbol: string): Promise<MarketInfo> {
    await this.#refresh();
    const m = this.#cache?.bySymbol.get(symbol);
    if (m === undefined) {
      throw new ExchangeRequestError('BAD_SYMBOL', `Symbol "${symbol}" is not listed on "${this.#exchange.id}"`, {
        details: { exchange: this.#exchange.id, symbol },
      });
    }
    return m;
  }

  async #refresh(): Promise<void> {
    if (this.#cache !== undefined && this.#now() - this.#cache.at < this.#ttl) return;
    this.#loading ??= this.#load().finally(() => {
      this.#loading = undefined;
    });
    try {
      await this.#loading;
      this.stale = false;
    } catch (e) {
      if (this.#cache === undefined) throw e;
      this.stale = true;
    }
  }

  async #load(): Promise<void> {
    const reload = this.#cache !== undefined;
    const markets = await this.#guard.read('loadMarkets', (ex) => ex.loadMarkets(reload));
    const mode = Number(this.#exchange.precisionMode);
    const list = Object.values(markets as Record<string, Market>)
      .filter((m): m is NonNullable<Market> => m !== undefined && m !== null)
      .map(
        (m): MarketInfo => ({
          symbol: m.symbol,
          id: m.id ?? m.symbol,
          base: m.base,
          quote: m.quote,
          type: m.type ?? 'spot',
          active: m.active ?? null,
          precision: { price: step(m.precision?.price, mode), amount: step(m.precision?.amount, mode) },
          limits: { amount: bounds(m.limits?.amount), price: bounds(m.limits?.price), cost: bounds(m.limits?.cost) },
        }),
      )
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
    this.#cache = { at: this.#now(), list, bySymbol: new Map(list.map((m) => [m.symbol, m])) };
  }
}
