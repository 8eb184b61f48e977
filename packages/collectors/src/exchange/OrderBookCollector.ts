import type { Exchange } from 'ccxt';
import { InvalidArgumentError } from '@sextant/core';
import { BadResponseError } from '../errors/BadResponseError.js';
import { ExchangeGuard } from '../guard/ExchangeGuard.js';

/** Top-N levels of an order book in columns. */
export interface OrderBookSnapshot {
  symbol: string;
  /** Exchange time when given, else receive time, ms. */
  timestamp: number;
  /** Bid prices, best (highest) first. */
  bidPrice: Float64Array;
  /** Bid amounts in base currency. */
  bidAmount: Float64Array;
  /** Ask prices, best (lowest) first. */
  askPrice: Float64Array;
  askAmount: Float64Array;
  /** (best bid + best ask) / 2, NaN when a side is empty. */
  mid: number;
  /** best ask - best bid, NaN when a side is empty. */
  spread: number;
}

/** Options of {@link OrderBookCollector}. */
export interface OrderBookCollectorOptions {
  /** A ccxt exchange configured by the host. */
  exchange: Exchange;
  /** Levels kept per side. @default 10 */
  depth?: number;
  /** The exchange's guard. @default `ExchangeGuard.for(exchange)` */
  guard?: ExchangeGuard;
}

/**
 * Snapshots of the top `depth` levels of order books, checked (bids
 * strictly descending, asks strictly ascending, no crossed book, positive
 * finite amounts) and returned as columns.
 *
 * @example
 * ```ts
 * import ccxt from 'ccxt';
 * import { OrderBookCollector } from '@sextant/collectors';
 * const books = new OrderBookCollector({ exchange: new ccxt.binance(), depth: 5 });
 * const book = await books.snapshot('ETH/BTC');
 * console.log(book.mid, book.spread);
 * ```
 */
export class OrderBookCollector {
  readonly #guard: ExchangeGuard;
  readonly #depth: number;

  /**
   * @param options - exchange, depth, guard
   * @throws InvalidArgumentError for a depth outside 1..5000
   */
  constructor(options: OrderBookCollectorOptions) {
    const depth = options.depth ?? 10;
    if (!(Number.isInteger(depth) && depth >= 1 && depth <= 5000)) {
      throw new InvalidArgumentError(`Order book depth must be an integer in 1..5000, got ${depth}`);
    }
    this.#depth = depth;
    this.#guard = options.guard ?? ExchangeGuard.for(options.exchange);
  }

  /**
   * One book.
   * @param symbol - ccxt symbol
   * @returns the top levels
   * @throws BadResponseError for a crossed or disordered book; mapped errors when the request fails
   */
  async snapshot(symbol: string): Promise<OrderBookSnapshot> {
    const book = await this.#guard.read(`fetchOrderBook ${symbol}`, (ex) => ex.fetchOrderBook(symbol, this.#depth));
    const side = (levels: readonly (readonly (number | undefined)[])[], name: string, dir: 1 | -1) => {
      const n = Math.min(this.#depth, levels.length);
      const price = new Float64Array(n);
      const amount = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const p = levels[i]?.[0];
        const a = levels[i]?.[1];
        if (typeof p !== 'number' || !(p > 0) || typeof a !== 'number' || !(a >= 0) || !Number.isFinite(p + a)) {
          throw new BadResponseError(
            `${symbol} ${name} level ${i} is [${p}, ${a}], expected a positive price and amount`,
          );
        }
        if (i > 0 && dir * (p - (price[i - 1] as number)) <= 0) {
          throw new BadResponseError(`${symbol} ${name} level ${i} price ${p} is out of order after ${price[i - 1]}`);
        }
        price[i] = p;
        amount[i] = a;
      }
      return { price, amount };
    };
    const bids = side(book.bids as number[][], 'bid', -1);
    const asks = side(book.asks as number[][], 'ask', 1);
    const bestBid = bids.price[0];
    const bestAsk = asks.price[0];
    if (bestBid !== undefined && bestAsk !== undefined && bestBid >= bestAsk) {
      throw new BadResponseError(`${symbol} book is crossed: best bid ${bestBid} >= best ask ${bestAsk}`);
    }
    const both = bestBid !== undefined && bestAsk !== undefined;
    return {
      symbol,
      timestamp: book.timestamp ?? Date.now(),
      bidPrice: bids.price,
      bidAmount: bids.amount,
      askPrice: asks.price,
      askAmount: asks.amount,
      mid: both ? (bestBid + bestAsk) / 2 : Number.NaN,
      spread: both ? bestAsk - bestBid : Number.NaN,
    };
  }
}
